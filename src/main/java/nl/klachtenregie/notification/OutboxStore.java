package nl.klachtenregie.notification;

import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/**
 * The outbox table. Every statement names its tenant. The plain lookups (one message, a case's messages) go through
 * {@link OutboxMessageRepository}; queueing (dedup), the claims, leases, retries, counts and the paged list stay SQL.
 */
@Singleton
class OutboxStore {

    /** A message to queue. */
    record Draft(Long complaintId, MessageKind kind, String dedupKey, String recipient, String subject, String body) {
    }

    private static final String CLAIMABLE = "((state = 'PENDING' AND next_attempt_at <= ?) "
            + "OR (state = 'SENDING' AND lease_until < ?))";

    private static final Sort BY_ID = Sort.of(Sort.Order.asc("id"));

    private final Db db;
    private final OutboxMessageRepository messages;

    OutboxStore(Db db, OutboxMessageRepository messages) {
        this.db = db;
        this.messages = messages;
    }

    /**
     * Inserts the message unless one with the same dedup key exists: the unique key decides, also between instances
     * queueing the same reminder at the same moment.
     *
     * @return the new id, or empty when it was queued before
     */
    Optional<Long> insert(TenantId tenant, Draft d, DeliveryState state, LocalDate queuedOn, long nowMillis) {
        if (db.count("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = ? AND dedup_key = ?", tenant.value(),
                d.dedupKey()) > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(db.insert("INSERT INTO outbox_message (tenant_id, complaint_id, kind, dedup_key, recipient, "
                            + "subject, body, state, attempts, next_attempt_at, queued_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    tenant.value(), d.complaintId(), d.kind().name(), d.dedupKey(), d.recipient(), cut(d.subject(), 300),
                    d.body(),
                    state.name(), nowMillis, queuedOn));
        } catch (RuntimeException e) {
            if (Db.isDuplicateKey(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Claims up to {@code limit} messages that are due (or whose sender's lease ran out) for this caller: each row is
     * taken by one conditional UPDATE, so of several instances exactly one gets it. Two plain lookups (each follows
     * an index) rather than one with OR, which would walk the outbox's whole history.
     */
    List<OutboxMessage> claim(TenantId tenant, String leaseToken, long nowMillis, long leaseMillis, int limit) {
        int n = Math.max(1, limit);
        java.util.TreeSet<Long> candidates = new java.util.TreeSet<>(db.query("SELECT id FROM outbox_message "
                + "WHERE tenant_id = ? AND state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id "
                + "LIMIT " + n, rs -> rs.getLong(1), tenant.value(), nowMillis));
        candidates.addAll(db.query("SELECT id FROM outbox_message WHERE tenant_id = ? AND state = 'SENDING' "
                + "AND lease_until < ? ORDER BY id LIMIT " + n, rs -> rs.getLong(1), tenant.value(), nowMillis));
        int claimed = 0;
        for (long id : candidates) {
            if (claimed >= n) {
                break;
            }
            claimed += db.update("UPDATE outbox_message SET state = 'SENDING', lease_token = ?, lease_until = ? "
                    + "WHERE tenant_id = ? AND id = ? AND " + CLAIMABLE, leaseToken, nowMillis + leaseMillis,
                    tenant.value(), id, nowMillis, nowMillis);
        }
        return claimed == 0 ? List.of() : db.query("SELECT * FROM outbox_message WHERE tenant_id = ? "
                + "AND lease_token = ? AND state = 'SENDING' ORDER BY id", OutboxStore::row, tenant.value(), leaseToken);
    }

    /**
     * Extends the lease of one claimed message just before it is sent, so that a slow batch never lets another
     * instance take over a message this one is about to send.
     *
     * @return false when the lease already ran out and another instance may have the message: do not send it
     */
    boolean renewLease(TenantId tenant, long id, String leaseToken, long nowMillis, long leaseMillis) {
        return db.update("UPDATE outbox_message SET lease_until = ? WHERE tenant_id = ? AND id = ? AND lease_token = ? "
                + "AND state = 'SENDING' AND lease_until >= ?", nowMillis + leaseMillis, tenant.value(), id, leaseToken,
                nowMillis) == 1;
    }

    /**
     * Sent messages whose follow-up (the timeline entry) did not happen: an instance stopped in between. Only those
     * sent before {@code sentBeforeMillis}, so that the instance still busy with a follow-up is not overtaken.
     */
    List<OutboxMessage> sentWithoutFollowUp(TenantId tenant, long sentBeforeMillis) {
        return db.query("SELECT * FROM outbox_message WHERE tenant_id = ? AND state = 'SENT' AND note IS NULL "
                + "AND kind IN ('ACKNOWLEDGEMENT', 'MANAGEMENT_NOTICE') AND sent_at < ? ORDER BY id LIMIT 100",
                OutboxStore::row, tenant.value(), sentBeforeMillis);
    }

    /** @return false when the lease was lost meanwhile (another instance took the message over) */
    boolean markSent(TenantId tenant, long id, String leaseToken, long nowMillis) {
        return db.update("UPDATE outbox_message SET state = 'SENT', attempts = attempts + 1, sent_at = ?, "
                + "last_error = NULL, lease_token = NULL, lease_until = NULL WHERE tenant_id = ? AND id = ? "
                + "AND lease_token = ?", nowMillis, tenant.value(), id, leaseToken) == 1;
    }

    /** Records a failed attempt: back to PENDING at {@code retryAtMillis}, or FAILED when it was the last. */
    void markFailed(TenantId tenant, long id, String leaseToken, String error, boolean last, long retryAtMillis) {
        db.update("UPDATE outbox_message SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                        + "lease_token = NULL, lease_until = NULL WHERE tenant_id = ? AND id = ? AND lease_token = ?",
                last ? DeliveryState.FAILED.name() : DeliveryState.PENDING.name(), truncate(error), retryAtMillis,
                tenant.value(), id, leaseToken);
    }

    void note(TenantId tenant, long id, String note) {
        db.update("UPDATE outbox_message SET note = ? WHERE tenant_id = ? AND id = ?", truncate(note), tenant.value(), id);
    }

    /** Puts a failed or held message back in the queue, now. */
    boolean requeue(TenantId tenant, long id, long nowMillis) {
        return db.update("UPDATE outbox_message SET state = 'PENDING', next_attempt_at = ?, attempts = 0, "
                + "last_error = NULL WHERE tenant_id = ? AND id = ? AND state IN ('FAILED', 'NOT_SENT') "
                + "AND recipient IS NOT NULL", nowMillis, tenant.value(), id) == 1;
    }

    java.util.Set<String> keysQueuedSince(TenantId tenant, LocalDate since) {
        return new java.util.HashSet<>(db.query("SELECT dedup_key FROM outbox_message WHERE tenant_id = ? "
                + "AND queued_on >= ?", rs -> rs.getString(1), tenant.value(), since));
    }

    Optional<OutboxMessage> find(TenantId tenant, long id) {
        return messages.findByTenantIdAndId(tenant.value(), id).map(OutboxMessageRow::message);
    }

    List<OutboxMessage> list(TenantId tenant, DeliveryState state, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        String where = "";
        if (state != null) {
            where = " AND state = ?";
            params.add(state.name());
        }
        return db.query("SELECT * FROM outbox_message WHERE tenant_id = ?" + where + " ORDER BY id DESC LIMIT "
                + limit + " OFFSET " + offset, OutboxStore::row, params.toArray());
    }

    long count(TenantId tenant, DeliveryState state) {
        return state == null ? db.count("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = ?", tenant.value())
                : db.count("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = ? AND state = ?", tenant.value(),
                state.name());
    }

    List<OutboxMessage> ofComplaint(TenantId tenant, long complaintId) {
        return messages.findByTenantIdAndComplaintId(tenant.value(), complaintId, BY_ID).stream()
                .map(OutboxMessageRow::message).toList();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }

    private static OutboxMessage row(ResultSet rs) throws SQLException {
        long complaint = rs.getLong("complaint_id");
        Long complaintId = rs.wasNull() ? null : complaint;
        long sent = rs.getLong("sent_at");
        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
        long next = rs.getLong("next_attempt_at");
        return new OutboxMessage(rs.getLong("id"), complaintId, MessageKind.valueOf(rs.getString("kind")),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                Db.date(rs, "queued_on"), sentAt, note(rs.getString("note"), rs.getString("superseded_note")),
                Instant.ofEpochMilli(next));
    }

    /** What happened after sending, and whether a later fact made the message moot (shown as one note). */
    static String note(String note, String superseded) {
        if (superseded == null) {
            return note;
        }
        return note == null ? superseded : note + " " + superseded;
    }

    /**
     * Marks the notice that a term ran out as superseded: an extension announced in time was recorded afterwards
     * (the notice stays on record, with why it no longer holds).
     *
     * @return how many notices were marked
     */
    int supersedeMissedTerm(TenantId tenant, long complaintId, String code, java.time.LocalDate due, String why) {
        // One that has not gone out yet (queued, or failed so far) is no longer sent: the term was not missed. One
        // being sent right now (leased) or sent stays as it is, with the note.
        return db.update("UPDATE outbox_message SET superseded_note = ?, state = CASE WHEN state IN ('PENDING', "
                + "'FAILED') THEN 'NOT_SENT' ELSE state END WHERE tenant_id = ? AND complaint_id = ? "
                + "AND dedup_key = ? AND superseded_note IS NULL", truncate(why), tenant.value(), complaintId,
                "MISSED|" + complaintId + "|" + code + "|" + due);
    }
}
