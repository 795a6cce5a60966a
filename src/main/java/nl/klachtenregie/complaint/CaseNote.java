package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Notitie: a handler's internal note on a case. Never shown to the complainant (status page, letters, e-mails);
 * in the full register, not in anonymised outputs.
 *
 * @param explainsLateness the handler marked it as the explanation of a missed term ("toelichting op de
 *     termijnoverschrijding"): the reports show the latest such note as the case's explanation
 * @param author the author's display name; null for an API client without a user
 */
@Serdeable
public record CaseNote(long id, long complaintId, String text, boolean explainsLateness, @Nullable String author,
                       Instant createdAt) {
}
