package nl.klachtenregie.complaint;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Fills {@code complaint.employee_key} for complaints registered before it existed (V9), so that "dezelfde persoon"
 * finds them too. Runs at start-up; a key is computed once per complaint and never changes afterwards.
 */
@Singleton
class EmployeeKeyBackfill {

    private final ComplaintRepository complaints;

    EmployeeKeyBackfill(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        // Every tenant's complaints at once (start-up work); each key is written back scoped by the row's own tenant.
        for (ComplaintRow r : complaints.findByConcernsEmployeeIsNotNullAndEmployeeKeyIsNull()) {
            complaints.updateByTenantIdAndId(r.tenantId(), r.id(), PersonKey.of(r.concernsEmployee()));
        }
    }
}
