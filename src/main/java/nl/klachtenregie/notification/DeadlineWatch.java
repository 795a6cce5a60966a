package nl.klachtenregie.notification;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** A term marked overdue this many days ago or less may still need its notice (the scheduler was down, say). */
    private static final int RECENTLY_MARKED_DAYS = 7;
    static final String MANAGEMENT_KEY = "MANAGEMENT|";

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
    private final nl.klachtenregie.complaint.CaseVisibility visibility;

    DeadlineWatch(TenantDirectory tenants, TermWatch terms, ComplaintService complaints, UserDirectory users,
                  Outbox outbox, OutboxStore store, MessageTexts texts, Notifications notifications,
                  @Value("${klachtenregie.scheduler.reevaluate-batch:200}") int batch,
                  @Value("${klachtenregie.scheduler.lookback-days:14}") int lookbackDays,
                  nl.klachtenregie.complaint.CaseVisibility visibility) {
        this.visibility = visibility;
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

    /**
     * One run over one tenant's cases. The messages are queued before the day's re-evaluation (which takes a while on
     * a large tenant) so that a reminder never waits for it, and once more after it when it changed something.
     */
    public Result run(Tenant tenant) {
        LocalDate today = complaints.today();
        Result notices = notices(tenant, today);
        int reevaluated = 0;
        int changed = 0;
        long after = 0;
        while (true) {
            TermWatch.Claim claim = terms.claimForReevaluation(tenant.id(), today, after, batch);
            for (long id : claim.claimed()) {
                reevaluated++;
                try {
                    if (complaints.reEvaluate(tenant, new ComplaintId(id))) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("{} klacht {} kon niet opnieuw worden beoordeeld: {}", tenant.slug(), id, e.getMessage());
                }
            }
            if (claim.looked() < batch) {
                break;
            }
            after = claim.lastId();
        }
        if (changed > 0) {
            notices = notices.plus(notices(tenant, today));
        }
        return new Result(reevaluated, changed, notices.markedOverdue(), notices.reminders(), notices.missedTerms(),
                notices.managementNotices());
    }

    private Result notices(Tenant tenant, LocalDate today) {
        int marked = terms.markOverdue(tenant.id(), today);
        TenantProfile profile = tenant.profile();
        // Terms that ran out (and cases received) well before the scheduler first ran are marked, not announced.
        LocalDate floor = terms.watchStartedOn(tenant.id(), today).minusDays(lookbackDays);
        // Keys queued in the window any of these messages can come from: a run then skips what it sent before
        // without a query per term (the unique key still decides when two runs race).
        Set<String> known = outbox.keysQueuedSince(tenant, today.minusDays(MAX_LEAD_DAYS + RECENTLY_MARKED_DAYS + 1));
        Map<Long, Optional<UserAccount>> users = new HashMap<>();
        int reminders = reminders(tenant, profile, today, known, users);
        int missed = missedTerms(tenant, profile, today, floor, known, users);
        int management = managementNotices(tenant, profile, floor);
        return new Result(0, 0, marked, reminders, missed, management);
    }

    private Optional<UserAccount> user(Tenant tenant, Long id, Map<Long, Optional<UserAccount>> cache) {
        return id == null ? Optional.empty()
                : cache.computeIfAbsent(id, k -> this.users.find(tenant.id(), new UserId(k)));
    }

    private int reminders(Tenant tenant, TenantProfile profile, LocalDate today, Set<String> known,
                          Map<Long, Optional<UserAccount>> users) {
        List<Integer> leads = profile.notifications().reminderDaysBefore();
        if (leads.isEmpty()) {
            return 0;
        }
        int furthest = leads.get(0);
        int queued = 0;
        for (DueTerm term : terms.termsDueBetween(tenant.id(), today, today.plusDays(furthest))) {
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
            try {
                // The person the complaint is about is never sent its reminders (impartiality, issue 16): a handler
                // linked to the employee concerned after assignment is passed over for the intake address.
                boolean concerned = term.handlerUserId() != null
                        && visibility.concerns(tenant.id(), term.complaintId(), term.handlerUserId());
                Recipient to = handlerOrIntake(profile, concerned ? Optional.empty()
                        : user(tenant, term.handlerUserId(), users));
                MessageTexts.Text text = texts.reminder(profile, term, today,
                        notifications.caseUrl(tenant, term.complaintId()), to.fallback());
                if (outbox.queue(tenant, new OutboxStore.Draft(term.complaintId(), MessageKind.REMINDER, key,
                        to.address(), text.subject(), text.body())).isPresent()) {
                    queued++;
                }
            } catch (RuntimeException e) {
                LOG.warn("{} herinnering {} niet in de wachtrij gezet: {}", tenant.slug(), key, e.getMessage());
            }
        }
        return queued;
    }

    private int missedTerms(Tenant tenant, TenantProfile profile, LocalDate today, LocalDate floor, Set<String> known,
                            Map<Long, Optional<UserAccount>> users) {
        int queued = 0;
        for (DueTerm term : terms.recentlyOverdue(tenant.id(), floor, today.minusDays(RECENTLY_MARKED_DAYS))) {
            String key = "MISSED|" + term.complaintId() + "|" + term.code() + "|" + term.dueOn();
            if (known.contains(key)) {
                continue;
            }
            try {
                String address = profile.escalationEmailAbove(term.escalationLevel());
                String handler = user(tenant, term.handlerUserId(), users).map(UserAccount::displayName).orElse(null);
                MessageTexts.Text text = texts.missedTerm(profile, term, handler,
                        notifications.caseUrl(tenant, term.complaintId()));
                if (outbox.queue(tenant, new OutboxStore.Draft(term.complaintId(), MessageKind.MISSED_TERM, key,
                        address.isEmpty() ? null : address, text.subject(), text.body())).isPresent()) {
                    queued++;
                }
            } catch (RuntimeException e) {
                LOG.warn("{} melding {} niet in de wachtrij gezet: {}", tenant.slug(), key, e.getMessage());
            }
        }
        return queued;
    }

    private int managementNotices(Tenant tenant, TenantProfile profile, LocalDate floor) {
        int queued = 0;
        String address = profile.notifications().managementEmail();
        for (DueTerm duty : terms.unannouncedDuties(tenant.id(), INFORM_MANAGEMENT, floor, MANAGEMENT_KEY)) {
            try {
                MessageTexts.Text text = texts.managementNotice(profile, duty,
                        notifications.caseUrl(tenant, duty.complaintId()));
                if (outbox.queue(tenant, new OutboxStore.Draft(duty.complaintId(), MessageKind.MANAGEMENT_NOTICE,
                        MANAGEMENT_KEY + duty.complaintId(), address.isEmpty() ? null : address, text.subject(),
                        text.body())).isPresent()) {
                    queued++;
                }
            } catch (RuntimeException e) {
                LOG.warn("{} melding aan de leiding voor klacht {} niet in de wachtrij gezet: {}", tenant.slug(),
                        duty.complaintId(), e.getMessage());
            }
        }
        return queued;
    }

    private record Recipient(String address, boolean fallback) {
    }

    private Recipient handlerOrIntake(TenantProfile profile, Optional<UserAccount> handler) {
        Optional<String> email = handler.filter(UserAccount::active).map(UserAccount::email);
        if (email.isPresent()) {
            return new Recipient(email.get(), false);
        }
        for (String address : List.of(profile.notifications().intakeEmail(), profile.notifications().managementEmail())) {
            if (!address.isEmpty()) {
                return new Recipient(address, true);
            }
        }
        return new Recipient(null, true);
    }
}
