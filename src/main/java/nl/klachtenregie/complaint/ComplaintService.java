package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import nl.klachtenregie.regulation.Deadlines;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.HolidayCalendar;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Klachtbehandeling: intake, timeline events and reading of complaint cases. Every call names its tenant;
 * every change re-evaluates the case under the regulation version in force on the day it was received.
 */
@Singleton
public class ComplaintService {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ComplaintStore store;
    private final CaseEngine engine;
    private final RegulationCatalog regulations;
    private final Clock clock;
    private final TenantDirectory tenants;
    private final UserDirectory users;

    ComplaintService(ComplaintStore store, CaseEngine engine, RegulationCatalog regulations, Clock clock,
                     TenantDirectory tenants, UserDirectory users) {
        this.tenants = tenants;
        this.users = users;
        this.store = store;
        this.engine = engine;
        this.regulations = regulations;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Registers a complaint.
     *
     * @throws RefusedException when the tenant's data or regulation does not accept it (with reasons)
     */
    @Transactional
    public CaseView create(Tenant tenant, NewComplaint intake) {
        return create(tenant, intake, null);
    }

    /**
     * Registers a complaint and assigns it to a handler.
     *
     * @param handler null for none yet
     * @throws RefusedException when the tenant's data or regulation does not accept it (with reasons)
     * @throws InvalidInputException when the handler is not one of the tenant's active case handlers
     */
    @Transactional
    public CaseView create(Tenant tenant, NewComplaint intake, UserId handler) {
        return create(tenant, intake, handler, null);
    }

    /**
     * Registers a complaint once per submission: the same {@code submissionId} posted again returns the case the
     * first post registered (a double click on the intake form makes one complaint).
     *
     * @param submissionId null when the caller has none (the API)
     */
    @Transactional
    public CaseView create(Tenant tenant, NewComplaint intake, UserId handler, String submissionId) {
        checkIntake(tenant.profile(), intake);
        checkHandler(tenant, handler);
        // Two complaints about the same person arriving together must see each other: the lock comes first, so
        // that this transaction's consistent-read snapshot is taken after the other intake has committed.
        tenants.lock(tenant.id());
        if (submissionId != null) {
            // Under the tenant lock, so a second post of the same form waits for the first and then finds it.
            Optional<Long> earlier = store.bySubmission(tenant.id(), submissionId);
            if (earlier.isPresent()) {
                return view(tenant, earlier.get(), today());
            }
        }
        // A service line can follow another of the tenant's regulations (e.g. a procedure of its own).
        RegulationVersion version = regulations.inForceOn(tenant,
                tenant.profile().regulationFor(intake.serviceLine()), intake.receivedOn());
        HistoryFacts history = store.history(tenant.id(), Long.MAX_VALUE, intake);
        // One evaluation serves both the check and the stored result: refusals of CREATE are never stored, and
        // the rules treat a proposed complaint like any other apart from them.
        CaseEngine.Evaluated evaluated = engine.evaluate(tenant, version, null, intake, List.of(), history, true,
                false);
        List<String> refusals = evaluated.outcome().refusalsOf("CREATE").stream().map(Refusal::reason).distinct()
                .toList();
        if (!refusals.isEmpty()) {
            throw new RefusedException(refusals);
        }
        String reference = store.nextReference(tenant.id(), tenant.slug(), intake.receivedOn().getYear());
        long id = store.insert(tenant.id(), reference, intake, version.version(), evaluated,
                handler == null ? null : handler.value(), submissionId);
        return view(tenant, id, today());
    }

    /**
     * The terms the regulation in force sets for a complaint of {@code kind} received through the public form on
     * {@code receivedOn}: what the form promises the complainant. Evaluated like a real intake (a client's web-form
     * complaint in the tenant's first category), nothing stored.
     */
    @Transactional
    public List<TermPreview> previewTerms(Tenant tenant, ComplaintKind kind, LocalDate receivedOn) {
        TenantProfile profile = tenant.profile();
        NewComplaint hypothetical = new NewComplaint(kind, Channel.WEB_FORM, receivedOn, null,
                new Complainant("-", ComplainantRole.CLIENT, "-@example.org", null, null), "-",
                profile.categories().get(0).code(), null, null, false, false);
        RegulationVersion version = regulations.inForceOn(tenant, profile.regulationFor(null), receivedOn);
        CaseEngine.Evaluated ev = engine.evaluate(tenant, version, null, hypothetical, List.of(),
                new HistoryFacts(ComplaintStore.HISTORY_MONTHS, 0, 0), true, false);
        HolidayCalendar calendar = CaseEngine.calendar(profile);
        java.util.Map<String, TermPreview> byCode = new java.util.LinkedHashMap<>();
        for (Obligation o : ev.outcome().obligations()) {
            TermPreview term = new TermPreview(o.code(), o.amount(), o.unit(),
                    Deadlines.due(o.from(), o.amount(), o.termUnit(), calendar).date(), o.basis());
            // Two rules stating one duty: the earlier due date is the promise.
            byCode.merge(o.code(), term, (a, b) -> a.dueOn() == null || (b.dueOn() != null && b.dueOn().isBefore(a.dueOn()))
                    ? b : a);
        }
        return byCode.values().stream().sorted(java.util.Comparator.comparing(TermPreview::dueOn,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
    }

    /**
     * Evaluates an open case again under its regulation version, as of now: the day moves and other complaints arrive
     * (a repeated complaint about the same person) even when nothing happens in the case itself. Stores the result
     * only when it differs, without counting as a user's change (the case's version stays, so nobody's open form
     * conflicts with it).
     *
     * @return true when something changed
     */
    @Transactional
    public boolean reEvaluate(Tenant tenant, ComplaintId id) {
        Optional<StoredComplaint> found = store.loadForUpdate(tenant.id(), id.value());
        if (found.isEmpty()) {
            return false;
        }
        StoredComplaint stored = found.get();
        if (CaseEngine.status(stored.events()) == CaseStatus.CLOSED) {
            return false;
        }
        RegulationVersion version = version(tenant, stored);
        HistoryFacts history = store.history(tenant.id(), stored.id(), stored.intake());
        CaseEngine.Evaluated ev = engine.evaluate(tenant, version, stored.reference(), stored.intake(),
                stored.events(), history, false, false);
        boolean obligationsChanged = !comparable(store.obligations(tenant.id(), stored.id()))
                .equals(comparable(ev.obligations()));
        boolean outcomeChanged = !store.storedOutcome(tenant.id(), stored.id()).equals(ev.stored());
        if (!obligationsChanged && !outcomeChanged) {
            return false;
        }
        store.applyEvaluation(tenant.id(), stored, ev, obligationsChanged);
        return true;
    }

    private static java.util.Set<List<Object>> comparable(List<ScheduledObligation> obligations) {
        java.util.Set<List<Object>> keys = new java.util.HashSet<>();
        for (ScheduledObligation o : obligations) {
            keys.add(java.util.Arrays.asList(o.code(), o.fromOn(), o.dueOn(), o.metOn(), o.waived(), o.baseDueOn()));
        }
        return keys;
    }

    /** The case a form's one-time id registered, if any (a second post of the same form). */
    @Transactional
    public Optional<CaseView> bySubmission(Tenant tenant, String submissionId) {
        if (submissionId == null) {
            return Optional.empty();
        }
        return store.bySubmission(tenant.id(), submissionId).map(id -> view(tenant, id, today()));
    }

    /**
     * Records a timeline event after the regulation allows it.
     *
     * @throws RefusedException when the regulation or the state of the case forbids it
     */
    @Transactional
    public CaseView recordEvent(Tenant tenant, ComplaintId id, NewEvent event) {
        return recordEvent(tenant, id, event, null, null);
    }

    /**
     * Records a timeline event after the regulation allows it, if the case is still at the version the user saw.
     *
     * @param expectedVersion the {@link CaseView#version()} the user's change is based on; null skips the check
     * @param by who records it; null for an API client without a user
     * @throws ConflictException when someone else changed the case since {@code expectedVersion}
     */
    @Transactional
    public CaseView recordEvent(Tenant tenant, ComplaintId id, NewEvent event, Integer expectedVersion, UserId by) {
        StoredComplaint stored = store.loadForUpdate(tenant.id(), id.value()).orElseThrow(() -> notFound(id));
        checkVersion(stored, expectedVersion);
        checkEventDates(stored.intake(), event);
        checkEventFields(event);
        RegulationVersion version = version(tenant, stored);
        HistoryFacts history = store.history(tenant.id(), stored.id(), stored.intake());
        CaseEngine.Evaluated after = engine.checkEvent(tenant, version, stored, event, history, today());
        store.appendEvent(tenant.id(), stored, event, after, by == null ? null : by.value());
        return view(tenant, stored.id(), today());
    }

    /**
     * Assigns the case to a handler (null: to nobody).
     *
     * @throws InvalidInputException when the user is not one of the tenant's active case handlers
     * @throws ConflictException when someone else changed the case since {@code expectedVersion}
     */
    @Transactional
    public CaseView assign(Tenant tenant, ComplaintId id, UserId handler, Integer expectedVersion) {
        StoredComplaint stored = store.loadForUpdate(tenant.id(), id.value()).orElseThrow(() -> notFound(id));
        checkVersion(stored, expectedVersion);
        checkHandler(tenant, handler);
        store.assign(tenant.id(), stored, handler == null ? null : handler.value());
        return view(tenant, stored.id(), today());
    }

    /** The open obligations of the cases the user handles, soonest due first. */
    @Transactional
    public List<WorkItem> work(Tenant tenant, UserId handler, LocalDate asOf) {
        return store.work(tenant.id(), handler.value(), asOf == null ? today() : asOf);
    }

    /** One page of the case list with the total number of matches. */
    @Transactional
    public CasePage page(Tenant tenant, CaseFilter filter) {
        return new CasePage(store.list(tenant.id(), filter), store.count(tenant.id(), filter), filter.limit(),
                filter.offset());
    }

    @Transactional
    public CaseView get(Tenant tenant, ComplaintId id, LocalDate asOf) {
        return view(tenant, id.value(), asOf == null ? today() : asOf);
    }

    @Transactional
    public List<CaseSummary> list(Tenant tenant, CaseFilter filter) {
        return store.list(tenant.id(), filter);
    }

    private CaseView view(Tenant tenant, long id, LocalDate asOf) {
        StoredComplaint c = store.load(tenant.id(), id).orElseThrow(() -> notFound(new ComplaintId(id)));
        StoredOutcome outcome = store.storedOutcome(tenant.id(), id);
        List<ScheduledObligation> obligations = store.obligations(tenant.id(), id);
        TenantProfile profile = tenant.profile();
        List<CaseView.ExternalBodyView> bodies = outcome.externalBodies().stream()
                .map(code -> profile.externalBody(code)
                        .map(b -> new CaseView.ExternalBodyView(b.code(), b.kind(), b.name(), b.address(), b.email(),
                                b.url()))
                        .orElse(new CaseView.ExternalBodyView(code, "", code, "", "", "")))
                .toList();
        List<String> recorders = store.eventRecorders(tenant.id(), id);
        List<CaseView.EventView> events = IntStream.range(0, c.events().size()).mapToObj(i -> {
            NewEvent e = c.events().get(i);
            return new CaseView.EventView(i + 1, e.type(), e.on(), e.weeks(), e.level(), e.body(), e.judgement(),
                    e.measures(), e.measuresDueOn(), e.motivation(), e.text(), e.signedByComplainant(),
                    e.satisfaction(), i < recorders.size() ? recorders.get(i) : null);
        }).toList();
        NewComplaint in = c.intake();
        return new CaseView(c.id(), c.reference(), in.kind(), in.channel(), CaseEngine.status(c.events()),
                in.receivedOn(), in.incidentOn(), in.complainant(), in.summary(), in.category(), in.serviceLine(),
                in.concernsEmployee(), in.unwantedBehaviour(), in.confidential(), c.regulationVersion(),
                CaseEngine.escalationLevel(profile, c.events()), !outcome.registrationReasons().isEmpty(),
                outcome.registrationReasons(), outcome.admissibilityReasons().isEmpty(),
                outcome.admissibilityReasons(),
                obligations.stream().map(o -> o.view(asOf)).toList(),
                nextActions(outcome, obligations, asOf), outcome.escalationOptions(), bodies, outcome.addressee(),
                outcome.advice(), events, asOf, in.officialRequested(), store.handler(tenant.id(), id).orElse(null),
                c.rowVersion());
    }

    private static void checkVersion(StoredComplaint stored, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != stored.rowVersion()) {
            throw ComplaintStore.conflict(stored);
        }
    }

    private void checkHandler(Tenant tenant, UserId handler) {
        if (handler == null) {
            return;
        }
        boolean ok = users.find(tenant.id(), handler).filter(u -> u.active() && u.handlesCases()).isPresent();
        if (!ok) {
            throw InvalidInputException.of("handler", "kies een actieve behandelaar van deze organisatie");
        }
    }

    /** An extension can no longer be announced once the term it would move has run out on the day asked. */
    private static List<String> nextActions(StoredOutcome outcome, List<ScheduledObligation> obligations,
                                            LocalDate asOf) {
        boolean expired = outcome.extensionFor() != null && obligations.stream()
                .filter(o -> o.code().equals(outcome.extensionFor()) && o.dueOn() != null && o.metOn() == null)
                .anyMatch(o -> asOf.isAfter(o.dueOn()));
        return expired ? outcome.nextActions().stream().filter(a -> !a.equals("EXTENSION_ANNOUNCED")).toList()
                : outcome.nextActions();
    }

    private RegulationVersion version(Tenant tenant, StoredComplaint c) {
        return regulations.version(tenant.id(), c.regulationVersion()).orElseThrow(() -> new IllegalStateException(
                "Case " + c.reference() + " follows version " + c.regulationVersion() + " which is not stored"));
    }

    /**
     * An oral complaint handled as an official one needs what a letter would have given: name, address, place of
     * residence and phone (IederZijnWerk's procedure asks for them explicitly; every tenant needs them to write back).
     */
    private static void checkOfficialOralComplaint(NewComplaint c) {
        if (!c.officialRequested()) {
            return;
        }
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (!c.oral()) {
            errors.put("officialRequested", "alleen bij een mondelinge klacht (telefoon of persoonlijk)");
        }
        if (c.kind() != ComplaintKind.FORMAL) {
            errors.put("kind", "een mondelinge klacht die officieel wordt behandeld, is een formele klacht");
        }
        Complainant who = c.complainant();
        if (who.name() == null) {
            errors.put("complainant.name", "verplicht bij een officieel behandelde mondelinge klacht");
        }
        if (who.address() == null) {
            errors.put("complainant.address", "verplicht bij een officieel behandelde mondelinge klacht");
        }
        if (who.place() == null) {
            errors.put("complainant.place", "verplicht bij een officieel behandelde mondelinge klacht");
        }
        if (who.phone() == null) {
            errors.put("complainant.phone", "verplicht bij een officieel behandelde mondelinge klacht");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void checkIntake(TenantProfile profile, NewComplaint c) {
        checkOfficialOralComplaint(c);
        List<String> reasons = new ArrayList<>();
        LocalDate today = today();
        if (c.receivedOn().isAfter(today)) {
            reasons.add("De ontvangstdatum " + c.receivedOn().format(DMY) + " ligt in de toekomst.");
        }
        if (c.incidentOn() != null && c.incidentOn().isAfter(c.receivedOn())) {
            reasons.add("De datum van de gebeurtenis (" + c.incidentOn().format(DMY)
                    + ") ligt na de ontvangst van de klacht.");
        }
        if (!profile.hasCategory(c.category())) {
            reasons.add("Onbekende categorie '" + c.category() + "'; bekend zijn: " + profile.categories().stream()
                    .map(TenantProfile.Category::code).toList() + ".");
        }
        if (c.serviceLine() != null && !profile.hasServiceLine(c.serviceLine())) {
            reasons.add("Onbekende dienst '" + c.serviceLine() + "'; bekend zijn: " + profile.serviceLines().stream()
                    .map(TenantProfile.ServiceLine::code).toList() + ".");
        }
        if (!reasons.isEmpty()) {
            throw new RefusedException(reasons);
        }
    }

    private void checkEventDates(NewComplaint c, NewEvent e) {
        List<String> reasons = new ArrayList<>();
        if (e.on().isBefore(c.receivedOn())) {
            reasons.add("De datum " + e.on().format(DMY) + " ligt vóór de ontvangst van de klacht ("
                    + c.receivedOn().format(DMY) + ").");
        }
        if (e.on().isAfter(today())) {
            reasons.add("De datum " + e.on().format(DMY) + " ligt in de toekomst.");
        }
        if (e.measuresDueOn() != null && e.measuresDueOn().isBefore(e.on())) {
            reasons.add("De termijn voor de maatregel (" + e.measuresDueOn().format(DMY)
                    + ") ligt vóór de beslissing.");
        }
        if (!reasons.isEmpty()) {
            throw new RefusedException(reasons);
        }
    }

    /** Fields every regulation needs for the event type; missing ones are bad input (400), not a refusal. */
    private static void checkEventFields(NewEvent e) {
        switch (e.type()) {
            case EXTENSION_ANNOUNCED -> {
                if (e.weeks() == null || e.weeks() < 1) {
                    throw InvalidInputException.of("weeks", "geef het aantal weken verlenging (minstens 1)");
                }
            }
            case ESCALATED -> {
                if (e.level() == null) {
                    throw InvalidInputException.of("level", "geef het escalatieniveau");
                }
            }
            case REFERRED_EXTERNAL -> {
                if (e.body() == null) {
                    throw InvalidInputException.of("body", "geef de externe instantie");
                }
            }
            case DECIDED -> {
                if (e.judgement() == null) {
                    throw InvalidInputException.of("judgement",
                            "geef het oordeel: WELL_FOUNDED, PARTLY_WELL_FOUNDED of UNFOUNDED");
                }
            }
            case CLOSED -> {
                if (e.satisfaction() != null && (e.satisfaction() < 1 || e.satisfaction() > 5)) {
                    throw InvalidInputException.of("satisfaction", "tevredenheid is een getal van 1 tot en met 5");
                }
            }
            default -> {
                // no type-specific fields required
            }
        }
    }

    private static NotFoundException notFound(ComplaintId id) {
        return new NotFoundException("Klacht " + id.value() + " bestaat niet bij deze organisatie");
    }
}
