package nl.klachtenregie.publicform;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.klachtenregie.tenant.TenantId;

/**
 * Verzendlimiet: at most {@code klachtenregie.public-form.max-per-hour} submissions of the public form per sender
 * address per hour, across all tenants and instances. The address is kept only as a keyed hash, and only for a day.
 */
@Singleton
public class SubmissionLimit {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration KEPT = Duration.ofDays(1);
    private static final String PURPOSE = "sender-address";

    /**
     * Toelating: whether a submission may go ahead.
     *
     * @param retryAt when the sender may submit again; null when admitted
     */
    public record Admission(boolean admitted, Instant retryAt) {
        /** Let through without counting (a post of a form that was already stored). */
        public static final Admission ADMITTED = new Admission(true, null);

    }

    private static final Sort OLDEST_FIRST = Sort.of(Sort.Order.asc("atMillis"));

    private final SubmissionAttemptRepository attempts;
    private final PlatformSecret secret;
    private final WallClock clock;
    private final int maxPerHour;

    SubmissionLimit(SubmissionAttemptRepository attempts, PlatformSecret secret, WallClock clock,
                    @Value("${klachtenregie.public-form.max-per-hour:5}") int maxPerHour) {
        this.attempts = attempts;
        this.secret = secret;
        this.clock = clock;
        this.maxPerHour = Math.max(1, maxPerHour);
    }

    public int maxPerHour() {
        return maxPerHour;
    }

    /**
     * Counts a submission from {@code senderAddress} to {@code tenant} if the sender is under the limit, and says
     * so; a refused submission is not counted, so waiting is enough to be admitted again.
     */
    @Transactional
    public Admission admit(TenantId tenant, String senderAddress) {
        long now = clock.now().toEpochMilli();
        String hash = secret.hmacHex(PURPOSE, senderAddress == null || senderAddress.isBlank() ? "-" : senderAddress);
        // Count and insert under one lock shared by every instance: counting first and inserting afterwards would
        // let a burst of parallel posts all see the same count and all get through.
        secret.lockUntilCommit();
        attempts.deleteByAtMillisLessThan(now - KEPT.toMillis());
        List<Long> recent = attempts.findAtMillisByAddressHashAndAtMillisGreaterThan(hash, now - WINDOW.toMillis(),
                OLDEST_FIRST);
        if (recent.size() >= maxPerHour) {
            // Admitted again once enough of the hour's submissions have left the window to be under the limit.
            long leaves = recent.get(recent.size() - maxPerHour) + WINDOW.toMillis() + 1;
            return new Admission(false, Instant.ofEpochMilli(leaves));
        }
        attempts.save(new SubmissionAttemptRow(null, tenant.value(), hash, now));
        return new Admission(true, null);
    }
}
