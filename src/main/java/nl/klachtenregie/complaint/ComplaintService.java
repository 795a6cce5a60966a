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
import io.micronaut.context.event.ApplicationEventPublisher;
import java.time.Instant;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.regulation.Deadlines;
import nl.klachtenregie.regulation.TermUnit;
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
import nl.klachtenregie.shared.Text;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ComplaintService.class);
    /** An event recorded more than this many working days after it happened is marked "achteraf vastgelegd". */
    public static final int LATE_RECORDING_WORKING_DAYS = 2;

    private final ComplaintStore store;
    private final CaseEngine engine;
    private final RegulationCatalog regulations;
    private final Clock clock;
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher<LateExtensionRecorded> lateExtensions;
    private final CaseVisibility visibility;
    private final StaffDirectory staff;

    ComplaintService(ComplaintStore store, CaseEngine engine, RegulationCatalog regulations, Clock clock,
                     TenantDirectory tenants, UserDirectory users, AuditLog audit,
                     ApplicationEventPublisher<LateExtensionRecorded> lateExtensions, CaseVisibility visibility,
                     StaffDirectory staff) {
        this.visibility = visibility;
        this.staff = staff;
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
        this.lateExtensions = lateExtensions;
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
        return registerOnce(tenant, intake, handler, submissionId).view();
    }

    /**
     * Geregistreerde klacht: the case an intake post stands for, and whether an earlier post of the same submission
     * registered it already (then nothing new was stored).
     */
    record Registered(CaseView view, boolean earlier) {
    }

    /** {@link #create(Tenant, NewComplaint, UserId, String)}, telling a repeated post apart; for {@link Intake}. */
    Registered registerOnce(Tenant tenant, NewComplaint given, UserId handler, String submissionId) {
        NewComplaint intake = concerning(tenant, given);
        checkIntake(tenant.profile(), intake);
        checkHandler(tenant, handler);
        checkImpartial(tenant, intake.concernsStaffId(), handler);
        // Two complaints about the same person arriving together must see each other: the lock comes first, so
        // that this transaction's consistent-read snapshot is taken after the other intake has committed.
        tenants.lock(tenant.id());
        if (submissionId != null) {
            // Under the tenant lock, so a second post of the same form waits for the first and then finds it.
            Optional<Long> earlier = store.bySubmission(tenant.id(), submissionId);
            if (earlier.isPresent()) {
                return new Registered(view(tenant, earlier.get(), today()), true);
            }
        }
        // A service line can follow another of the tenant's regulations (e.g. a procedure of its own).
        RegulationVersion version = versionFor(tenant, intake);
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
        return new Registered(view(tenant, id, today()), false);
    }

    /**
     * The version in force on the day of receipt; a complaint received before the regulation's first version (whose
     * effective date is often an assumption) follows that first version, and the case page says so.
     */
    RegulationVersion versionFor(Tenant tenant, NewComplaint intake) {
        String regulation = tenant.profile().regulationFor(intake.serviceLine());
        List<LocalDate> effective = regulations.activeDates(tenant.id(), regulation);
        if (!effective.isEmpty() && effective.get(0).isAfter(intake.receivedOn())) {
            // Asked without throwing: a refusal inside the transaction would mark it for rollback.
            return regulations.firstActive(tenant, regulation).orElseThrow();
        }
        return regulations.inForceOn(tenant, regulation, intake.receivedOn());
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
                profile.categories().get(0).code(), null, null, false, false, false,
                profile.publicForm().level());
        RegulationVersion version = regulations.inForceOn(tenant, profile.regulationFor(null), receivedOn);
        CaseEngine.Evaluated ev = engine.evaluate(tenant, version, null, hypothetical, List.of(),
                new HistoryFacts(ComplaintStore.HISTORY_MONTHS, 0, 0), true, false);
        java.util.Map<List<Object>, LocalDate> due = new java.util.HashMap<>();
        ev.obligations().forEach(o -> due.putIfAbsent(List.of(o.code(), o.fromOn()), o.dueOn() == null
                ? LocalDate.MIN : o.dueOn()));
        java.util.Map<String, TermPreview> byCode = new java.util.LinkedHashMap<>();
        for (Obligation o : ev.outcome().obligations()) {
            LocalDate dueOn = due.getOrDefault(List.of(o.code(), o.from()), LocalDate.MIN);
            TermPreview term = new TermPreview(o.code(), o.amount(), o.unit(),
                    dueOn.equals(LocalDate.MIN) ? null : dueOn, o.basis(), o.label());
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
        if (CaseEngine.status(stored.events(), java.util.Set.of()) == CaseStatus.CLOSED) {
            return false;
        }
        RegulationVersion version = version(tenant, stored);
        HistoryFacts history = store.history(tenant.id(), stored.id(), stored.intake());
        CaseEngine.Evaluated ev = engine.evaluate(tenant, version, stored.reference(), stored.intake(),
                stored.events(), history, false, false);
        List<ScheduledObligation> before = store.obligations(tenant.id(), stored.id());
        boolean obligationsChanged = !comparable(before).equals(comparable(ev.obligations()));
        boolean outcomeChanged = !store.storedOutcome(tenant.id(), stored.id()).equals(ev.stored());
        if (!obligationsChanged && !outcomeChanged) {
            return false;
        }
        int moved = movedTerms(before, ev.obligations());
        if (moved > 0) {
            // The calendar or the rules changed under an open case (e.g. Goede Vrijdag, Atw art. 3 lid 2): say so.
            LOG.info("{} {}: {} termijn(en) verschoven bij herberekening", tenant.slug(), stored.reference(), moved);
        }
        store.applyEvaluation(tenant.id(), stored, ev, obligationsChanged);
        return true;
    }

    private static java.util.Set<List<Object>> comparable(List<ScheduledObligation> obligations) {
        java.util.Set<List<Object>> keys = new java.util.HashSet<>();
        for (ScheduledObligation o : obligations) {
            keys.add(java.util.Arrays.asList(o.code(), o.fromOn(), o.dueOn(), o.metOn(), o.waived(), o.baseDueOn(),
                    o.setAside(), o.statute(), o.label(), o.suspendedSince(), o.explanation()));
        }
        return keys;
    }

    /** Terms (same code, same start) whose due date is not what it was. */
    static int movedTerms(List<ScheduledObligation> before, List<ScheduledObligation> after) {
        java.util.Map<List<Object>, LocalDate> was = new java.util.HashMap<>();
        before.forEach(o -> was.put(List.of(o.code(), o.fromOn()), o.dueOn() == null ? LocalDate.MIN : o.dueOn()));
        int moved = 0;
        for (ScheduledObligation o : after) {
            LocalDate old = was.get(List.of(o.code(), o.fromOn()));
            if (old != null && !old.equals(o.dueOn() == null ? LocalDate.MIN : o.dueOn())) {
                moved++;
            }
        }
        return moved;
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
        if (stored.events().size() >= nl.klachtenregie.regulation.EvaluationFacts.MAX_EVENTS) {
            // The bound the rules' joins are counted with (RuleSetPolicy.MAX_JOIN): no case may hold more.
            throw new RefusedException(Text.of("case.events.tooMany", String.valueOf(stored.events().size())));
        }
        checkEventDates(stored.intake(), event);
        checkEventFields(event, stored.intake().kind() == ComplaintKind.FORMAL
                || !store.storedOutcome(tenant.id(), stored.id()).formalReasons().isEmpty());
        RegulationVersion version = version(tenant, stored);
        HistoryFacts history = store.history(tenant.id(), stored.id(), stored.intake());
        CaseEngine.Evaluated after = engine.checkEvent(tenant, version, stored, event, history, today());
        LateExtension late = lateExtension(tenant, version, stored, event, history);
        Instant now = Instant.now(clock);
        store.appendEvent(tenant.id(), stored, event, after, by == null ? null : by.value(), now, late != null);
        if (late == null && recordedLate(event.on(), now, engine.calendar(tenant.profile()))) {
            // The logboek keeps who wrote a fact down days after it happened, as it keeps the late extension below.
            String actor = by == null ? "api" : users.find(tenant.id(), by).map(u -> u.username()).orElse("api");
            audit.record(tenant.id(), actor, "EVENT_RECORDED_LATE", stored.reference(), dutchName(event.type())
                    + " van " + event.on().format(DMY) + " achteraf vastgelegd op "
                    + today().format(DMY) + ".");
        }
        if (late != null) {
            String actor = by == null ? "api" : users.find(tenant.id(), by).map(u -> u.username()).orElse("api");
            audit.record(tenant.id(), actor, "EXTENSION_RECORDED_LATE", stored.reference(),
                    "Verlenging van " + late.code() + " met " + event.weeks() + " weken aangekondigd op "
                            + event.on().format(DMY) + ", vastgelegd op " + today().format(DMY) + " nadat de termijn op "
                            + late.dueBefore().format(DMY) + " verstreek. Bewijs: brief van "
                            + event.noticeDate().format(DMY) + ", " + event.noticeReference() + ". Reden: "
                            + event.reason() + ". Nieuwe uiterste datum: "
                            + (late.dueAfter() == null ? "-" : late.dueAfter().format(DMY)) + ". Te bevestigen door een "
                            + "tweede persoon.");
            lateExtensions.publishEvent(new LateExtensionRecorded(tenant.id(), stored.id(), stored.reference(),
                    late.code(), late.dueBefore(), late.dueAfter()));
        }
        return view(tenant, stored.id(), today());
    }

    private record LateExtension(String code, LocalDate dueBefore, LocalDate dueAfter) {
    }

    /**
     * An extension recorded after the term it moves ran out (accepted by the engine only on the evidence of a notice
     * sent in time): which term, and its due date before and after. Null for every other event.
     */
    private LateExtension lateExtension(Tenant tenant, RegulationVersion version, StoredComplaint stored, NewEvent e,
                                        HistoryFacts history) {
        if (e.type() != EventType.EXTENSION_ANNOUNCED) {
            return null;
        }
        CaseEngine.Evaluated before = engine.evaluate(tenant, version, stored.reference(), stored.intake(),
                stored.events(), history, false, false);
        String code = before.stored().extensionFor();
        return before.obligations().stream().filter(o -> o.code().equals(code) && o.dueOn() != null
                        && today().isAfter(o.dueOn())).findFirst()
                .map(o -> new LateExtension(code, o.dueOn(), null)).map(l -> {
                    List<NewEvent> with = new ArrayList<>(stored.events());
                    with.add(e);
                    LocalDate after = engine.evaluate(tenant, version, stored.reference(), stored.intake(), with,
                            history, false, false).obligations().stream().filter(o -> o.code().equals(code))
                            .map(ScheduledObligation::dueOn).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    return new LateExtension(code, l.dueBefore(), after);
                }).orElse(null);
    }

    /**
     * Vier ogen: a second person confirms an extension that was recorded after its term ran out. Only a leidinggevende
     * or kwaliteitsmanager (the caller checks the role) who did not record it.
     *
     * @param sequence the event's position on the timeline (1-based)
     * @throws RefusedException when the event needs no confirmation, is confirmed already, or the confirmer recorded it
     */
    @Transactional
    public CaseView confirmLateEvent(Tenant tenant, ComplaintId id, int sequence, UserId by) {
        StoredComplaint stored = store.loadForUpdate(tenant.id(), id.value()).orElseThrow(() -> notFound(id));
        ComplaintStore.Recording r = store.recording(tenant.id(), stored.id(), sequence).orElseThrow(() ->
                new NotFoundException(Text.of("error.case.noSuchEvent", stored.reference(),
                        String.valueOf(sequence))));
        if (!r.needsConfirmation()) {
            throw new RefusedException(Text.of("case.confirm.notNeeded"));
        }
        if (r.confirmedBy() != null) {
            throw new RefusedException(Text.of("case.confirm.already"));
        }
        if (r.recordedBy() != null && r.recordedBy() == by.value()) {
            throw new RefusedException(Text.of("case.confirm.fourEyes"));
        }
        store.confirm(tenant.id(), stored.id(), sequence, by.value(), Instant.now(clock));
        String actor = users.find(tenant.id(), by).map(u -> u.username()).orElse("?");
        audit.record(tenant.id(), actor, "EXTENSION_CONFIRMED", stored.reference(), "Achteraf vastgelegde verlenging "
                + "(gebeurtenis " + sequence + ") bevestigd.");
        return view(tenant, stored.id(), today());
    }

    /** Extensions recorded after their term ran out that still wait for a second person, oldest first. */
    @Transactional
    public List<UnconfirmedEvent> unconfirmed(Tenant tenant) {
        return store.unconfirmed(tenant.id());
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
        if (stored.events().size() >= nl.klachtenregie.regulation.EvaluationFacts.MAX_EVENTS) {
            // The bound the rules' joins are counted with (RuleSetPolicy.MAX_JOIN): no case may hold more.
            throw new RefusedException(Text.of("case.events.tooMany", String.valueOf(stored.events().size())));
        }
        checkHandler(tenant, handler);
        if (handler != null && visibility.concerns(tenant.id(), stored.id(), handler.value())) {
            throw InvalidInputException.of("handler", Text.of("case.assign.impartial"));
        }
        store.assign(tenant.id(), stored, handler == null ? null : handler.value());
        return view(tenant, stored.id(), today());
    }

    /** The open obligations of the cases the user handles and may see, soonest due first. */
    @Transactional
    public List<WorkItem> work(Tenant tenant, Viewer viewer, UserId handler, LocalDate asOf) {
        return store.work(tenant.id(), viewer, handler.value(), asOf == null ? today() : asOf);
    }

    /** One page of the case list the viewer may see, with the total number of those matches. */
    @Transactional
    public CasePage page(Tenant tenant, Viewer viewer, CaseFilter filter) {
        return new CasePage(store.list(tenant.id(), viewer, filter), store.count(tenant.id(), viewer, filter),
                filter.limit(), filter.offset());
    }

    /**
     * Reads one case for a viewer: the case page, the API, letters, notes and attachments all read through here.
     *
     * @throws NotFoundException when there is no such case or the viewer may not see it (need-to-know: the same 404)
     */
    @Transactional
    public CaseView get(Tenant tenant, Viewer viewer, ComplaintId id, LocalDate asOf) {
        visibility.require(tenant.id(), viewer, id);
        return view(tenant, id.value(), asOf == null ? today() : asOf);
    }

    @Transactional
    public List<CaseSummary> list(Tenant tenant, Viewer viewer, CaseFilter filter) {
        return store.list(tenant.id(), viewer, filter);
    }

    /**
     * "Betreft medewerker" picked from the personeelsoverzicht: the entry must be the tenant's and active, and its
     * name is what the case shows.
     */
    private NewComplaint concerning(Tenant tenant, NewComplaint intake) {
        if (intake.concernsStaffId() == null) {
            return intake;
        }
        StaffDirectory.StaffMember m = staff.find(tenant.id(), intake.concernsStaffId()).filter(
                StaffDirectory.StaffMember::active).orElseThrow(() -> InvalidInputException.of("concernsStaffId",
                Text.of("case.field.concernsStaff")));
        return intake.concerning(m.id(), m.name());
    }

    /**
     * Onpartijdigheid: the person a complaint is about never handles it (the handler must be impartial; Wkkgz art. 17
     * asks for careful handling, every regulation here for an impartial handler).
     */
    private void checkImpartial(Tenant tenant, Long concernsStaffId, UserId handler) {
        if (handler == null || concernsStaffId == null) {
            return;
        }
        boolean concerned = staff.find(tenant.id(), concernsStaffId).map(StaffDirectory.StaffMember::userId)
                .filter(u -> u == handler.value()).isPresent();
        if (concerned) {
            throw InvalidInputException.of("handler", Text.of("case.assign.impartial"));
        }
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
        List<ComplaintStore.Recording> recordings = store.recordings(tenant.id(), id);
        HolidayCalendar calendar = engine.calendar(profile);
        List<CaseView.EventView> events = IntStream.range(0, c.events().size()).mapToObj(i -> {
            NewEvent e = c.events().get(i);
            ComplaintStore.Recording r = i < recordings.size() ? recordings.get(i) : null;
            return new CaseView.EventView(i + 1, e.type(), e.on(), e.weeks(), e.level(), e.body(), e.judgement(),
                    e.measureList(), e.sentOn(), e.measure(), e.motivation(), e.text(), e.signedByComplainant(),
                    e.satisfaction(), r == null ? null : r.recordedByName(), r == null ? null : r.recordedAt(),
                    r != null && recordedLate(e.on(), r.recordedAt(), calendar), r != null && r.needsConfirmation()
                    && r.confirmedBy() == null, r == null ? null : r.confirmedByName(), e.codes(), e.reason(),
                    e.noticeDate(), e.noticeReference(), e.consentBy(), e.consentOn(), e.consentHow(), e.lodgedOn());
        }).toList();
        NewComplaint in = c.intake();
        RegulationVersion version = regulations.version(tenant.id(), c.regulationVersion()).orElse(null);
        String versionNote = version != null && in.receivedOn().isBefore(version.effectiveFrom())
                ? "Ontvangen op " + in.receivedOn().format(DMY) + ", vóór de ingangsdatum van versie "
                + version.version() + " (" + version.effectiveFrom().format(DMY) + "), de eerste versie van het "
                + "klachtenreglement: de klacht wordt volgens die versie behandeld." : null;
        return new CaseView(c.id(), c.reference(), in.kind(), in.channel(),
                CaseEngine.status(c.events(), java.util.Set.copyOf(outcome.continuingReferrals())),
                in.receivedOn(), in.incidentOn(), in.complainant(), in.summary(), in.category(), in.serviceLine(),
                in.concernsEmployee(), in.unwantedBehaviour(), in.confidential(), c.regulationVersion(),
                CaseEngine.escalationLevel(profile, in, c.events()), !outcome.registrationReasons().isEmpty(),
                outcome.registrationReasons(), outcome.admissibilityReasons().isEmpty(),
                outcome.admissibilityReasons(),
                obligations.stream().map(o -> o.view(asOf)).toList(),
                nextActions(outcome, obligations, asOf), outcome.escalationOptions(), bodies, outcome.addressee(),
                outcome.advice(), events, asOf, in.officialRequested(), store.handler(tenant.id(), id).orElse(null),
                c.rowVersion(), in.escalationLevel(), versionNote, outcome.levelHolders(),
                in.kind() == ComplaintKind.FORMAL || !outcome.formalReasons().isEmpty(), outcome.formalReasons(),
                outcome.suspendable(), c.intake().concernsStaffId());
    }

    /** The event's name as the case page shows it in Dutch; the logboek is kept in Dutch. */
    static String dutchName(EventType type) {
        try {
            return java.util.ResourceBundle.getBundle("i18n.cases", java.util.Locale.forLanguageTag("nl"))
                    .getString("event." + type.name());
        } catch (java.util.MissingResourceException e) {
            return type.name();
        }
    }

    /**
     * Achteraf vastgelegd: recorded more than {@link #LATE_RECORDING_WORKING_DAYS} working days (of the Algemene
     * termijnenwet) after the day it happened.
     */
    static boolean recordedLate(LocalDate on, Instant recordedAt, HolidayCalendar calendar) {
        if (recordedAt == null) {
            return false;
        }
        LocalDate recorded = recordedAt.atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
        LocalDate limit = Deadlines.due(on, LATE_RECORDING_WORKING_DAYS, TermUnit.WORKING_DAYS, calendar,
                Deadlines.Counting.statutory("Atw")).date();
        return recorded.isAfter(limit);
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
            throw InvalidInputException.of("handler", Text.of("case.field.handler"));
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
        java.util.Map<String, Text> errors = new java.util.LinkedHashMap<>();
        if (!c.oral()) {
            errors.put("officialRequested", Text.of("case.field.officialOnlyOral"));
        }
        if (c.kind() != ComplaintKind.FORMAL) {
            errors.put("kind", Text.of("case.field.officialIsFormal"));
        }
        Complainant who = c.complainant();
        if (who.name() == null) {
            errors.put("complainant.name", Text.of("case.field.officialRequired"));
        }
        if (who.address() == null) {
            errors.put("complainant.address", Text.of("case.field.officialRequired"));
        }
        if (who.place() == null) {
            errors.put("complainant.place", Text.of("case.field.officialRequired"));
        }
        if (who.phone() == null) {
            errors.put("complainant.phone", Text.of("case.field.officialRequired"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
    }

    private void checkIntake(TenantProfile profile, NewComplaint c) {
        checkOfficialOralComplaint(c);
        List<Text> reasons = new ArrayList<>();
        LocalDate today = today();
        if (c.receivedOn().isAfter(today)) {
            reasons.add(Text.of("case.intake.receivedInFuture", c.receivedOn().format(DMY)));
        }
        if (c.incidentOn() != null && c.incidentOn().isAfter(c.receivedOn())) {
            reasons.add(Text.of("case.intake.incidentAfterReceipt", c.incidentOn().format(DMY)));
        }
        if (!profile.hasCategory(c.category())) {
            reasons.add(Text.of("case.intake.unknownCategory", String.valueOf(c.category()), String.valueOf(
                    profile.categories().stream().map(TenantProfile.Category::code).toList())));
        }
        if (c.serviceLine() != null && !profile.hasServiceLine(c.serviceLine())) {
            reasons.add(Text.of("case.intake.unknownServiceLine", c.serviceLine(), String.valueOf(
                    profile.serviceLines().stream().map(TenantProfile.ServiceLine::code).toList())));
        }
        if (c.escalationLevel() != null && !profile.levelCodes().contains(c.escalationLevel())) {
            throw InvalidInputException.of("escalationLevel", Text.of("case.field.unknownLevel",
                    c.escalationLevel(), String.join(", ", profile.levelCodes())));
        }
        if (!reasons.isEmpty()) {
            throw RefusedException.because(reasons);
        }
    }

    private void checkEventDates(NewComplaint c, NewEvent e) {
        List<Text> reasons = new ArrayList<>();
        if (e.on().isBefore(c.receivedOn())) {
            reasons.add(Text.of("case.event.beforeReceipt", e.on().format(DMY), c.receivedOn().format(DMY)));
        }
        if (e.on().isAfter(today())) {
            reasons.add(Text.of("case.event.inFuture", e.on().format(DMY)));
        }
        for (Measure m : e.measureList()) {
            if (m.dueOn() != null && m.dueOn().isBefore(e.on())) {
                reasons.add(Text.of("case.event.measuresBeforeDecision", m.dueOn().format(DMY)));
            }
        }
        if (e.noticeDate() != null && e.noticeDate().isAfter(today())) {
            reasons.add(Text.of("case.event.noticeInFuture", e.noticeDate().format(DMY)));
        }
        if (e.lodgedOn() != null && e.lodgedOn().isAfter(e.on())) {
            reasons.add(Text.of("case.event.lodgedAfterReferral", e.lodgedOn().format(DMY), e.on().format(DMY)));
        }
        if (!reasons.isEmpty()) {
            throw RefusedException.because(reasons);
        }
    }

    /** The fewest characters and words of a decision's reasons: at least a sentence, not "zie dossier". */
    static final int MIN_MOTIVATION_CHARS = 20;
    static final int MIN_MOTIVATION_WORDS = 4;
    /** The most measures one decision may list (a list a complainant can still read). */
    static final int MAX_MEASURES = 20;
    /** The longest description of one measure (it is the duty's label: what the case page and Mijn werk show). */
    static final int MAX_MEASURE_CHARS = 500;

    /**
     * A decision on a formal complaint is written and reasoned, and names each measure with the date by which it is
     * realised (Wkkgz art. 17 lid 1): without them it is bad input (400), every missing field named, nothing saved.
     * The day of sending lies between the decision and today.
     */
    private void checkDecision(NewEvent e, boolean formal) {
        java.util.Map<String, Text> errors = new java.util.LinkedHashMap<>();
        if (e.judgement() == null) {
            errors.put("judgement", Text.of("case.field.judgement"));
        }
        if (e.motivation() == null && formal) {
            errors.put("motivation", Text.of("case.field.motivation"));
        } else if (e.motivation() != null && (e.motivation().strip().length() < MIN_MOTIVATION_CHARS
                || e.motivation().strip().split("\\s+").length < MIN_MOTIVATION_WORDS)) {
            errors.put("motivation", Text.of("case.field.motivationShort", String.valueOf(MIN_MOTIVATION_WORDS)));
        }
        List<Measure> measures = e.measureList();
        boolean single = e.measureItems().isEmpty();
        if (measures.size() > MAX_MEASURES) {
            errors.put("measures", Text.of("case.field.measuresTooMany", String.valueOf(MAX_MEASURES)));
        }
        for (int i = 0; i < measures.size() && i < MAX_MEASURES; i++) {
            Measure m = measures.get(i);
            String field = single ? "measures" : "measures[" + i + "].description";
            if (m.description() == null) {
                errors.put(field, Text.of("case.field.measureDescription", String.valueOf(i + 1)));
            } else if (m.description().length() > MAX_MEASURE_CHARS) {
                errors.put(field, Text.of("case.field.measureTooLong", String.valueOf(i + 1)));
            }
            if (m.dueOn() == null) {
                errors.put(single ? "measuresDueOn" : "measures[" + i + "].dueOn",
                        Text.of("case.field.measureDueOn", String.valueOf(i + 1)));
            }
        }
        if (e.sentOn() != null && e.sentOn().isBefore(e.on())) {
            errors.put("sentOn", Text.of("case.field.sentBeforeDecision", e.sentOn().format(DMY), e.on().format(DMY)));
        } else if (e.sentOn() != null && e.sentOn().isAfter(today())) {
            errors.put("sentOn", Text.of("case.field.sentInFuture", e.sentOn().format(DMY)));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
    }

    /** Fields every regulation needs for the event type; missing ones are bad input (400), not a refusal. */
    private void checkEventFields(NewEvent e, boolean formal) {
        switch (e.type()) {
            case EXTENSION_ANNOUNCED -> {
                if (e.weeks() == null || e.weeks() < 1) {
                    throw InvalidInputException.of("weeks", Text.of("case.field.weeksMissing"));
                }
                if (e.weeks() > 52) {
                    throw InvalidInputException.of("weeks", Text.of("case.field.weeksTooMany",
                            String.valueOf(e.weeks())));
                }
                java.util.Map<String, Text> errors = new java.util.LinkedHashMap<>();
                boolean anyNotice = e.noticeDate() != null || e.noticeReference() != null;
                if (anyNotice && e.noticeDate() == null) {
                    errors.put("noticeDate", Text.of("case.field.noticeDate"));
                }
                if (anyNotice && e.noticeReference() == null) {
                    errors.put("noticeReference", Text.of("case.field.noticeReference"));
                }
                if (anyNotice && e.reason() == null) {
                    errors.put("reason", Text.of("case.field.lateReason"));
                }
                boolean anyConsent = e.consentBy() != null || e.consentOn() != null || e.consentHow() != null;
                if (anyConsent && e.consentBy() == null) {
                    errors.put("consentBy", Text.of("case.field.consentBy"));
                }
                if (anyConsent && e.consentOn() == null) {
                    errors.put("consentOn", Text.of("case.field.consentOn"));
                }
                if (anyConsent && e.consentHow() == null) {
                    errors.put("consentHow", Text.of("case.field.consentHow"));
                }
                if (!errors.isEmpty()) {
                    throw InvalidInputException.because(errors);
                }
            }
            case ESCALATED -> {
                if (e.level() == null) {
                    throw InvalidInputException.of("level", Text.of("case.field.level"));
                }
            }
            case REFERRED_EXTERNAL -> {
                if (e.body() == null) {
                    throw InvalidInputException.of("body", Text.of("case.field.body"));
                }
            }
            case DECIDED -> checkDecision(e, formal);
            case MEASURE_REALISED -> {
                if (e.text() == null) {
                    throw InvalidInputException.of("text", Text.of("case.field.measureAccount"));
                }
            }
            case CLOSED -> {
                if (e.satisfaction() != null && (e.satisfaction() < 1 || e.satisfaction() > 5)) {
                    throw InvalidInputException.of("satisfaction", Text.of("case.field.satisfaction"));
                }
            }
            case DUTY_SET_ASIDE, TERM_SUSPENDED -> {
                if (e.codes().isEmpty()) {
                    throw InvalidInputException.of("codes", Text.of(e.type() == EventType.DUTY_SET_ASIDE
                            ? "case.duties.nameSetAside" : "case.duties.nameSuspended"));
                }
                if (e.reason() == null) {
                    throw InvalidInputException.of("reason", Text.of(e.type() == EventType.DUTY_SET_ASIDE
                            ? "case.duties.reasonSetAside" : "case.duties.reasonSuspended"));
                }
            }
            case CHECK_CONFIRMED -> {
                if (e.codes().isEmpty()) {
                    throw InvalidInputException.of("codes", Text.of("case.duties.nameCheck"));
                }
            }
            default -> {
                // no type-specific fields required
            }
        }
    }

    private static NotFoundException notFound(ComplaintId id) {
        return new NotFoundException(Text.of("error.case.unknown", String.valueOf(id.value())));
    }
}
