package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/** Klachtcijfers: counts over a tenant's cases for KPIs and reports. Always scoped to one tenant. */
@Singleton
public class ComplaintStatistics {

    /** Share of obligations met on time; {@code total} counts those met, and the unmet ones already due. */
    public record OnTime(long onTime, long total) {
        public Double share() {
            return total == 0 ? null : (double) onTime / total;
        }
    }

    /** What of the tenant's profile a case can refer to. */
    public enum ProfileItem { CATEGORY, SERVICE_LINE, ESCALATION_LEVEL, EXTERNAL_BODY }

    private final Db db;

    ComplaintStatistics(Db db) {
        this.db = db;
    }

    /** Complaints received in [from, to]; {@code kind} null counts every kind. */
    @Transactional
    public long received(TenantId tenant, LocalDate from, LocalDate to, ComplaintKind kind) {
        return kind == null
                ? db.count("SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND received_on BETWEEN ? AND ?",
                        tenant.value(), from, to)
                : db.count("SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND kind = ? "
                        + "AND received_on BETWEEN ? AND ?", tenant.value(), kind, from, to);
    }

    /**
     * Obligations with this code (and a term) of complaints received in [from, to]: how many were met on time,
     * out of those met or already overdue on {@code asOf}. Waived ones and ones not yet due do not count: a
     * complaint belongs to the period in which it was received, even when its term ends in the next.
     */
    @Transactional
    public OnTime onTime(TenantId tenant, String code, LocalDate from, LocalDate to, LocalDate asOf) {
        String scope = " FROM obligation o JOIN complaint c ON c.id = o.complaint_id AND c.tenant_id = o.tenant_id"
                + " WHERE o.tenant_id = ? AND o.code = ? AND o.due_on IS NOT NULL AND c.received_on BETWEEN ? AND ?";
        long onTime = db.count("SELECT COUNT(*)" + scope + " AND o.met_on IS NOT NULL AND o.met_on <= o.due_on",
                tenant.value(), code, from, to);
        long total = db.count("SELECT COUNT(*)" + scope
                        + " AND (o.met_on IS NOT NULL OR (o.waived = FALSE AND o.due_on < ?))",
                tenant.value(), code, from, to, asOf);
        return new OnTime(onTime, total);
    }

    /**
     * Complaints received per month and kind.
     *
     * @param versions only cases under these regulation versions; null for all
     */
    public record MonthKind(YearMonth month, ComplaintKind kind, long count) {
    }

    /** Obligations of one code, of the complaints received in one month. */
    public record MonthOnTime(YearMonth month, String code, long onTime, long onTimeByExtension, long total) {
    }

    /** Complaints per combination of the dashboard's dimensions, in the period ({@code current}) or the one before. */
    public record Cell(boolean current, ComplaintKind kind, Channel channel, String category, String serviceLine,
                       String level, CaseStatus status, Integer satisfaction, boolean concluded, long count) {
    }

    /** Complaints about one employee, in the period and the one before. */
    public record PersonCount(String name, long current, long previous) {
    }

    /** An open case's obligation that is overdue or due soon. */
    public record DueSoon(long id, String reference, CaseStatus status, String code, LocalDate dueOn,
                          String handler) {
    }

    @Transactional
    public List<MonthKind> receivedPerMonth(TenantId tenant, LocalDate from, LocalDate to, List<String> versions) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), from, to));
        return db.query("SELECT YEAR(received_on), MONTH(received_on), kind, COUNT(*) FROM complaint "
                        + "WHERE tenant_id = ? AND received_on BETWEEN ? AND ?" + versions("regulation_version", versions,
                        params) + " GROUP BY YEAR(received_on), MONTH(received_on), kind",
                rs -> new MonthKind(YearMonth.of(rs.getInt(1), rs.getInt(2)), ComplaintKind.valueOf(rs.getString(3)),
                        rs.getLong(4)), params.toArray());
    }

    /**
     * For every obligation code with a term, per month of receipt: met on time; of those, on time only because the
     * term was extended; and the total that counts: met, or unmet, not waived and already overdue on {@code asOf}.
     * Same counting as {@link #onTime}.
     */
    @Transactional
    public List<MonthOnTime> onTimePerMonth(TenantId tenant, LocalDate from, LocalDate to, LocalDate asOf,
                                            List<String> versions) {
        List<Object> params = new ArrayList<>(List.of(asOf, tenant.value(), from, to));
        return db.query("SELECT YEAR(c.received_on), MONTH(c.received_on), o.code, "
                        + "SUM(CASE WHEN o.met_on IS NOT NULL AND o.met_on <= o.due_on THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN o.met_on IS NOT NULL AND o.met_on <= o.due_on AND o.base_due_on IS NOT NULL "
                        + "AND o.met_on > o.base_due_on THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN o.met_on IS NOT NULL OR (o.waived = FALSE AND o.due_on < ?) THEN 1 ELSE 0 END) "
                        + "FROM complaint c JOIN obligation o ON o.complaint_id = c.id AND o.tenant_id = c.tenant_id "
                        + "WHERE c.tenant_id = ? AND c.received_on BETWEEN ? AND ? AND o.due_on IS NOT NULL"
                        + versions("c.regulation_version", versions, params)
                        + " GROUP BY YEAR(c.received_on), MONTH(c.received_on), o.code",
                rs -> new MonthOnTime(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)), params.toArray());
    }

    /**
     * The complaints received in [previousFrom, to] grouped by every dimension the dashboard breaks down by, those
     * from {@code from} on marked current: one pass over the period's rows instead of one query per dimension.
     */
    @Transactional
    public List<Cell> cells(TenantId tenant, LocalDate previousFrom, LocalDate from, LocalDate to) {
        // The parameter sits in a derived table, not in the GROUP BY: H2 and MySQL's ONLY_FULL_GROUP_BY would not
        // take "CASE WHEN received_on >= ?" in the select list as the same expression as in the GROUP BY.
        String dims = "kind, channel, category, service_line, escalation_level, status, satisfaction";
        return db.query("SELECT cur, " + dims + ", concluded, COUNT(*) FROM (SELECT CASE WHEN received_on >= ? "
                        + "THEN 1 ELSE 0 END AS cur, " + dims + ", CASE WHEN concluded_on IS NULL THEN 0 ELSE 1 END "
                        + "AS concluded FROM complaint WHERE tenant_id = ? AND received_on BETWEEN ? AND ?) t "
                        + "GROUP BY cur, " + dims + ", concluded",
                rs -> {
                    int score = rs.getInt(8);
                    return new Cell(rs.getInt(1) == 1, ComplaintKind.valueOf(rs.getString(2)),
                            Channel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                            CaseStatus.valueOf(rs.getString(7)), rs.wasNull() ? null : score, rs.getInt(9) == 1,
                            rs.getLong(10));
                }, from, tenant.value(), previousFrom, to);
    }

    /** Employees named in at least {@code minimum} complaints received in [from, to], with the count before. */
    @Transactional
    public List<PersonCount> repeatedPersons(TenantId tenant, LocalDate previousFrom, LocalDate from, LocalDate to,
                                             int minimum) {
        return db.query("SELECT MIN(concerns_employee), SUM(CASE WHEN received_on >= ? THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN received_on < ? THEN 1 ELSE 0 END) FROM complaint WHERE tenant_id = ? "
                        + "AND received_on BETWEEN ? AND ? AND concerns_employee IS NOT NULL "
                        + "GROUP BY LOWER(concerns_employee) HAVING SUM(CASE WHEN received_on >= ? THEN 1 ELSE 0 END) >= ? "
                        + "ORDER BY 2 DESC, 1",
                rs -> new PersonCount(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                from, from, tenant.value(), previousFrom, to, from, minimum);
    }

    /**
     * Open cases' obligations, unmet and not waived, due on or before {@code dueBy}, soonest first, at most
     * {@code limit}; and how many open cases have one.
     */
    @Transactional
    public List<DueSoon> dueBy(TenantId tenant, LocalDate dueBy, int limit) {
        return db.query("SELECT c.id, c.reference, c.status, o.code, o.due_on, u.display_name FROM obligation o "
                        + "JOIN complaint c ON c.id = o.complaint_id AND c.tenant_id = o.tenant_id "
                        + "LEFT JOIN app_user u ON u.id = c.handler_user_id AND u.tenant_id = c.tenant_id "
                        + "WHERE o.tenant_id = ? AND o.met_on IS NULL AND o.waived = FALSE AND o.due_on <= ? "
                        + "AND c.status <> 'CLOSED' ORDER BY o.due_on, c.id, o.code LIMIT " + Math.max(1, limit),
                rs -> new DueSoon(rs.getLong(1), rs.getString(2), CaseStatus.valueOf(rs.getString(3)),
                        rs.getString(4), Db.date(rs, "due_on"), rs.getString(6)),
                tenant.value(), dueBy);
    }

    @Transactional
    public long casesDueBy(TenantId tenant, LocalDate dueBy) {
        return db.count("SELECT COUNT(DISTINCT c.id) FROM obligation o JOIN complaint c ON c.id = o.complaint_id "
                + "AND c.tenant_id = o.tenant_id WHERE o.tenant_id = ? AND o.met_on IS NULL AND o.waived = FALSE "
                + "AND o.due_on <= ? AND c.status <> 'CLOSED'", tenant.value(), dueBy);
    }

    private static String versions(String column, List<String> versions, List<Object> params) {
        if (versions == null) {
            return "";
        }
        if (versions.isEmpty()) {
            // Fail closed: a regulation without versions has no cases, never "all cases".
            return " AND 1 = 0";
        }
        params.addAll(versions);
        return " AND " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(versions.size(), "?")) + ")";
    }

    /**
     * How many of the tenant's cases refer to this code of its profile: by category or service line; by escalation
     * level, as current level or in an escalation on the timeline; by external body, in a referral on the timeline.
     * A profile entry that cases use cannot be removed without making those cases unreadable.
     */
    @Transactional
    public long casesUsing(TenantId tenant, ProfileItem item, String code) {
        return switch (item) {
            case CATEGORY -> db.count("SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND category = ?",
                    tenant.value(), code);
            case SERVICE_LINE -> db.count("SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND service_line = ?",
                    tenant.value(), code);
            case ESCALATION_LEVEL -> db.count("SELECT COUNT(*) FROM complaint c WHERE c.tenant_id = ? AND "
                            + "(c.escalation_level = ? OR EXISTS (SELECT 1 FROM complaint_event e WHERE e.tenant_id = "
                            + "c.tenant_id AND e.complaint_id = c.id AND e.type = 'ESCALATED' AND e.payload_json LIKE ?))",
                    tenant.value(), code, payloadLike("level", code));
            case EXTERNAL_BODY -> db.count("SELECT COUNT(DISTINCT complaint_id) FROM complaint_event WHERE tenant_id = ? "
                    + "AND type = 'REFERRED_EXTERNAL' AND payload_json LIKE ?", tenant.value(), payloadLike("body", code));
        };
    }

    // The stored event is compact JSON ({"type":...,"level":"TEAM_LEAD",...}); the code's underscores are matched
    // literally, not as LIKE's single-character wildcard.
    private static String payloadLike(String field, String code) {
        String literal = code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("\"", "");
        return "%\"" + field + "\":\"" + literal + "\"%";
    }
}
