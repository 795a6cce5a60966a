package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * Bewaring van een dossier: whether the case was anonymised (and on which day) and whether a legal hold keeps it
 * from being anonymised (AVG art. 17 lid 3 onder e: data needed for a legal claim may be kept).
 *
 * @param anonymisedOn the day its personal data were removed, null while they are kept
 * @param legalHoldReason why it is kept, null when there is no hold
 * @param legalHoldBy who set the hold (user name)
 * @param legalHoldOn the day the hold was set
 * @param closedOn the day the case was closed, null while open
 * @param anonymiseFrom the first day the retention run anonymises it (closed on + the tenant's period), null while
 *     open
 */
@Serdeable
public record PrivacyState(long complaintId, String reference, @Nullable LocalDate anonymisedOn,
                           @Nullable String legalHoldReason, @Nullable String legalHoldBy,
                           @Nullable LocalDate legalHoldOn, @Nullable LocalDate closedOn,
                           @Nullable LocalDate anonymiseFrom) {

    public boolean anonymised() {
        return anonymisedOn != null;
    }

    public boolean onLegalHold() {
        return legalHoldReason != null;
    }
}
