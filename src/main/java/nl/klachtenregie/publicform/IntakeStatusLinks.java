package nl.klachtenregie.publicform;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintRegistered;
import nl.klachtenregie.notification.Notifications;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.SiteUrl;
import nl.klachtenregie.tenant.Tenant;

/**
 * Statuslink bij registratie: the complainant's status link for a complaint just registered, and the acknowledgement
 * that carries it. The two go together, so one listener does both: the link is made only where it is shown (the public
 * form's receipt) or sent (an acknowledgement actually queued), never as an orphan.
 *
 * <ul>
 *   <li>public form: always a link (the receipt shows it, also for a second post of the same form), and the
 *   acknowledgement with it when the rules require one and the complainant gave an address;</li>
 *   <li>staff page with "ontvangstbevestiging per e-mail": a link only when the acknowledgement is queued now; an
 *   address the outbox cannot send to is refused at its field, which undoes the registration;</li>
 *   <li>API: nothing.</li>
 * </ul>
 */
@Singleton
class IntakeStatusLinks implements ApplicationEventListener<ComplaintRegistered>, Ordered {

    /** First: the acknowledgement is queued before notification's notice to the intake address, as it always was. */
    static final int ORDER = 0;

    private final StatusLinks links;
    private final Notifications notifications;
    private final ReceiptLinks receipts;
    private final SiteUrl site;

    IntakeStatusLinks(StatusLinks links, Notifications notifications, ReceiptLinks receipts, SiteUrl site) {
        this.links = links;
        this.notifications = notifications;
        this.receipts = receipts;
        this.site = site;
    }

    @Override
    public void onApplicationEvent(ComplaintRegistered e) {
        Tenant tenant = e.tenant();
        CaseView registered = e.registered();
        switch (e.source()) {
            case PUBLIC_FORM -> {
                String url = issue(tenant, registered);
                receipts.issued(url);
                notifications.acknowledge(tenant, registered, url);
            }
            case STAFF_PAGE -> {
                if (!e.acknowledgeByEmail()) {
                    return;
                }
                switch (notifications.acknowledgementFor(tenant, registered)) {
                    case DUE -> notifications.acknowledge(tenant, registered, issue(tenant, registered));
                    case INVALID_ADDRESS -> throw InvalidInputException.of("complainant.email", "naar '"
                            + registered.complainant().email().strip() + "' kan geen ontvangstbevestiging worden "
                            + "gestuurd; verbeter het e-mailadres of zet het vinkje bij de ontvangstbevestiging uit");
                    // No address is refused by the page before registering; not required or already queued (a double
                    // click) sends nothing and so needs no link.
                    case NO_ADDRESS, NOT_REQUIRED, ALREADY_QUEUED -> {
                    }
                }
            }
            case API -> {
            }
        }
    }

    private String issue(Tenant tenant, CaseView registered) {
        return site.absolute("/klacht/" + tenant.slug() + "/status/" + links.issue(tenant, registered.id()));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
