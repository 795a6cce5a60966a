package nl.klachtenregie.notification;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.shared.SiteUrl;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Meldingen: the messages the product sends on its own about a complaint. This is the feature's API for the other
 * features; what is sent is kept in the outbox ({@link Outbox}).
 */
@Singleton
public class Notifications {

    private final Outbox outbox;
    private final MessageTexts texts;
    private final SiteUrl site;
    private final java.time.Clock clock;

    Notifications(Outbox outbox, MessageTexts texts, SiteUrl site, java.time.Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.texts = texts;
        this.site = site;
    }

    /**
     * A complaint came in through the public form: queues, once per complaint, the acknowledgement to the
     * complainant (when the rules require one and the complainant gave an e-mail address) with the status link, and
     * the notice to the tenant's intake address. Calling it again for the same complaint (a double submit) queues
     * nothing new.
     *
     * @param statusUrl the absolute address of the complainant's private status page
     */
    public void complaintSubmitted(Tenant tenant, CaseView created, String statusUrl) {
        acknowledge(tenant, created, statusUrl);
        intakeNotice(tenant, created);
    }

    /**
     * Queues, once per complaint, the notice of a new complaint to the tenant's intake address (else the management
     * address, else kept without a recipient).
     */
    public void intakeNotice(Tenant tenant, CaseView created) {
        TenantProfile profile = tenant.profile();
        String intake = profile.notifications().intakeEmail();
        MessageTexts.Text notice = texts.newComplaint(profile, created, caseUrl(tenant, created.id()));
        outbox.queue(tenant, new OutboxStore.Draft(created.id(), MessageKind.NEW_COMPLAINT, "NEW|" + created.id(),
                intake.isEmpty() ? fallback(profile) : intake, notice.subject(), notice.body()));
    }

    /**
     * Queues, once per complaint, the acknowledgement to the complainant with the procedure's terms and the status
     * link, when the rules require an acknowledgement that is not yet given and the complainant has an e-mail address.
     * For a complaint staff registered and want acknowledged by e-mail.
     *
     * @return true when an acknowledgement is (or already was) queued
     */
    public boolean acknowledge(Tenant tenant, CaseView created, String statusUrl) {
        TenantProfile profile = tenant.profile();
        String to = created.complainant().email() == null ? null : created.complainant().email().strip();
        if (acknowledgementRequired(created) && to != null && TenantProfile.Notifications.isValidEmail(to)) {
            // As the link itself counts (from the day it is issued, today), not from the day of receipt, which staff
            // may have entered in the past.
            LocalDate validUntil = LocalDate.now(clock).plusDays(profile.publicForm().statusLinkDays());
            MessageTexts.Text text = texts.acknowledgement(profile, created, statusUrl, validUntil);
            outbox.queue(tenant, new OutboxStore.Draft(created.id(), MessageKind.ACKNOWLEDGEMENT,
                    "ACK|" + created.id(), to, text.subject(), text.body()));
            return true;
        }
        return false;
    }

    /** Ontvangstbevestiging per e-mail: whether one would be queued now, or why not. */
    public enum AcknowledgementCheck {
        /** It would be queued: required, not yet given, to an address the outbox sends to, not queued before. */
        DUE,
        /** The complainant gave no e-mail address. */
        NO_ADDRESS,
        /** The complainant's address is not one the outbox sends to. */
        INVALID_ADDRESS,
        /** The rules require no acknowledgement, or it was given already. */
        NOT_REQUIRED,
        /** It is queued (or sent) already. */
        ALREADY_QUEUED
    }

    /**
     * Whether {@link #acknowledge} would queue an acknowledgement for the case now, or why not: so that whoever must
     * hand it something of its own (a status link) makes that only when it is carried somewhere.
     */
    public AcknowledgementCheck acknowledgementFor(Tenant tenant, CaseView created) {
        String to = created.complainant().email() == null ? null : created.complainant().email().strip();
        if (to == null || to.isEmpty()) {
            return AcknowledgementCheck.NO_ADDRESS;
        }
        if (!TenantProfile.Notifications.isValidEmail(to)) {
            return AcknowledgementCheck.INVALID_ADDRESS;
        }
        if (!acknowledgementRequired(created)) {
            return AcknowledgementCheck.NOT_REQUIRED;
        }
        return outbox.ofComplaint(tenant, created.id()).stream().anyMatch(m -> m.kind() == MessageKind.ACKNOWLEDGEMENT)
                ? AcknowledgementCheck.ALREADY_QUEUED : AcknowledgementCheck.DUE;
    }

    private static boolean acknowledgementRequired(CaseView created) {
        return created.obligations().stream().anyMatch(o -> o.code().equals("ACKNOWLEDGE") && o.metOn() == null);
    }

    /**
     * The platform administrator created an account inside an existing organisation: every address given queues,
     * once per account and address, a notice to that beheerder, so an account the organisation did not ask for does
     * not go unnoticed. Without any address the notice goes to the management address, else it is kept without a
     * recipient (Berichten counts it).
     *
     * @param recipients the e-mail addresses of the organisation's beheerders
     * @param role       the account's role (its code, e.g. {@code ADMIN}); the mail names it in Dutch
     */
    public void platformUserCreated(Tenant tenant, java.util.Collection<String> recipients, String username,
                                    String displayName, String role, String actor) {
        TenantProfile profile = tenant.profile();
        MessageTexts.Text text = texts.platformUserCreated(profile, actor, LocalDate.now(clock), displayName, username,
                texts.t("mail.role." + role), site.absolute("/t/" + tenant.slug() + "/gebruikers"));
        java.util.List<String> to = recipients.stream().filter(a -> a != null && !a.isBlank()).map(String::strip)
                .distinct().toList();
        if (to.isEmpty()) {
            String fallback = fallback(profile);
            outbox.queue(tenant, new OutboxStore.Draft(null, MessageKind.PLATFORM_USER_CREATED,
                    "PLATFORM_USER|" + username + "|" + (fallback == null ? "-" : fallback), fallback,
                    text.subject(), text.body()));
            return;
        }
        for (String address : to) {
            outbox.queue(tenant, new OutboxStore.Draft(null, MessageKind.PLATFORM_USER_CREATED,
                    "PLATFORM_USER|" + username + "|" + address, address, text.subject(), text.body()));
        }
    }

    String caseUrl(Tenant tenant, long complaintId) {
        return site.absolute("/t/" + tenant.slug() + "/klachten/" + complaintId);
    }

    private static String fallback(TenantProfile profile) {
        String management = profile.notifications().managementEmail();
        return management.isEmpty() ? null : management;
    }
}
