package nl.klachtenregie.improvement;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/** Persistence of the verbeterregister. Every statement filters on tenant_id: an id alone never finds a row. */
@Singleton
class ImprovementStore {

    private static final String COLUMNS = "id, measure_number, title, description, kind, measure_level, origin_type, "
            + "origin_key, origin_description, owner, due_on, status, completed_on, created_on, created_by, "
            + "reviewed_on, review_year, review_effective, review_notes, reviewed_by, row_version";

    private final Db db;

    ImprovementStore(Db db) {
        this.db = db;
    }

    /**
     * The next number of the tenant's year. As {@code ComplaintStore.nextReference}: the counter row is created with
     * a no-op upsert first, so two first measures of a year wait on one row lock instead of both inserting.
     */
    String nextNumber(TenantId tenant, int year) {
        db.update("INSERT INTO improvement_counter (tenant_id, yr, next_no) VALUES (?, ?, 1) "
                + "ON DUPLICATE KEY UPDATE next_no = next_no", tenant.value(), year);
        int no = db.queryOne("SELECT next_no FROM improvement_counter WHERE tenant_id = ? AND yr = ? FOR UPDATE",
                rs -> rs.getInt(1), tenant.value(), year).orElseThrow();
        db.update("UPDATE improvement_counter SET next_no = ? WHERE tenant_id = ? AND yr = ?", no + 1, tenant.value(),
                year);
        return String.format("VM-%d-%03d", year, no);
    }

    long insert(TenantId tenant, String number, NewMeasure m, LocalDate createdOn, String createdBy) {
        return db.insert("INSERT INTO improvement_measure (tenant_id, measure_number, title, description, kind, "
                        + "measure_level, origin_type, origin_key, origin_description, owner, due_on, status, "
                        + "completed_on, created_on, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), number, m.title(), m.description(), m.kind(), m.level(), m.origin().type(),
                m.origin().key(), m.origin().description(), m.owner(), m.dueOn(), m.status(), m.completedOn(),
                createdOn, createdBy);
    }

    /** Changes the measure if nobody saved it since {@code expectedRowVersion}; false when someone did. */
    boolean update(TenantId tenant, long id, NewMeasure m, int expectedRowVersion) {
        return db.update("UPDATE improvement_measure SET title = ?, description = ?, kind = ?, measure_level = ?, "
                        + "origin_type = ?, origin_key = ?, origin_description = ?, owner = ?, due_on = ?, status = ?, "
                        + "completed_on = ?, row_version = row_version + 1 "
                        + "WHERE tenant_id = ? AND id = ? AND row_version = ?",
                m.title(), m.description(), m.kind(), m.level(), m.origin().type(), m.origin().key(),
                m.origin().description(), m.owner(), m.dueOn(), m.status(), m.completedOn(), tenant.value(), id,
                expectedRowVersion) == 1;
    }

    boolean review(TenantId tenant, long id, Review r, int expectedRowVersion) {
        return db.update("UPDATE improvement_measure SET reviewed_on = ?, review_year = ?, review_effective = ?, "
                        + "review_notes = ?, reviewed_by = ?, row_version = row_version + 1 "
                        + "WHERE tenant_id = ? AND id = ? AND row_version = ?",
                r.reviewedOn(), r.year(), r.effective(), r.notes(), r.reviewedBy(), tenant.value(), id,
                expectedRowVersion) == 1;
    }

    void replaceComplaints(TenantId tenant, long measureId, Collection<Long> complaintIds) {
        db.update("DELETE FROM improvement_measure_complaint WHERE tenant_id = ? AND measure_id = ?", tenant.value(),
                measureId);
        for (long complaintId : new LinkedHashSet<>(complaintIds)) {
            db.update("INSERT INTO improvement_measure_complaint (tenant_id, measure_id, complaint_id) VALUES (?, ?, ?)",
                    tenant.value(), measureId, complaintId);
        }
    }

    /** The case ids of those references that are the tenant's complaints; references of others are absent. */
    Map<String, Long> complaintIds(TenantId tenant, Collection<String> references) {
        Map<String, Long> found = new LinkedHashMap<>();
        List<String> refs = List.copyOf(new LinkedHashSet<>(references));
        if (refs.isEmpty()) {
            return found;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(refs.size(), "?"));
        Object[] params = new Object[refs.size() + 1];
        params[0] = tenant.value();
        for (int i = 0; i < refs.size(); i++) {
            params[i + 1] = refs.get(i);
        }
        db.query("SELECT id, reference FROM complaint WHERE tenant_id = ? AND reference IN (" + marks + ")",
                rs -> found.put(rs.getString("reference"), rs.getLong("id")), params);
        return found;
    }

    Optional<Measure> find(TenantId tenant, long id, boolean lock) {
        List<Measure> found = load(tenant, "id = ?" + (lock ? " FOR UPDATE" : ""), id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<Measure> all(TenantId tenant) {
        return load(tenant, "1 = 1 ORDER BY created_on DESC, id DESC");
    }

    List<Measure> relevantTo(TenantId tenant, LocalDate from, LocalDate to) {
        return load(tenant, "(created_on BETWEEN ? AND ? OR due_on BETWEEN ? AND ? OR completed_on BETWEEN ? AND ? "
                + "OR reviewed_on BETWEEN ? AND ?) ORDER BY created_on DESC, id DESC", from, to, from, to, from, to,
                from, to);
    }

    Set<String> originKeys(TenantId tenant) {
        return new LinkedHashSet<>(db.query("SELECT DISTINCT origin_key FROM improvement_measure WHERE tenant_id = ? "
                + "AND origin_key IS NOT NULL", rs -> rs.getString(1), tenant.value()));
    }

    /** Measures matching {@code where} (their own columns), each with its complaint references: two queries. */
    private List<Measure> load(TenantId tenant, String where, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = tenant.value();
        System.arraycopy(params, 0, all, 1, params.length);
        List<Row> rows = db.query("SELECT " + COLUMNS + " FROM improvement_measure WHERE tenant_id = ? AND " + where,
                ImprovementStore::row, all);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> refs = new HashMap<>();
        if (rows.size() == 1) {
            db.query("SELECT l.measure_id, c.reference FROM improvement_measure_complaint l JOIN complaint c "
                            + "ON c.id = l.complaint_id AND c.tenant_id = l.tenant_id WHERE l.tenant_id = ? "
                            + "AND l.measure_id = ? ORDER BY c.reference",
                    rs -> refs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)),
                    tenant.value(), rows.get(0).id());
        } else {
            db.query("SELECT l.measure_id, c.reference FROM improvement_measure_complaint l JOIN complaint c "
                            + "ON c.id = l.complaint_id AND c.tenant_id = l.tenant_id WHERE l.tenant_id = ? "
                            + "ORDER BY c.reference",
                    rs -> refs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)),
                    tenant.value());
        }
        return rows.stream().map(r -> r.measure(refs.getOrDefault(r.id(), List.of()))).toList();
    }

    /** A row without its complaint references. */
    private record Row(long id, String number, String title, String description, MeasureKind kind,
                       MeasureLevel level, Origin origin, String owner, LocalDate dueOn, MeasureStatus status,
                       LocalDate completedOn, Review review, LocalDate createdOn, String createdBy, int rowVersion) {
        Measure measure(List<String> references) {
            return new Measure(id, number, title, description, kind, level, origin, references, owner, dueOn, status,
                    completedOn, review, createdOn, createdBy, rowVersion);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        LocalDate reviewedOn = Db.date(rs, "reviewed_on");
        Review review = reviewedOn == null ? null : new Review(reviewedOn, rs.getInt("review_year"),
                Effectiveness.valueOf(rs.getString("review_effective")), rs.getString("review_notes"),
                rs.getString("reviewed_by"));
        return new Row(rs.getLong("id"), rs.getString("measure_number"), rs.getString("title"),
                rs.getString("description"), MeasureKind.valueOf(rs.getString("kind")),
                MeasureLevel.valueOf(rs.getString("measure_level")),
                new Origin(OriginType.valueOf(rs.getString("origin_type")), rs.getString("origin_key"),
                        rs.getString("origin_description")),
                rs.getString("owner"), Db.date(rs, "due_on"), MeasureStatus.valueOf(rs.getString("status")),
                Db.date(rs, "completed_on"), review, Db.date(rs, "created_on"), rs.getString("created_by"),
                rs.getInt("row_version"));
    }
}
