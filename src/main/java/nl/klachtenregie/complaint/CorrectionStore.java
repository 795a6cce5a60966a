package nl.klachtenregie.complaint;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/**
 * Persistence of corrections ({@code complaint_correction} and its changes, V13): written once through the
 * repositories, read back with the corrector's name (a join with the users: SQL). Every statement filters on the
 * tenant.
 */
@Singleton
class CorrectionStore {

    /** A change to store; {@code label} only for a term. */
    record NewChange(Correction.Kind kind, String field, String label, String oldValue, String newValue) {
    }

    /** A stored correction with its raw changes, oldest first. */
    record Stored(long id, Instant correctedAt, Long correctedBy, String correctedByName, String reason,
                  List<NewChange> changes) {
    }

    private final Db db;
    private final CorrectionRepository corrections;
    private final CorrectionChangeRepository changes;

    CorrectionStore(Db db, CorrectionRepository corrections, CorrectionChangeRepository changes) {
        this.db = db;
        this.corrections = corrections;
        this.changes = changes;
    }

    long save(TenantId tenant, long complaintId, Long by, Instant at, String reason, List<NewChange> list) {
        long id = corrections.save(new CorrectionRow(null, tenant.value(), complaintId, by, at, reason)).id();
        List<CorrectionChangeRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            NewChange c = list.get(i);
            rows.add(new CorrectionChangeRow(null, tenant.value(), id, i + 1, c.kind(), c.field(), c.label(),
                    c.oldValue(), c.newValue()));
        }
        changes.saveAll(rows);
        return id;
    }

    /** The case's corrections, oldest first, each with its changes in the order they were stored. */
    List<Stored> of(TenantId tenant, long complaintId) {
        Map<Long, Stored> byId = new LinkedHashMap<>();
        db.query("SELECT k.id, k.corrected_at, k.corrected_by, u.display_name, k.reason FROM complaint_correction k "
                        + "LEFT JOIN app_user u ON u.id = k.corrected_by AND u.tenant_id = k.tenant_id "
                        + "WHERE k.tenant_id = ? AND k.complaint_id = ? ORDER BY k.corrected_at, k.id",
                rs -> {
                    long by = rs.getLong(3);
                    Long correctedBy = rs.wasNull() ? null : by;
                    byId.put(rs.getLong(1), new Stored(rs.getLong(1), rs.getTimestamp(2).toInstant(), correctedBy,
                            rs.getString(4), rs.getString(5), new ArrayList<>()));
                    return null;
                }, tenant.value(), complaintId);
        if (byId.isEmpty()) {
            return List.of();
        }
        db.query("SELECT c.correction_id, c.kind, c.field_name, c.label, c.old_value, c.new_value "
                        + "FROM complaint_correction_change c JOIN complaint_correction k ON k.id = c.correction_id "
                        + "AND k.tenant_id = c.tenant_id WHERE c.tenant_id = ? AND k.complaint_id = ? "
                        + "ORDER BY c.correction_id, c.seq",
                rs -> {
                    Stored s = byId.get(rs.getLong(1));
                    if (s != null) {
                        s.changes().add(new NewChange(Correction.Kind.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                    return null;
                }, tenant.value(), complaintId);
        return List.copyOf(byId.values());
    }

    /** How many corrections the case has (the edit page and tests count them). */
    long count(TenantId tenant, long complaintId) {
        return db.count("SELECT COUNT(*) FROM complaint_correction WHERE tenant_id = ? AND complaint_id = ?",
                tenant.value(), complaintId);
    }
}
