package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/**
 * Termijnbewaking: what the scheduler reads and marks in the cases of one tenant. Every query is scoped to the tenant
 * it is given; the scheduler walks the tenants one by one.
 */
@Singleton
public class TermWatch {

    private static final String OPEN_TERM = "FROM obligation o JOIN complaint c ON c.id = o.complaint_id "
            + "AND c.tenant_id = o.tenant_id WHERE o.tenant_id = ? AND c.status <> 'CLOSED' AND o.met_on IS NULL "
            + "AND o.waived = FALSE ";
    private static final String COLUMNS = "SELECT c.id, c.reference, o.code, o.due_on, o.basis, c.handler_user_id, "
            + "c.escalation_level, c.category, c.kind, c.received_on, o.overdue_since ";

    private final Db db;

    TermWatch(Db db) {
        this.db = db;
    }

    /** Open terms of open cases that end on or before {@code until}, soonest first. */
    @Transactional
    public List<DueTerm> termsDueBy(TenantId tenant, LocalDate until) {
        return db.query(COLUMNS + OPEN_TERM + "AND o.due_on IS NOT NULL AND o.due_on <= ? ORDER BY o.due_on, c.id, o.code",
                TermWatch::row, tenant.value(), until);
    }

    /** Open duties with the given code in open cases (e.g. INFORM_MANAGEMENT), with or without a term. */
    @Transactional
    public List<DueTerm> openDuties(TenantId tenant, String code) {
        return db.query(COLUMNS + OPEN_TERM + "AND o.code = ? ORDER BY c.id", TermWatch::row, tenant.value(), code);
    }

    /**
     * Marks the open terms that ran out before {@code today} as overdue since today, if no earlier run marked them.
     *
     * @return how many were newly marked
     */
    @Transactional
    public int markOverdue(TenantId tenant, LocalDate today) {
        return db.update("UPDATE obligation SET overdue_since = ? WHERE tenant_id = ? AND overdue_since IS NULL "
                + "AND met_on IS NULL AND waived = FALSE AND due_on IS NOT NULL AND due_on < ? AND complaint_id IN "
                + "(SELECT id FROM complaint WHERE tenant_id = ? AND status <> 'CLOSED')",
                today, tenant.value(), today, tenant.value());
    }

    /**
     * Claims up to {@code limit} open cases for re-evaluation today: a case is claimed by the one conditional UPDATE
     * that moves its {@code evaluated_on} to today, so of several instances exactly one re-evaluates it.
     *
     * @return the ids this caller claimed
     */
    @Transactional
    public List<Long> claimForReevaluation(TenantId tenant, LocalDate today, int limit) {
        List<Long> candidates = db.query("SELECT id FROM complaint WHERE tenant_id = ? AND status <> 'CLOSED' "
                        + "AND (evaluated_on IS NULL OR evaluated_on < ?) ORDER BY id LIMIT " + Math.max(1, limit),
                rs -> rs.getLong(1), tenant.value(), today);
        List<Long> claimed = new ArrayList<>();
        for (long id : candidates) {
            int won = db.update("UPDATE complaint SET evaluated_on = ? WHERE tenant_id = ? AND id = ? "
                    + "AND (evaluated_on IS NULL OR evaluated_on < ?)", today, tenant.value(), id, today);
            if (won == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    private static DueTerm row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long handler = rs.getLong("handler_user_id");
        Long handlerId = rs.wasNull() ? null : handler;
        return new DueTerm(rs.getLong("id"), rs.getString("reference"), rs.getString("code"), Db.date(rs, "due_on"),
                rs.getString("basis"), handlerId, rs.getString("escalation_level"), rs.getString("category"),
                ComplaintKind.valueOf(rs.getString("kind")), Db.date(rs, "received_on"),
                Db.date(rs, "overdue_since"));
    }
}
