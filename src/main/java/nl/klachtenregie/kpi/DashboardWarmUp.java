package nl.klachtenregie.kpi;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import nl.klachtenregie.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voorverwarmen: after a start, counts every tenant's months of the current year's dashboard in the background, so
 * the first view after a restart is as fast as the next (the counts stay current through the month stamps). Off in
 * tests ({@code klachtenregie.dashboard.warm-up}); a failure only costs the first viewer the wait.
 */
@Singleton
public class DashboardWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardWarmUp.class);

    private final DashboardService dashboards;
    private final TenantDirectory tenants;
    private final boolean enabled;
    private volatile CompletableFuture<Integer> done = CompletableFuture.completedFuture(0);

    DashboardWarmUp(DashboardService dashboards, TenantDirectory tenants,
                    @Value("${klachtenregie.dashboard.warm-up:true}") boolean enabled) {
        this.dashboards = dashboards;
        this.tenants = tenants;
        this.enabled = enabled;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (enabled) {
            done = CompletableFuture.supplyAsync(this::warmUp, runnable -> {
                Thread t = new Thread(runnable, "dashboard-warm-up");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                t.start();
            });
        }
    }

    /** Completes with the number of tenants counted (for the benchmark). */
    public CompletableFuture<Integer> done() {
        return done;
    }

    private int warmUp() {
        long start = System.nanoTime();
        int n = 0;
        for (String slug : tenants.slugs()) {
            try {
                dashboards.dashboard(tenants.resolve(slug), dashboards.current(Granularity.YEAR));
                n++;
            } catch (RuntimeException e) {
                LOG.warn("Dashboard of {} not counted ahead: {}", slug, e.getMessage());
            }
        }
        LOG.info("Dashboards of {} tenants counted ahead in {} ms", n, (System.nanoTime() - start) / 1_000_000);
        return n;
    }
}
