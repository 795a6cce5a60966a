package nl.klachtenregie.complaint;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.klachtenregie.shared.Db;

/**
 * Fills {@code complaint.employee_key} for complaints registered before it existed (V9), so that "dezelfde persoon"
 * finds them too. Runs at start-up; a key is computed once per complaint and never changes afterwards.
 */
@Singleton
class EmployeeKeyBackfill {

    private final Db db;

    EmployeeKeyBackfill(Db db) {
        this.db = db;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        record Row(long id, String name) {
        }
        for (Row r : db.query("SELECT id, concerns_employee FROM complaint WHERE concerns_employee IS NOT NULL "
                + "AND employee_key IS NULL", rs -> new Row(rs.getLong(1), rs.getString(2)))) {
            db.update("UPDATE complaint SET employee_key = ? WHERE id = ?", PersonKey.of(r.name()), r.id());
        }
    }
}
