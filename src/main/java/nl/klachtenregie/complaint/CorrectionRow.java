package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Correctie as stored: one row of {@code complaint_correction}, the group of changes one save made (who, when, why).
 * Hidden behind {@link CorrectionStore}.
 *
 * @param correctedBy the user who corrected; null for an API client without a user
 * @param reason why, as typed; null when no reason was needed and none was given
 */
@MappedEntity("complaint_correction")
record CorrectionRow(@Id @GeneratedValue @Nullable Long id,
                     long tenantId,
                     long complaintId,
                     @Nullable Long correctedBy,
                     Instant correctedAt,
                     @Nullable String reason) {
}
