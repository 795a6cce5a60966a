package nl.klachtenregie.notification;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The e-mail settings of {@code klachtenregie.mail.*} (see application.yml). */
@Singleton
class MailSettings {

    final boolean enabled;
    final String from;
    final int maxAttempts;
    final Duration retryBase;
    final Duration lease;
    final int batch;

    MailSettings(@Value("${klachtenregie.mail.enabled:false}") boolean enabled,
                 @Value("${klachtenregie.mail.from:klachtenregie@localhost}") String from,
                 @Value("${klachtenregie.mail.max-attempts:20}") int maxAttempts,
                 @Value("${klachtenregie.mail.retry-base:1m}") Duration retryBase,
                 @Value("${klachtenregie.mail.lease:2m}") Duration lease,
                 @Value("${klachtenregie.mail.batch:50}") int batch) {
        this.enabled = enabled;
        this.from = from;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBase = retryBase;
        this.lease = lease;
        this.batch = Math.max(1, batch);
    }

    /** Exponential back-off: base, 2x, 4x ... capped at six hours. */
    long retryDelayMillis(int attemptsSoFar) {
        long base = retryBase.toMillis();
        long factor = 1L << Math.min(20, Math.max(0, attemptsSoFar - 1));
        return Math.min(Duration.ofHours(6).toMillis(), base * factor);
    }
}
