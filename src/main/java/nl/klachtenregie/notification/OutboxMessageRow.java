package nl.klachtenregie.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Uitgaand bericht as stored: one row of {@code outbox_message}, read by the plain lookups of {@link OutboxStore}. The
 * column {@code created_at} is left to the database; the lease columns are written only by the store's SQL.
 * {@code next_attempt_at}, {@code lease_until} and {@code sent_at} are epoch milliseconds of the wall clock.
 */
@MappedEntity("outbox_message")
record OutboxMessageRow(@Id @GeneratedValue @Nullable Long id,
                        long tenantId,
                        @Nullable Long complaintId,
                        MessageKind kind,
                        String dedupKey,
                        @Nullable String recipient,
                        String subject,
                        String body,
                        DeliveryState state,
                        int attempts,
                        long nextAttemptAt,
                        @Nullable String leaseToken,
                        @Nullable Long leaseUntil,
                        @Nullable String lastError,
                        LocalDate queuedOn,
                        @Nullable Long sentAt,
                        @Nullable String note,
                        @Nullable String supersededNote) {

    OutboxMessage message() {
        return new OutboxMessage(id, complaintId, kind, recipient, subject, body, state, attempts, lastError, queuedOn,
                sentAt == null ? null : Instant.ofEpochMilli(sentAt), OutboxStore.note(note, supersededNote),
                Instant.ofEpochMilli(nextAttemptAt));
    }
}
