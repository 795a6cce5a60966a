package nl.klachtenregie.notification;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler: watches the terms and sends the outbox on fixed delays. Every instance runs it; the database
 * decides which instance does what (see {@link DeadlineWatch} and {@link OutboxDispatcher}). Tests switch it off and
 * call the two directly, with a clock they move.
 */
@Singleton
@Requires(property = "klachtenregie.scheduler.enabled", notEquals = "false")
class NotificationJobs {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationJobs.class);

    private final DeadlineWatch watch;
    private final OutboxDispatcher dispatcher;

    NotificationJobs(DeadlineWatch watch, OutboxDispatcher dispatcher) {
        this.watch = watch;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${klachtenregie.scheduler.watch-interval:5m}",
            initialDelay = "${klachtenregie.scheduler.initial-delay:20s}")
    void watchTerms() {
        try {
            DeadlineWatch.Result r = watch.run();
            if (r.reminders() + r.missedTerms() + r.managementNotices() + r.changed() > 0) {
                LOG.info("Termijnbewaking: {}", r);
            }
        } catch (RuntimeException e) {
            LOG.error("Termijnbewaking mislukt; de volgende run probeert het opnieuw", e);
        }
    }

    @Scheduled(fixedDelay = "${klachtenregie.scheduler.send-interval:30s}",
            initialDelay = "${klachtenregie.scheduler.initial-delay:20s}")
    void sendOutbox() {
        try {
            dispatcher.dispatch();
        } catch (RuntimeException e) {
            LOG.error("Verzenden van het postvak uit mislukt; de volgende run probeert het opnieuw", e);
        }
    }
}
