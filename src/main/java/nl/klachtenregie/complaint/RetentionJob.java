package nl.klachtenregie.complaint;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's retention run: every instance runs it; the conditional UPDATE of {@link Anonymiser} decides which
 * instance anonymises a case. Tests switch the scheduler off and call {@link Retention#run()} with a clock they move.
 */
@Singleton
@Requires(property = "klachtenregie.scheduler.enabled", notEquals = "false")
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "${klachtenregie.scheduler.retention-interval:6h}",
            initialDelay = "${klachtenregie.scheduler.retention-initial-delay:2m}")
    void anonymiseExpired() {
        try {
            Retention.RunResult r = retention.run();
            if (r.anonymised() > 0) {
                LOG.info("Bewaartermijn: {} dossier(s) geanonimiseerd", r.anonymised());
            }
        } catch (RuntimeException e) {
            LOG.error("Bewaartermijn mislukt; de volgende run probeert het opnieuw", e);
        }
    }
}
