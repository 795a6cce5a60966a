package nl.klachtenregie.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/**
 * Inzagelog (NEN 7513): every read of a case by a person, with who, when, what and which case, kept
 * {@value #KEEP_YEARS} years. Written synchronously, one insert per read (a page) or one multi-row insert per export,
 * in the caller's transaction when there is one: a read that is shown is a read that is logged, and nothing is lost on
 * a crash. AccessLogBenchmark measures the cost on the case page.
 */
@Singleton
public class CaseReads {

    /** NEN 7513 asks for a retention the organisation sets; the Wgbo's record term makes five years the minimum here. */
    public static final int KEEP_YEARS = 5;

    /** How the case was read. */
    public enum What { PAGE, API, LETTER, ATTACHMENT, EXPORT }

    /** One read as the log page shows it. */
    public record Read(Instant at, @Nullable Long userId, @Nullable String userName, long complaintId,
                       @Nullable String reference, What what) {
    }

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    /** Rows per multi-row insert of an export; the register has at most 20,000 rows. */
    private static final int BATCH = 500;

    private final Db db;
    private final Clock clock;
    private final boolean enabled;

    /**
     * @param enabled false only to measure what logging costs (AccessLogBenchmark); never in production, where
     *                NEN 7513 requires the log
     */
    CaseReads(Db db, Clock clock, @io.micronaut.context.annotation.Value("${klachtenregie.access-log.enabled:true}")
              boolean enabled) {
        this.db = db;
        this.clock = clock;
        this.enabled = enabled;
        if (!enabled) {
            org.slf4j.LoggerFactory.getLogger(CaseReads.class).warn("Inzagelog staat UIT "
                    + "(klachtenregie.access-log.enabled=false): alleen voor een meting, nooit in productie.");
        }
    }

    /** Logs one read of one case by a user (null: no person, e.g. an API client without an account). */
    @Transactional
    public void record(TenantId tenant, @Nullable Long userId, long complaintId, What what) {
        if (!enabled) {
            return;
        }
        db.update("INSERT INTO case_read (tenant_id, user_id, complaint_id, read_at, what) VALUES (?, ?, ?, ?, ?)",
                tenant.value(), userId, complaintId, Timestamp.from(clock.instant()), what.name());
    }

    /** Logs an export: one row per case, written in multi-row inserts (not one statement per case). */
    @Transactional
    public void recordAll(TenantId tenant, @Nullable Long userId, Collection<Long> complaintIds, What what) {
        if (!enabled || complaintIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> ids = List.copyOf(complaintIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO case_read (tenant_id, user_id, complaint_id, read_at, what) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 5);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
                params.add(tenant.value());
                params.add(userId);
                params.add(chunk.get(i));
                params.add(now);
                params.add(what.name());
            }
            db.update(sql.toString(), params.toArray());
        }
    }

    /**
     * The reads of a user and/or a case in [from, to] (Dutch calendar days), newest first, at most {@code limit}.
     *
     * @param userId      null for every user
     * @param complaintId null for every case
     */
    @Transactional
    public List<Read> reads(TenantId tenant, @Nullable Long userId, @Nullable Long complaintId, LocalDate from,
                            LocalDate to, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(),
                Timestamp.from(from.atStartOfDay(NETHERLANDS).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(NETHERLANDS).toInstant())));
        StringBuilder sql = new StringBuilder("SELECT r.read_at, r.user_id, u.display_name, r.complaint_id, "
                + "c.reference, r.what FROM case_read r "
                + "LEFT JOIN app_user u ON u.id = r.user_id AND u.tenant_id = r.tenant_id "
                + "LEFT JOIN complaint c ON c.id = r.complaint_id AND c.tenant_id = r.tenant_id "
                + "WHERE r.tenant_id = ? AND r.read_at >= ? AND r.read_at < ?");
        if (userId != null) {
            sql.append(" AND r.user_id = ?");
            params.add(userId);
        }
        if (complaintId != null) {
            sql.append(" AND r.complaint_id = ?");
            params.add(complaintId);
        }
        sql.append(" ORDER BY r.read_at DESC, r.id DESC LIMIT ").append(Math.max(1, limit));
        return db.query(sql.toString(), rs -> {
            long user = rs.getLong(2);
            Long uid = rs.wasNull() ? null : user;
            return new Read(rs.getTimestamp(1).toInstant(), uid, rs.getString(3), rs.getLong(4), rs.getString(5),
                    What.valueOf(rs.getString(6)));
        }, params.toArray());
    }

    /** The case with this reference in the tenant, if any (the log page asks by reference, never by id). */
    @Transactional
    public java.util.Optional<Long> caseByReference(TenantId tenant, String reference) {
        return db.queryOne("SELECT id FROM complaint WHERE tenant_id = ? AND reference = ?", rs -> rs.getLong(1),
                tenant.value(), reference.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** Removes reads older than {@value #KEEP_YEARS} years (all tenants); returns how many. */
    @Transactional
    public int purge() {
        Instant limit = clock.instant().atZone(NETHERLANDS).minusYears(KEEP_YEARS).toInstant();
        return db.update("DELETE FROM case_read WHERE read_at < ?", Timestamp.from(limit));
    }
}
