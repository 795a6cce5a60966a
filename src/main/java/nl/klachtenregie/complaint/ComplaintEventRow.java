package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Stap in het dossier as stored: one row of {@code complaint_event}. The column {@code created_at} is left to the
 * database; the confirmation columns are set only by the store's conditional update (SQL).
 *
 * @param payloadJson the {@link NewEvent} as JSON
 * @param recordedBy the user who recorded it; null through the API
 */
@MappedEntity("complaint_event")
record ComplaintEventRow(@Id @GeneratedValue @Nullable Long id,
                         long tenantId,
                         long complaintId,
                         int seq,
                         EventType type,
                         LocalDate occurredOn,
                         String payloadJson,
                         @Nullable Long recordedBy,
                         @Nullable Instant recordedAt,
                         boolean needsConfirmation,
                         @Nullable Long confirmedBy,
                         @Nullable Instant confirmedAt) {
}
