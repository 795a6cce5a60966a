package nl.klachtenregie.notification;

import jakarta.inject.Singleton;
import java.util.List;
import nl.klachtenregie.complaint.CaseMessages;
import nl.klachtenregie.tenant.Tenant;

/** Berichten bij een dossier, read from the outbox: the case page's list without the case feature knowing the outbox. */
@Singleton
class OutboxCaseMessages implements CaseMessages {

    private final Outbox outbox;

    OutboxCaseMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<Message> ofCase(Tenant tenant, long complaintId) {
        return outbox.ofComplaint(tenant, complaintId).stream()
                .map(m -> new Message(m.id(), m.queuedOn(), m.kind().name(), m.recipient(), m.state().name()))
                .toList();
    }
}
