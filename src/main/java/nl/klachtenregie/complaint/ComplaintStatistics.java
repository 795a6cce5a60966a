package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
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
