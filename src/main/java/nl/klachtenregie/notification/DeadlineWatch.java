package nl.klachtenregie.notification;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.DueTerm;
import nl.klachtenregie.complaint.TermWatch;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Termijnbewaking: the periodic look at every tenant's open cases. The date moves even when nothing happens, so it
 * re-evaluates each open case once a day, marks terms that ran out, and queues the reminders before a due date, the
 * notice to the next rung when a term was missed, and the notice to management where the rules say management hears
 * of a complaint. Every message has a dedup key, so running it twice, or on two instances at once, queues each once.
 */
@Singleton
public class DeadlineWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);
    static final String INFORM_MANAGEMENT = "INFORM_MANAGEMENT";
    /** The longest reminder lead a tenant can configure ({@code TenantProfile.Notifications}). */
    private static final int MAX_LEAD_DAYS = 60;

    /** What one run did, summed over the tenants. */
    public record Result(int reevaluated, int changed, int markedOverdue, int reminders, int missedTerms,
                         int managementNotices) {
        Result plus(Result o) {
            return new Result(reevaluated + o.reevaluated, changed + o.changed, markedOverdue + o.markedOverdue,
                    reminders + o.reminders, missedTerms + o.missedTerms, managementNotices + o.managementNotices);
        }
    }

    private final TenantDirectory tenants;
    private final TermWatch terms;
    private final ComplaintService complaints;
    private final UserDirectory users;
    private final Outbox outbox;
    private final OutboxStore store;
    private final MessageTexts texts;
    private final Notifications notifications;
    private final int batch;
    private final int lookbackDays;

    DeadlineWatch(TenantDirectory tenants, TermWatch terms, ComplaintService complaints, UserDirectory users,
                  Outbox outbox, OutboxStore store, MessageTexts texts, Notifications notifications,
                  @Value("${klachtenregie.scheduler.reevaluate-batch:200}") int batch,
                  @Value("${klachtenregie.scheduler.lookback-days:14}") int lookbackDays) {
        this.tenants = tenants;
        this.terms = terms;
        this.complaints = complaints;
        this.users = users;
        this.outbox = outbox;
        this.store = store;
        this.texts = texts;
        this.notifications = notifications;
        this.batch = Math.max(1, batch);
        this.lookbackDays = Math.max(0, lookbackDays);
    }

    /** One run over every tenant; a tenant whose run fails is logged and the others go on. */
    public Result run() {
        Result total = new Result(0, 0, 0, 0, 0, 0);
        for (String slug : tenants.slugs()) {
            try {
                total = total.plus(run(tenants.resolve(slug)));
            } catch (RuntimeException e) {
                LOG.error("Termijnbewaking voor {} mislukt; de volgende run probeert het opnieuw", slug, e);
            }
        }
        return total;
    }

    /** One run over one tenant's cases. */
    public Result run(Tenant tenant) {
        LocalDate today = complaints.today();
        int reevaluated = 0;
        int changed = 0;
        while (true) {
            List<Long> claimed = terms.claimForReevaluation(tenant.id(), today, batch);
            for (long id : claimed) {
                reevaluated++;
                try {
                    if (complaints.reEvaluate(tenant, new ComplaintId(id))) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("{} klacht {} kon niet opnieuw worden beoordeeld: {}", tenant.slug(), id, e.getMessage());
                }
            }
            if (claimed.size() < batch) {
                break;
            }
        }
        int marked = terms.markOverdue(tenant.id(), today);
        TenantProfile profile = tenant.profile();
        // Keys queued in the window any of these messages can come from: a run then skips what it sent before
        // without a query per term (the unique key still decides when two runs race).
        Set<String> known = outbox.keysQueuedSince(tenant, today.minusDays(MAX_LEAD_DAYS + lookbackDays + 1));
        int reminders = reminders(tenant, profile, today, known);
        int missed = missedTerms(tenant, profile, today, known);
        int management = managementNotices(tenant, profile, today, known);
        return new Result(reevaluated, changed, marked, reminders, missed, management);
    }

    private int reminders(Tenant tenant, TenantProfile profile, LocalDate today, Set<String> known) {
        List<Integer> leads = profile.notifications().reminderDaysBefore();
        if (leads.isEmpty()) {
            return 0;
        }
        int furthest = leads.get(0);
        int queued = 0;
        for (DueTerm term : terms.termsDueBy(tenant.id(), today.plusDays(furthest))) {
            if (term.dueOn().isBefore(today)) {
                continue;
            }
            long left = ChronoUnit.DAYS.between(today, term.dueOn());
            // The nearest reminder whose moment has come; a later start (a case registered late) skips the earlier.
            Optional<Integer> lead = leads.stream().filter(d -> left <= d).min(Integer::compare);
            if (lead.isEmpty()) {
                continue;
            }
            String key = "REMINDER|" + term.complaintId() + "|" + term.code() + "|" + term.dueOn() + "|" + lead.get();
            if (known.contains(key)) {
                continue;
            }
            Recipient to = handlerOrIntake(tenant, profile, term.handlerUserId());
            MessageTexts.Text text = texts.reminder(profile, term, today,
                    notifications.caseUrl(tenant, term.complaintId()), to.fallback());
            if (outbox.queue(tenant, new OutboxStore.Draft(term.complaintId(), MessageKind.REMINDER, key, to.address(),
                    text.subject(), text.body())).isPresent()) {
                queued++;
            }
        }
        return queued;
    }

    private int missedTerms(Tenant tenant, TenantProfile profile, LocalDate today, Set<String> known) {
        int queued = 0;
        LocalDate since = today.minusDays(lookbackDays);
        for (DueTerm term : terms.termsDueBy(tenant.id(), today.minusDays(1))) {
            // Terms that ran out long before (the product was switched on over old cases) are marked, not announced.
            if (term.dueOn().isBefore(since)) {
                continue;
            }
            String key = "MISSED|" + term.complaintId() + "|" + term.code() + "|" + term.dueOn();
            if (known.contains(key)) {
                continue;
            }
            String address = profile.escalationEmailAbove(term.escalationLevel());
            String handler = term.handlerUserId() == null ? null
                    : users.find(tenant.id(), new UserId(term.handlerUserId())).map(UserAccount::displayName)
                    .orElse(null);
            MessageTexts.Text text = texts.missedTerm(profile, term, handler,
                    notifications.caseUrl(tenant, term.complaintId()));
            if (outbox.queue(tenant, new OutboxStore.Draft(term.complaintId(), MessageKind.MISSED_TERM, key,
                    address.isEmpty() ? null : address, text.subject(), text.body())).isPresent()) {
                queued++;
            }
        }
        return queued;
    }

    private int managementNotices(Tenant tenant, TenantProfile profile, LocalDate today, Set<String> known) {
        int queued = 0;
        LocalDate since = today.minusDays(lookbackDays);
        String address = profile.notifications().managementEmail();
        for (DueTerm duty : terms.openDuties(tenant.id(), INFORM_MANAGEMENT)) {
            if (duty.receivedOn().isBefore(since) || known.contains("MANAGEMENT|" + duty.complaintId())) {
                continue;
            }
            MessageTexts.Text text = texts.managementNotice(profile, duty,
                    notifications.caseUrl(tenant, duty.complaintId()));
            if (outbox.queue(tenant, new OutboxStore.Draft(duty.complaintId(), MessageKind.MANAGEMENT_NOTICE,
                    "MANAGEMENT|" + duty.complaintId(), address.isEmpty() ? null : address, text.subject(),
                    text.body())).isPresent()) {
                queued++;
            }
        }
        return queued;
    }

    private record Recipient(String address, boolean fallback) {
    }

    private Recipient handlerOrIntake(Tenant tenant, TenantProfile profile, Long handlerUserId) {
        if (handlerUserId != null) {
            Optional<String> email = users.find(tenant.id(), new UserId(handlerUserId))
                    .filter(UserAccount::active).map(UserAccount::email);
            if (email.isPresent()) {
                return new Recipient(email.get(), false);
            }
        }
        for (String address : List.of(profile.notifications().intakeEmail(), profile.notifications().managementEmail())) {
            if (!address.isEmpty()) {
                return new Recipient(address, true);
            }
        }
        return new Recipient(null, true);
    }
}
