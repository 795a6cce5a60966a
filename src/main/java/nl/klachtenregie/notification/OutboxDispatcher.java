package nl.klachtenregie.notification;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verzenden: sends what the outbox holds, tenant by tenant. A message is claimed with a lease before it is sent
 * (outside any transaction, so a slow mail server holds no database locks), then marked sent, or put back with a
 * growing delay, or FAILED after the last attempt; never dropped. Safe with several instances on one database: a
 * claim is one conditional UPDATE per message, so only one instance sends it.
 */
@Singleton
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** What one run did. */
    public record Result(int sent, int failed) {
    }

    private final OutboxStore store;
    private final MailSettings settings;
    private final MailTransport transport;
    private final TenantDirectory tenants;
    private final ComplaintService complaints;
    private final MessageTexts texts;
    private final TransactionOperations<Connection> tx;

    OutboxDispatcher(OutboxStore store, MailSettings settings, MailTransport transport, TenantDirectory tenants,
                     ComplaintService complaints, MessageTexts texts, TransactionOperations<Connection> tx) {
        this.store = store;
        this.settings = settings;
        this.transport = transport;
        this.tenants = tenants;
        this.complaints = complaints;
        this.texts = texts;
        this.tx = tx;
    }

    /** Sends every due message of every tenant (each tenant's own queries). Does nothing when e-mail is off. */
    public Result dispatch() {
        if (!settings.enabled) {
            return new Result(0, 0);
        }
        int sent = 0;
        int failed = 0;
        for (String slug : tenants.slugs()) {
            try {
                Result r = dispatch(tenants.resolve(slug));
                sent += r.sent();
                failed += r.failed();
            } catch (RuntimeException e) {
                // One tenant's trouble (a broken profile, a database error) must not hold up every other tenant's mail.
                LOG.error("Verzenden voor {} mislukt; de volgende run probeert het opnieuw", slug, e);
            }
        }
        return new Result(sent, failed);
    }

    Result dispatch(Tenant tenant) {
        int sent = 0;
        int failed = 0;
        // An instance that stopped between sending and the timeline entry left the entry undone: do it now.
        long settled = System.currentTimeMillis() - settings.lease.toMillis();
        for (OutboxMessage m : tx.executeRead(s -> store.sentWithoutFollowUp(tenant.id(), settled))) {
            afterSent(tenant, m);
        }
        while (true) {
            String lease = UUID.randomUUID().toString();
            long now = System.currentTimeMillis();
            List<OutboxMessage> claimed = tx.executeWrite(s -> store.claim(tenant.id(), lease, now,
                    settings.lease.toMillis(), settings.batch));
            if (claimed.isEmpty()) {
                return new Result(sent, failed);
            }
            for (OutboxMessage m : claimed) {
                if (send(tenant, m, lease)) {
                    sent++;
                } else {
                    failed++;
                }
            }
            if (claimed.size() < settings.batch) {
                return new Result(sent, failed);
            }
        }
    }

    private boolean send(Tenant tenant, OutboxMessage m, String lease) {
        boolean stillMine = tx.executeWrite(s -> store.renewLease(tenant.id(), m.id(), lease, System.currentTimeMillis(),
                settings.lease.toMillis()));
        if (!stillMine) {
            // The batch took longer than the lease: another instance may have taken this message over.
            return false;
        }
        try {
            transport.send(settings.from, m.recipient(), m.subject(), m.body());
        } catch (Exception e) {
            boolean last = m.attempts() + 1 >= settings.maxAttempts || permanent(e);
            long retryAt = System.currentTimeMillis() + settings.retryDelayMillis(m.attempts() + 1);
            String error = e.getClass().getSimpleName() + ": " + rootMessage(e);
            tx.executeWrite(s -> {
                store.markFailed(tenant.id(), m.id(), lease, error, last, retryAt);
                return null;
            });
            // No recipient in the log: it may be a complainant's address, and the outbox page shows it to those allowed.
            LOG.warn("{} bericht {} niet verstuurd (poging {}{}): {}", tenant.slug(), m.id(), m.attempts() + 1,
                    last ? ", de laatste" : "", error);
            return false;
        }
        boolean mine = tx.executeWrite(s -> store.markSent(tenant.id(), m.id(), lease, System.currentTimeMillis()));
        if (mine) {
            afterSent(tenant, m);
        }
        return true;
    }

    /**
     * An acknowledgement or management notice that went out is the duty done: it goes on the timeline, as a person
     * would have recorded it, so the term shows as met.
     */
    private void afterSent(Tenant tenant, OutboxMessage m) {
        EventType type = switch (m.kind()) {
            case ACKNOWLEDGEMENT -> EventType.ACKNOWLEDGED;
            case MANAGEMENT_NOTICE -> EventType.MANAGEMENT_INFORMED;
            default -> null;
        };
        if (type == null || m.complaintId() == null) {
            return;
        }
        String note;
        try {
            String text = texts.t(type == EventType.ACKNOWLEDGED ? "mail.event.acknowledged" : "mail.event.informed",
                    String.valueOf(m.id()));
            NewEvent event = new NewEvent(type, complaints.today(), null, null, null, null, null, null, null, text,
                    null, null);
            complaints.recordEvent(tenant, new ComplaintId(m.complaintId()), event);
            note = texts.t(type == EventType.ACKNOWLEDGED ? "mail.note.acknowledged" : "mail.note.informed",
                    MessageTexts.date(complaints.today()));
        } catch (RuntimeException e) {
            // Someone recorded it by hand meanwhile, or the case was closed: the mail went, the timeline says why not.
            note = texts.t("mail.note.notRecorded", rootMessage(e));
        }
        String finalNote = note;
        tx.executeWrite(s -> {
            store.note(tenant.id(), m.id(), finalNote);
            return null;
        });
    }

    /**
     * The server refused the address itself (a 5xx on RCPT): sending again changes nothing, so the message is FAILED
     * at once, kept, and shown, instead of being tried for days.
     */
    private static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.mail.SendFailedException sf && sf.getInvalidAddresses() != null
                    && sf.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (e instanceof nl.klachtenregie.shared.RefusedException r) {
            message = String.join(" ", r.reasons());
        }
        return message;
    }
}
