package nl.klachtenregie.notification;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postvak uit: every e-mail the product sends, kept with its delivery state, per tenant. Queueing is idempotent (a
 * message has a dedup key); sending is the {@link OutboxDispatcher}'s work.
 */
@Singleton
public class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** One page of the outbox. */
    public record Page(List<OutboxMessage> messages, long total, int limit, int offset, boolean mailEnabled) {
    }

    private final OutboxStore store;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionOperations<Connection> tx;

    Outbox(OutboxStore store, MailSettings settings, Clock clock, TransactionOperations<Connection> tx) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Queues a message once: when e-mail is off it is kept as NOT_SENT, without a recipient as NO_RECIPIENT.
     *
     * @return the id when it was queued now, empty when a message with the same dedup key exists
     */
    Optional<Long> queue(Tenant tenant, OutboxStore.Draft draft) {
        DeliveryState state = draft.recipient() == null ? DeliveryState.NO_RECIPIENT
                : settings.enabled ? DeliveryState.PENDING : DeliveryState.NOT_SENT;
        Optional<Long> id = tx.executeWrite(s -> store.insert(tenant.id(), draft, state, LocalDate.now(clock),
                System.currentTimeMillis()));
        id.ifPresent(i -> {
            if (state != DeliveryState.PENDING) {
                // The address stays out of the log (it may be a complainant's); the outbox page shows it.
                LOG.info("{} bericht {} ({}) {}: {}", tenant.slug(), i, draft.kind(), state, draft.subject());
            }
        });
        return id;
    }

    public Page page(Tenant tenant, DeliveryState state, int limit, int offset) {
        int l = Math.max(1, Math.min(200, limit));
        int o = Math.max(0, offset);
        return tx.executeRead(s -> new Page(store.list(tenant.id(), state, l, o), store.count(tenant.id(), state), l, o,
                settings.enabled));
    }

    public OutboxMessage get(Tenant tenant, long id) {
        return tx.executeRead(s -> store.find(tenant.id(), id))
                .orElseThrow(() -> new NotFoundException("Bericht " + id + " bestaat niet bij deze organisatie"));
    }

    /** The messages about one case, oldest first. */
    public List<OutboxMessage> ofComplaint(Tenant tenant, long complaintId) {
        return tx.executeRead(s -> store.ofComplaint(tenant.id(), complaintId));
    }

    /** The dedup keys of the tenant's messages queued on or after {@code since}. */
    java.util.Set<String> keysQueuedSince(Tenant tenant, LocalDate since) {
        return tx.executeRead(s -> store.keysQueuedSince(tenant.id(), since));
    }

    public boolean mailEnabled() {
        return settings.enabled;
    }

    /**
     * Sends a failed or held message again (by hand, from the outbox page).
     *
     * @throws RefusedException when e-mail is off, or the message was sent, is underway or has nobody to go to
     */
    public OutboxMessage retry(Tenant tenant, long id) {
        OutboxMessage m = get(tenant, id);
        if (!settings.enabled) {
            throw new RefusedException("E-mail staat uit (klachtenregie.mail.enabled); het bericht blijft bewaard.");
        }
        if (!m.canRetry() || !tx.executeWrite(s -> store.requeue(tenant.id(), id, System.currentTimeMillis()))) {
            throw new RefusedException("Dit bericht kan niet opnieuw worden verstuurd (status " + m.state() + ").");
        }
        return get(tenant, id);
    }
}
