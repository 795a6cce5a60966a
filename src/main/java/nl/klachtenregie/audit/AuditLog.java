package nl.klachtenregie.audit;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.klachtenregie.tenant.TenantId;

/**
 * Logboek: every change to a tenant's configuration (profile, regulation versions, letter templates, users),
 * with who made it, when, and what changed. Entries are only ever added, in the same transaction as the change,
 * so a change without its entry cannot be committed.
 */
@Singleton
public class AuditLog {

    /** Logregel: one change. */
    public record Entry(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    /** Detail longer than this is cut: the log says what changed, the version itself keeps the full text. */
    static final int MAX_DETAIL = 60_000;

    private final AuditRepository rows;
    private final Clock clock;

    AuditLog(AuditRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * Adds an entry. Call it inside the transaction of the change.
     *
     * @param actor the user name of who made the change (never blank)
     * @param action a short code, e.g. {@code REGULATION_ACTIVATED}
     * @param subject what was changed, e.g. the version or the template kind
     * @param detail what changed, for a person to read
     */
    @Transactional
    public void record(TenantId tenant, String actor, String action, String subject, String detail) {
        Objects.requireNonNull(tenant, "tenant");
        if (actor == null || actor.isBlank() || action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an actor and an action");
        }
        String d = detail == null ? "" : detail;
        if (d.length() > MAX_DETAIL) {
            d = d.substring(0, MAX_DETAIL) + "\n[... ingekort]";
        }
        rows.save(new AuditRow(null, tenant.value(), Instant.now(clock), actor, action, subject == null ? "" : subject,
                d));
    }

    /** The newest entries older than entry {@code before} (exclusive), newest first: one page of the log. */
    @Transactional
    public List<Entry> before(TenantId tenant, long before, int limit) {
        return rows.findByTenantIdAndIdLessThan(tenant.value(), before, newest(limit)).stream().map(AuditRow::entry)
                .toList();
    }

    /** The newest entries first. */
    @Transactional
    public List<Entry> recent(TenantId tenant, int limit) {
        return rows.findByTenantId(tenant.value(), newest(limit)).stream().map(AuditRow::entry).toList();
    }

    /** The first page of at most {@code limit} entries (1 to 1000), newest first. */
    private static Pageable newest(int limit) {
        return Pageable.from(0, Math.max(1, Math.min(limit, 1000)), Sort.of(Sort.Order.desc("id")));
    }
}
