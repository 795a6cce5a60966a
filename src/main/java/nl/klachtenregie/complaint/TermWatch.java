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

    /** The duties of the tenant's open cases; each query adds which of them it wants. */
    private static final String OPEN_CASES = "FROM obligation o JOIN complaint c ON c.id = o.complaint_id "
            + "AND c.tenant_id = o.tenant_id WHERE o.tenant_id = ? AND " + Lateness.OPEN_WORK + " ";
    private static final String OPEN_TERM = OPEN_CASES + "AND " + Lateness.OPEN_DUTY + " ";
    private static final String COLUMNS = "SELECT c.id, c.reference, o.code, o.due_on, o.basis, c.handler_user_id, "
            + "c.escalation_level, c.category, c.kind, c.received_on, o.overdue_since ";

    private final Db db;

    TermWatch(Db db) {
        this.db = db;
    }

    /** Open terms of open cases that end in [{@code from}, {@code to}], soonest first. */
    @Transactional
    public List<DueTerm> termsDueBetween(TenantId tenant, LocalDate from, LocalDate to) {
        return db.query(COLUMNS + OPEN_TERM + "AND o.due_on BETWEEN ? AND ? ORDER BY o.due_on, c.id, o.code",
                TermWatch::row, tenant.value(), from, to);
    }

    /**
     * Open terms of open cases that ran out on or after {@code dueFrom} and were first seen overdue on or after
     * {@code markedSince}: the ones a notice may still be due for (older ones were announced when they were marked).
     */
    @Transactional
    public List<DueTerm> recentlyOverdue(TenantId tenant, LocalDate dueFrom, LocalDate markedSince) {
        return db.query(COLUMNS + OPEN_TERM + "AND o.due_on >= ? AND o.overdue_since >= ? ORDER BY o.due_on, c.id, o.code",
                TermWatch::row, tenant.value(), dueFrom, markedSince);
    }

    /**
     * Open duties with the given code (e.g. INFORM_MANAGEMENT) in open cases received on or after {@code receivedFrom}
     * for which the tenant's outbox holds no message with the key {@code keyPrefix + case id} yet.
     */
    @Transactional
    public List<DueTerm> unannouncedDuties(TenantId tenant, String code, LocalDate receivedFrom, String keyPrefix) {
        return db.query(COLUMNS + OPEN_TERM + "AND o.code = ? AND c.received_on >= ? AND NOT EXISTS (SELECT 1 FROM "
                        + "outbox_message m WHERE m.tenant_id = o.tenant_id AND m.dedup_key = CONCAT(?, c.id)) ORDER BY c.id",
                TermWatch::row, tenant.value(), code, receivedFrom, keyPrefix);
    }

    /**
     * Marks the open terms that ran out before {@code today} as overdue since today, if no earlier run marked them.
     * The rows are found with a plain read and then updated by id, so the marking never locks cases that users are
     * changing (an UPDATE with a subquery would share-lock every open case of the tenant).
     *
     * @return how many were newly marked
     */
    @Transactional
    public int markOverdue(TenantId tenant, LocalDate today) {
        List<Long> ids = db.query("SELECT o.id " + OPEN_CASES + "AND o.overdue_since IS NULL AND "
                        + Lateness.OVERDUE_ON,
                rs -> rs.getLong(1), tenant.value(), today);
        int marked = 0;
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(today);
            params.add(tenant.value());
            params.addAll(chunk);
            marked += db.update("UPDATE obligation SET overdue_since = ? WHERE tenant_id = ? AND id IN (" + in + ") "
                    + "AND overdue_since IS NULL", params.toArray());
        }
        return marked;
    }

    /**
     * The first day the scheduler ran for the tenant, recorded now if this is that day (several instances: the first
     * insert wins, the others read it).
     */
    @Transactional
    public LocalDate watchStartedOn(TenantId tenant, LocalDate today) {
        java.util.Optional<LocalDate> known = db.queryOne("SELECT started_on FROM watch_state WHERE tenant_id = ?",
                rs -> Db.date(rs, "started_on"), tenant.value());
        if (known.isPresent()) {
            return known.get();
        }
        try {
            db.update("INSERT INTO watch_state (tenant_id, started_on) VALUES (?, ?)", tenant.value(), today);
            return today;
        } catch (RuntimeException e) {
            if (Db.isDuplicateKey(e)) {
                return db.queryOne("SELECT started_on FROM watch_state WHERE tenant_id = ?",
                        rs -> Db.date(rs, "started_on"), tenant.value()).orElse(today);
            }
            throw e;
        }
    }

    /**
     * Claims up to {@code limit} open cases with an id above {@code afterId} for re-evaluation today: a case is
     * claimed by the one conditional UPDATE that moves its {@code evaluated_on} to today, so of several instances
     * exactly one re-evaluates it.
     *
     * @return the candidates looked at (the caller pages on with the last of them) and the ids this caller claimed
     */
    @Transactional
    public Claim claimForReevaluation(TenantId tenant, LocalDate today, long afterId, int limit) {
        List<Long> candidates = db.query("SELECT id FROM complaint WHERE tenant_id = ? AND status <> 'CLOSED' "
                        + "AND (evaluated_on IS NULL OR evaluated_on < ?) AND id > ? ORDER BY id LIMIT " + Math.max(1, limit),
                rs -> rs.getLong(1), tenant.value(), today, afterId);
        List<Long> claimed = new ArrayList<>();
        for (long id : candidates) {
            int won = db.update("UPDATE complaint SET evaluated_on = ? WHERE tenant_id = ? AND id = ? "
                    + "AND (evaluated_on IS NULL OR evaluated_on < ?)", today, tenant.value(), id, today);
            if (won == 1) {
                claimed.add(id);
            }
        }
        return new Claim(candidates.isEmpty() ? afterId : candidates.get(candidates.size() - 1), candidates.size(),
                claimed);
    }

    /** What one claim looked at ({@code lastId}, {@code looked}) and won ({@code claimed}). */
    public record Claim(long lastId, int looked, List<Long> claimed) {
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
