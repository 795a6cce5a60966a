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

    /** What of the tenant's profile a case can refer to. */
    public enum ProfileItem { CATEGORY, SERVICE_LINE, ESCALATION_LEVEL, EXTERNAL_BODY }

    private final Db db;
    private final ComplaintStore store;

    ComplaintStatistics(Db db, ComplaintStore store) {
        this.db = db;
        this.store = store;
    }

    /**
     * Extensions recorded after their term ran out (on the evidence of a notice sent in time) that wait for a second
     * person's confirmation: the kwaliteitsmanager's attention list.
     */
    @Transactional
    public List<UnconfirmedEvent> awaitingConfirmation(TenantId tenant) {
        return store.unconfirmed(tenant);
    }

    /**
     * Complaints received per month and kind.
     */
    /** @param countsAsFormal of {@code count}, those that count as formal complaints (formal, or taken there). */
    public record MonthKind(YearMonth month, ComplaintKind kind, long count, long countsAsFormal) {
    }

    /**
     * Obligations of one code with a term, of the complaints received in one month: met on time; of those, on time
     * only because the term was extended; and met at all.
     */
    public record MonthOnTime(YearMonth month, String code, long onTime, long onTimeByExtension, long met) {
    }

    /**
     * Unmet, not waived obligations with a term, of one month's complaints, by due date: late once that day passes
     * ({@link Lateness#pastDue}).
     */
    public record MonthUnmet(YearMonth month, String code, LocalDate dueOn, long count) {
    }

    /** Complaints of one month per combination of the dashboard's dimensions. */
    public record MonthCell(YearMonth month, ComplaintKind kind, Channel channel, String category, String serviceLine,
                            String level, CaseStatus status, Integer satisfaction, boolean concluded, long count) {
    }

    /** Complaints of one month about one employee (names compared without case). */
    public record MonthPerson(YearMonth month, String key, String name, long count) {
    }

    /** An open case's obligation that is overdue or due soon. */
    public record DueSoon(long id, String reference, CaseStatus status, String code, LocalDate dueOn,
                          String handler) {
    }

    /**
     * The change stamp of every month in [from, to] that has one: a month's stamp moves whenever a complaint received
     * in it is added or changed (in the same transaction), so figures of a month are current while its stamp is.
     */
    @Transactional
    public java.util.Map<YearMonth, Long> monthStamps(TenantId tenant, LocalDate from, LocalDate to) {
        java.util.Map<YearMonth, Long> stamps = new java.util.HashMap<>();
        db.query("SELECT month_start, stamp FROM complaint_month_stamp WHERE tenant_id = ? AND month_start BETWEEN ? "
                        + "AND ?", rs -> stamps.put(YearMonth.from(Db.date(rs, "month_start")), rs.getLong(2)),
                tenant.value(), from.withDayOfMonth(1), to);
        return stamps;
    }

    /**
     * Complaints received per month and kind.
     *
     * @param versions only cases under these regulation versions; null for all
     */
    @Transactional
    public List<MonthKind> receivedPerMonth(TenantId tenant, LocalDate from, LocalDate to, List<String> versions) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), from, to));
        return db.query("SELECT YEAR(received_on), MONTH(received_on), kind, COUNT(*), "
                        + "SUM(CASE WHEN counts_as_formal = TRUE THEN 1 ELSE 0 END) FROM complaint "
                        + "WHERE tenant_id = ? AND received_on BETWEEN ? AND ?" + versions("regulation_version", versions,
                        params) + " GROUP BY YEAR(received_on), MONTH(received_on), kind",
                rs -> new MonthKind(YearMonth.of(rs.getInt(1), rs.getInt(2)), ComplaintKind.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5)), params.toArray());
    }

    /** Per month of receipt and obligation code (with a term): met on time, on time by extension, met at all. */
    @Transactional
    public List<MonthOnTime> metPerMonth(TenantId tenant, LocalDate from, LocalDate to, List<String> versions) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), from, to));
        // The obligation index (tenant_id, received_on, code, due_on, met_on, base_due_on, waived) answers this on
        // its own; only a tenant with several regulations needs the case's version, hence the join.
        String scope = scope(versions, params);
        return db.query("SELECT YEAR(o.received_on), MONTH(o.received_on), o.code, "
                        // A duty set aside by a person is not met on time, whatever day it was set aside.
                        + "SUM(CASE WHEN " + Lateness.MET_IN_TIME + " THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN " + Lateness.MET_IN_TIME + " AND o.met_on > o.base_due_on THEN 1 ELSE 0 END), "
                        + "COUNT(*) FROM obligation o WHERE o.tenant_id = ? AND o.received_on BETWEEN ? AND ? "
                        + "AND o.due_on IS NOT NULL AND o.met_on IS NOT NULL" + scope
                        + " GROUP BY YEAR(o.received_on), MONTH(o.received_on), o.code",
                rs -> new MonthOnTime(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)), params.toArray());
    }

    /** Unmet, not waived obligations with a term, per month of receipt, code and due date. */
    @Transactional
    public List<MonthUnmet> unmetPerMonth(TenantId tenant, LocalDate from, LocalDate to, List<String> versions) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), from, to));
        String scope = scope(versions, params);
        // Unmet obligations are few (those of open cases, and misses): the (tenant_id, met_on, waived, due_on)
        // index finds them without reading the met ones.
        return db.query("SELECT YEAR(o.received_on), MONTH(o.received_on), o.code, o.due_on, COUNT(*) FROM obligation o "
                        + "WHERE o.tenant_id = ? AND " + Lateness.OPEN_DUTY + " AND o.due_on IS NOT NULL "
                        + "AND o.received_on BETWEEN ? AND ?" + scope
                        + " GROUP BY YEAR(o.received_on), MONTH(o.received_on), o.code, o.due_on",
                rs -> new MonthUnmet(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getString(3), Db.date(rs, "due_on"),
                        rs.getLong(5)), params.toArray());
    }

    /** The complaints received in [from, to] per month and every dimension the dashboard breaks down by. */
    @Transactional
    public List<MonthCell> cellsPerMonth(TenantId tenant, LocalDate from, LocalDate to) {
        String dims = "kind, channel, category, service_line, escalation_level, status, satisfaction";
        return db.query("SELECT YEAR(received_on), MONTH(received_on), " + dims + ", CASE WHEN concluded_on IS NULL "
                        + "THEN 0 ELSE 1 END, COUNT(*) FROM complaint WHERE tenant_id = ? AND received_on BETWEEN ? AND ? "
                        + "GROUP BY YEAR(received_on), MONTH(received_on), " + dims
                        + ", CASE WHEN concluded_on IS NULL THEN 0 ELSE 1 END",
                rs -> {
                    int score = rs.getInt(9);
                    Integer satisfaction = rs.wasNull() ? null : score;
                    return new MonthCell(YearMonth.of(rs.getInt(1), rs.getInt(2)),
                            ComplaintKind.valueOf(rs.getString(3)), Channel.valueOf(rs.getString(4)), rs.getString(5),
                            rs.getString(6), rs.getString(7), CaseStatus.valueOf(rs.getString(8)), satisfaction,
                            rs.getInt(10) == 1, rs.getLong(11));
                }, tenant.value(), from, to);
    }

    /**
     * Complaints about an employee, per month of receipt. One person is the staff directory entry when intake picked
     * one (key "staff:" and its id), else the typed name (without case); a placeholder ("weet ik niet") has no
     * {@link PersonKey} and is nobody (issue 16).
     */
    @Transactional
    public List<MonthPerson> personsPerMonth(TenantId tenant, LocalDate from, LocalDate to) {
        String person = "CASE WHEN concerns_staff_id IS NOT NULL THEN CONCAT('staff:', concerns_staff_id) "
                + "ELSE LOWER(concerns_employee) END";
        return db.query("SELECT YEAR(received_on), MONTH(received_on), " + person + ", MIN(concerns_employee), "
                        + "COUNT(*) FROM complaint WHERE tenant_id = ? AND received_on BETWEEN ? AND ? "
                        + "AND employee_key IS NOT NULL AND concerns_employee IS NOT NULL "
                        + "GROUP BY YEAR(received_on), MONTH(received_on), " + person,
                rs -> new MonthPerson(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getString(3), rs.getString(4),
                        rs.getLong(5)), tenant.value(), from, to);
    }

    /**
     * Open cases' obligations, unmet and not waived, due on or before {@code dueBy}, soonest first, at most
     * {@code limit}.
     */
    @Transactional
    public List<DueSoon> dueBy(TenantId tenant, Viewer viewer, LocalDate dueBy, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), dueBy));
        String visible = CaseVisibility.condition(viewer, "c", params);
        return db.query("SELECT c.id, c.reference, c.status, o.code, o.due_on, u.display_name FROM obligation o "
                        + "JOIN complaint c ON c.id = o.complaint_id AND c.tenant_id = o.tenant_id "
                        + "LEFT JOIN app_user u ON u.id = c.handler_user_id AND u.tenant_id = c.tenant_id "
                        + "WHERE o.tenant_id = ? AND " + Lateness.DUE_BY + " "
                        + "AND " + Lateness.OPEN_WORK + visible + " ORDER BY o.due_on, c.id, o.code LIMIT "
                        + Math.max(1, limit),
                rs -> new DueSoon(rs.getLong(1), rs.getString(2), CaseStatus.valueOf(rs.getString(3)),
                        rs.getString(4), Db.date(rs, "due_on"), rs.getString(6)),
                params.toArray());
    }

    /** How many open cases have an unmet, not waived obligation due on or before {@code dueBy}. */
    @Transactional
    public long casesDueBy(TenantId tenant, Viewer viewer, LocalDate dueBy) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), dueBy));
        String visible = CaseVisibility.condition(viewer, "c", params);
        return db.count("SELECT COUNT(DISTINCT c.id) FROM obligation o JOIN complaint c ON c.id = o.complaint_id "
                + "AND c.tenant_id = o.tenant_id WHERE o.tenant_id = ? AND " + Lateness.DUE_BY + " "
                + "AND " + Lateness.OPEN_WORK + visible, params.toArray());
    }

    private static String scope(List<String> versions, List<Object> params) {
        return versions == null ? "" : " AND EXISTS (SELECT 1 FROM complaint c WHERE c.id = o.complaint_id "
                + "AND c.tenant_id = o.tenant_id" + versions("c.regulation_version", versions, params) + ")";
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
