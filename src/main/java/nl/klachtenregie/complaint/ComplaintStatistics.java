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
}
