package nl.klachtenregie.publicform;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintRegistered;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.Intake;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.complaint.TermPreview;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantId;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Klachtformulier: what stands behind the public complaint form. Finds the tenant whose form is open, says what the
 * regulation promises, and registers a submitted complaint with its status link and the messages it sets off.
 */
@Singleton
public class PublicIntake {

    /**
     * Ontvangstbewijs: what the complainant is shown once the complaint is registered.
     *
     * @param next the promises of the regulation still open for this case, in the order of {@link ComplainantTerms}
     * @param statusUrl the absolute address of the private status page
     */
    public record Receipt(String reference, LocalDate receivedOn, List<ComplainantStatus.NextTerm> next,
                          String statusUrl) {
        public Receipt {
            next = List.copyOf(next);
        }
    }

    /** How long what the form promises is reused before the rules are asked again. */
    static final Duration PROMISES_KEPT = Duration.ofMinutes(1);

    /** The promises for one tenant's form on one day, as its profile stood, until {@code until}. */
    private record Promises(TenantProfile profile, LocalDate day, List<TermPreview> terms, Instant until) {
    }

    // Anyone can open the form as often as they like; without this each view would run the tenant's rules.
    private final ConcurrentMap<TenantId, Promises> promised = new ConcurrentHashMap<>();
    private final TenantDirectory tenants;
    private final ComplaintService complaints;
    private final Intake intake;
    private final ReceiptLinks receipts;
    private final TransactionOperations<Connection> tx;
    private final WallClock clock;

    PublicIntake(TenantDirectory tenants, ComplaintService complaints, Intake intake, ReceiptLinks receipts,
                 TransactionOperations<Connection> tx, WallClock clock) {
        this.tenants = tenants;
        this.complaints = complaints;
        this.intake = intake;
        this.receipts = receipts;
        this.tx = tx;
        this.clock = clock;
    }

    /** The tenant of this slug if its form is open; empty for an unknown slug and for a closed form alike. */
    public Optional<Tenant> openForm(String slug) {
        if (!TenantProfile.isValidSlug(slug)) {
            return Optional.empty();
        }
        return tenants.find(slug).filter(t -> t.profile().publicForm().enabled());
    }

    /** The kind a complaint through this tenant's form is. */
    public static ComplaintKind kindOf(Tenant tenant) {
        return ComplaintKind.valueOf(tenant.profile().publicForm().kind());
    }

    /** The day a complaint posted now is received (the case-date clock). */
    public LocalDate today() {
        return complaints.today();
    }

    /**
     * What the regulation in force promises a complaint through the form received today, the complainant's terms
     * only, in the order a complaint meets them.
     */
    public List<TermPreview> promises(Tenant tenant) {
        LocalDate today = complaints.today();
        Instant now = clock.now();
        Promises kept = promised.get(tenant.id());
        // A changed profile or another day asks the rules again; a newly activated version shows within a minute.
        if (kept != null && kept.profile().equals(tenant.profile()) && kept.day().equals(today)
                && now.isBefore(kept.until())) {
            return kept.terms();
        }
        List<TermPreview> terms = complaints.previewTerms(tenant, kindOf(tenant), today).stream()
                .filter(t -> ComplainantTerms.isForComplainant(t.code(), t.label()))
                .sorted(Comparator.comparing((TermPreview t) -> ComplainantTerms.order(t.code()))
                        .thenComparing(TermPreview::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        promised.put(tenant.id(), new Promises(tenant.profile(), today, terms, now.plus(PROMISES_KEPT)));
        return terms;
    }

    /** The reference of the complaint this form (its submission id) already registered, if any. */
    public Optional<String> submittedAs(Tenant tenant, String submissionId) {
        return complaints.bySubmission(tenant, submissionId).map(CaseView::reference);
    }

    /**
     * True when the posted complaint is the one the form registered before: the same words, category and complainant
     * (a double click or a reload), as opposed to the form sent again with something else written in it.
     */
    public boolean sameAsSubmitted(Tenant tenant, String submissionId, NewComplaint posted) {
        return complaints.bySubmission(tenant, submissionId).map(c -> c.summary().strip().equals(posted.summary().strip())
                && c.category().equals(posted.category())
                && java.util.Objects.equals(c.complainant().name(), posted.complainant().name())
                && java.util.Objects.equals(c.complainant().email(), posted.complainant().email())).orElse(false);
    }

    /**
     * Registers the complaint once per {@code submissionId} through {@link Intake}, whose listeners issue the status
     * link and queue the messages: a second post of the same form finds the first case and gets a link of its own. The
     * case, the link and the queued messages are one transaction, so a receipt is shown only for what was stored.
     *
     * @throws RefusedException when the regulation refuses the complaint
     * @throws InvalidInputException when the complaint service finds the input malformed
     */
    public Receipt submit(Tenant tenant, NewComplaint complaint, String submissionId) {
        return tx.executeWrite(status -> {
            CaseView created;
            String statusUrl;
            // The link is issued by IntakeStatusLinks while the case is registered; the slot brings it back here.
            try (ReceiptLinks.Slot slot = receipts.open()) {
                created = intake.register(tenant, complaint, null, submissionId,
                        ComplaintRegistered.Source.PUBLIC_FORM, false);
                statusUrl = slot.url().orElseThrow(() -> new IllegalStateException("No status link was issued"));
            }
            List<ComplainantStatus.NextTerm> next = created.obligations().stream()
                    .filter(o -> ComplainantTerms.isForComplainant(o.code(), o.label()))
                    .filter(o -> o.status() == ObligationStatus.OPEN || o.status() == ObligationStatus.OVERDUE)
                    .sorted(Comparator.comparing(
                                    (CaseView.ObligationView o) -> ComplainantTerms.order(o.code()))
                            .thenComparing(CaseView.ObligationView::dueOn,
                                    Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(o -> new ComplainantStatus.NextTerm(o.code(), o.dueOn(), false,
                            ComplainantTerms.CODES.contains(o.code()) ? "" : o.label()))
                    .toList();
            return new Receipt(created.reference(), created.receivedOn(), next, statusUrl);
        });
    }
}
