package nl.klachtenregie.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the inzagelog to its {@value CaseReads#KEEP_YEARS} years (NEN 7513): removes older reads once a day on the
 * scheduler. Every instance may run it; deleting what another instance already deleted deletes nothing.
 */
@Singleton
@Requires(property = "klachtenregie.scheduler.enabled", notEquals = "false")
class CaseReadPurge {

    private static final Logger LOG = LoggerFactory.getLogger(CaseReadPurge.class);

    private final CaseReads reads;

    CaseReadPurge(CaseReads reads) {
        this.reads = reads;
    }

    @Scheduled(fixedDelay = "${klachtenregie.scheduler.access-log-purge-interval:24h}",
            initialDelay = "${klachtenregie.scheduler.initial-delay:20s}")
    void purge() {
        try {
            int removed = reads.purge();
            if (removed > 0) {
                LOG.info("Inzagelog: {} regels ouder dan {} jaar verwijderd", removed, CaseReads.KEEP_YEARS);
            }
        } catch (RuntimeException e) {
            LOG.error("Opschonen van het inzagelog mislukt; de volgende run probeert het opnieuw", e);
        }
    }
}
