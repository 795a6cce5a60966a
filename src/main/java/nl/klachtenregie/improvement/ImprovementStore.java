package nl.klachtenregie.improvement;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
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

/**
 * Persistence of the verbeterregister. Every statement filters on tenant_id: an id alone never finds a row. The rows
 * themselves go through {@link MeasureRepository}; the counter, the lookup of case ids and the join with the
 * complaints stay SQL.
 */
@Singleton
class ImprovementStore {

    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("createdOn"), Sort.Order.desc("id"));

    private final Db db;
    private final MeasureRepository measures;
    private final MeasureComplaintLinkRepository links;

    ImprovementStore(Db db, MeasureRepository measures, MeasureComplaintLinkRepository links) {
        this.db = db;
        this.measures = measures;
        this.links = links;
    }

    /**
     * The next number of the tenant's year (a counter under a row lock: SQL, not a repository). As {@code ComplaintStore.nextReference}: the counter row is created with
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
        return measures.save(MeasureRow.of(tenant.value(), number, m, createdOn, createdBy)).id();
    }

    /** Changes the measure if nobody saved it since {@code expectedRowVersion}; false when someone did. */
    boolean update(TenantId tenant, long id, NewMeasure m, int expectedRowVersion) {
        try {
            measures.updateByTenantIdAndId(tenant.value(), id, expectedRowVersion, m.title(), m.description(),
                    m.kind(), m.level(), m.origin().type(), m.origin().key(), m.origin().description(), m.owner(),
                    m.dueOn(), m.status(), m.completedOn());
            return true;
        } catch (OptimisticLockException e) {
            return false;
        }
    }

    boolean review(TenantId tenant, long id, Review r, int expectedRowVersion) {
        try {
            measures.updateByTenantIdAndId(tenant.value(), id, expectedRowVersion, r.reviewedOn(), r.year(),
                    r.effective(), r.notes(), r.reviewedBy());
            return true;
        } catch (OptimisticLockException e) {
            return false;
        }
    }

    void replaceComplaints(TenantId tenant, long measureId, Collection<Long> complaintIds) {
        links.deleteByTenantIdAndIdMeasureId(tenant.value(), measureId);
        List<MeasureComplaintLink> rows = new LinkedHashSet<>(complaintIds).stream()
                .map(c -> new MeasureComplaintLink(new MeasureComplaintLink.Key(measureId, c), tenant.value()))
                .toList();
        if (!rows.isEmpty()) {
            links.saveAll(rows);
        }
    }

    /**
     * The case ids of those references that are the tenant's complaints; references of others are absent. (Another
     * feature's table with an IN list of any length: SQL.)
     */
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
        Optional<MeasureRow> row = lock ? measures.findByTenantIdAndIdForUpdate(tenant.value(), id)
                : measures.findByTenantIdAndId(tenant.value(), id);
        return row.map(r -> withReferences(tenant, List.of(r)).get(0));
    }

    List<Measure> all(TenantId tenant) {
        return withReferences(tenant, measures.findByTenantId(tenant.value(), NEWEST_FIRST));
    }

    List<Measure> relevantTo(TenantId tenant, LocalDate from, LocalDate to) {
        return withReferences(tenant, measures.findRelevant(tenant.value(), from, to));
    }

    Set<String> originKeys(TenantId tenant) {
        return new LinkedHashSet<>(measures.findDistinctOriginKeyByTenantIdAndOriginKeyIsNotNull(tenant.value()));
    }

    /** The measures of these rows, each with its complaint references: one more query. */
    private List<Measure> withReferences(TenantId tenant, List<MeasureRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // A join with another feature's table: SQL is clearer than a mapped association here.
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
}
