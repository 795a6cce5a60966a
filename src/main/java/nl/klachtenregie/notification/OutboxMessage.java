package nl.klachtenregie.notification;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Uitgaand bericht: one e-mail as it was queued, and where its delivery stands.
 *
 * @param complaintId the case it is about, or null
 * @param recipient null when nobody could be found to send it to
 * @param queuedOn the case date on which it was queued
 * @param sentAt when the SMTP server accepted it, or null
 * @param note what happened after sending (e.g. the acknowledgement recorded on the timeline)
 */
public record OutboxMessage(long id, @Nullable Long complaintId, MessageKind kind, @Nullable String recipient,
                            String subject, String body, DeliveryState state, int attempts, @Nullable String lastError,
                            LocalDate queuedOn, @Nullable Instant sentAt, @Nullable String note,
                            @Nullable Instant nextAttemptAt) {
    public OutboxMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(queuedOn, "queuedOn");
    }

    /** Sending it again by hand makes sense only when it did not go and could go. */
    public boolean canRetry() {
        return (state == DeliveryState.FAILED || state == DeliveryState.NOT_SENT) && recipient != null;
    }
}
