package nl.klachtenregie.notification;

import jakarta.inject.Singleton;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.tenant.Tenant;

/**
 * Meldingen: the messages the product sends on its own about a complaint. This is the feature's API for the other
 * features; what is sent is kept in the outbox ({@link Outbox}).
 */
@Singleton
public class Notifications {

    /**
     * A complaint came in through the public form: queues, once per complaint, the acknowledgement to the
     * complainant (when the rules require one and the complainant gave an e-mail address) with the status link, and
     * the notice to the tenant's intake address. Calling it again for the same complaint (a double submit) queues
     * nothing new.
     *
     * @param statusUrl the absolute address of the complainant's private status page
     */
    public void complaintSubmitted(Tenant tenant, CaseView created, String statusUrl) {
        // implemented with the outbox
    }
}
