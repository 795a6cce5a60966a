package nl.klachtenregie.complaint;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.Deadlines;
import nl.klachtenregie.regulation.DueDate;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.HolidayCalendar;
import nl.klachtenregie.regulation.LevelHolder;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.StatutoryDays;
import nl.klachtenregie.regulation.SuspensionPolicy;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.regulation.TermUnit;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * The generic case engine: turns a case into facts, lets the tenant's rules speak, and applies what they said
 * (due dates, fulfilment, status, allowed actions). Everything regulation-specific comes from the rules; what
 * is here holds for every regulation:
 * <ul>
 *   <li>a closed case takes no more events, and a case is closed only when every duty the rules made is met, set
 *       aside by a person with a reason, or already missed (nothing lapses silently);</li>
 *   <li>one event meets every duty of a different code that it satisfies, each duty at most one event of its
 *       code;</li>
 *   <li>a term is computed the same way for everyone ({@link Deadlines}), extended and suspended only as the
 *       regulation's policies allow;</li>
 *   <li>a referral to an external body that takes the complaint over ends the duties still running; a referral to a
 *       body that only supports the complainant does not.</li>
 * </ul>
 * What a proposed event must respect besides the tenant's rules is said by the named policies of {@link CasePolicies}.
 */
@Singleton
class CaseEngine {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The result of evaluating one case. */
    record Evaluated(RegulationOutcome outcome, CaseStatus status, String escalationLevel,
                     List<ScheduledObligation> obligations, StoredOutcome stored) {
    }

    private final RegulationEngine engine;
    private final StatutoryDays statutoryDays;

    @Inject
    CaseEngine(RegulationEngine engine, StatutoryDays statutoryDays) {
        this.engine = engine;
        this.statutoryDays = statutoryDays;
    }

    /** Without the platform's table of equated days: the days bundled with the product (benchmarks). */
    CaseEngine(RegulationEngine engine) {
        this(engine, null);
    }

    Evaluated evaluate(Tenant tenant, RegulationVersion version, String reference, NewComplaint intake,
                       List<NewEvent> events, HistoryFacts history, boolean creating, boolean lastIsProposed) {
        TenantProfile profile = tenant.profile();
        String level = escalationLevel(profile, intake, events);
        List<EventFacts> eventFacts = IntStream.range(0, events.size())
                .mapToObj(i -> eventFacts(i + 1, events.get(i), lastIsProposed && i == events.size() - 1))
                .toList();
        TenantFacts tenantFacts = new TenantFacts(profile.slug(), version.version(), profile.levelCodes(),
                profile.externalBodyCodes());
        CaseStatus status = status(events, Set.of());
        RegulationOutcome outcome = rules(version, tenantFacts, profile, reference, intake, status, level, creating,
                eventFacts, history);
        Set<String> continuing = continuingReferrals(outcome, events);
        if (!continuing.isEmpty()) {
            // A referral that does not end the organisation's own handling leaves the case in progress; the rules are
            // asked again when that changes what they were told.
            CaseStatus corrected = status(events, continuing);
            if (corrected != status) {
                status = corrected;
                outcome = rules(version, tenantFacts, profile, reference, intake, status, level, creating, eventFacts,
                        history);
            }
        }
        List<ScheduledObligation> obligations = schedule(outcome, events, calendar(profile));
        Map<String, String> holders = new TreeMap<>();
        for (LevelHolder h : outcome.levelHolders()) {
            holders.putIfAbsent(h.level(), h.holder());
        }
        StoredOutcome stored = new StoredOutcome(
                outcome.registrations().stream().map(r -> r.reason()).distinct().toList(),
                outcome.inadmissibilities().stream().map(r -> r.reason()).distinct().toList(),
                nextActions(status, events, outcome, obligations).stream().map(Enum::name).toList(),
                outcome.escalationOptions().stream().map(o -> o.level()).distinct().toList(),
                outcome.externalBodies().stream().map(b -> b.body()).distinct().toList(),
                outcome.advice().stream().map(a -> new CaseView.AdviceView(a.code(), a.text(), a.basis())).toList(),
                outcome.addressees().isEmpty() ? profile.complaintAddress() : outcome.addressees().get(0).text(),
                outcome.extensionPolicies().isEmpty() ? null : outcome.extensionPolicies().get(0).code(),
                List.copyOf(new java.util.TreeSet<>(continuing)), holders,
                outcome.countsAsFormal().stream().map(f -> f.reason()).distinct().toList(),
                outcome.suspensionPolicies().stream().map(SuspensionPolicy::code).distinct().toList());
        return new Evaluated(outcome, status, level, obligations, stored);
    }

    private RegulationOutcome rules(RegulationVersion version, TenantFacts tenantFacts, TenantProfile profile,
                                    String reference, NewComplaint intake, CaseStatus status, String level,
                                    boolean creating, List<EventFacts> eventFacts, HistoryFacts history) {
        ComplaintFacts complaint = complaintFacts(profile, reference, intake, status, level, creating);
        return engine.evaluate(version.ruleSet(), new EvaluationFacts(tenantFacts, complaint, eventFacts, history));
    }

    /** The bodies referred to in this case whose referral, by the rules, does not end the organisation's handling. */
    private static Set<String> continuingReferrals(RegulationOutcome outcome, List<NewEvent> events) {
        Set<String> bodies = new LinkedHashSet<>();
        for (NewEvent e : events) {
            if (e.type() == EventType.REFERRED_EXTERNAL && e.body() != null && !outcome.referralEndsOwnDuty(e.body())) {
                bodies.add(e.body());
            }
        }
        return bodies;
    }

    private record CalendarKey(String name, Map<String, String> ownDays, nl.klachtenregie.regulation.EquatedDays equated) {
    }

    /** Calendars are immutable and few (one per distinct set of closing days): made once, not per evaluation. */
    private final java.util.concurrent.ConcurrentMap<CalendarKey, HolidayCalendar> calendars =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The tenant's calendar: the statutory days of the Algemene termijnenwet as the platform knows them, own days. */
    HolidayCalendar calendar(TenantProfile profile) {
        nl.klachtenregie.regulation.EquatedDays equated = statutoryDays == null
                ? nl.klachtenregie.regulation.EquatedDays.bundled() : statutoryDays.current();
        CalendarKey key = new CalendarKey(profile.holidayCalendar(), profile.extraClosedDays(), equated);
        HolidayCalendar cached = calendars.get(key);
        if (cached != null) {
            return cached;
        }
        Map<LocalDate, String> extra = new LinkedHashMap<>();
        profile.extraClosedDays().forEach((day, name) -> extra.put(LocalDate.parse(day), name));
        HolidayCalendar made = HolidayCalendar.named(profile.holidayCalendar(), extra, equated);
        if (calendars.size() > 1000) {
            calendars.clear();
        }
        calendars.put(key, made);
        return made;
    }

    /**
     * Checks a proposed event against the case as it stands (lifecycle, escalation, extension, suspension, the duties
     * it names) and then against the rules with the event included.
     *
     * @return the evaluation with the event included
     * @throws RefusedException with every reason that applies
     * @throws InvalidInputException when the event names a duty the case does not have, or lacks its reason
     */
    Evaluated checkEvent(Tenant tenant, RegulationVersion version, StoredComplaint stored, NewEvent proposed,
                         HistoryFacts history, LocalDate today) {
        Evaluated before = evaluate(tenant, version, stored.reference(), stored.intake(), stored.events(), history,
                false, false);
        if (CasePolicies.NO_STEPS_AFTER_CLOSING.check(before.status(), proposed.type())
                instanceof CasePolicy.Refusal closed) {
            throw RefusedException.because(closed.texts());
        }
        checkNamedDuties(before, proposed);
        checkMeasureNamed(before, proposed);
        List<NewEvent> with = new ArrayList<>(stored.events());
        with.add(proposed);
        Evaluated after = evaluate(tenant, version, stored.reference(), stored.intake(), with, history, false, true);
        List<String> ruleReasons = after.outcome().refusalsOf(proposed.type().name()).stream()
                .map(Refusal::reason).distinct().toList();
        // The generic rules speak in the reader's language; the tenant's own rules in their own words.
        List<nl.klachtenregie.shared.Text> reasons = new ArrayList<>(CasePolicies.texts(new ProposedStep(stored, before, proposed,
                version.version(), ruleReasons, today)));
        ruleReasons.forEach(r -> reasons.add(nl.klachtenregie.shared.Text.plain(r)));
        if (!reasons.isEmpty()) {
            throw RefusedException.because(reasons);
        }
        return after;
    }

    /** An event about duties must name duties of this case, and say why; a wrong code is bad input, not a refusal. */
    private static void checkNamedDuties(Evaluated before, NewEvent e) {
        EventType type = e.type();
        if (!type.namesDuties()) {
            return;
        }
        Map<String, nl.klachtenregie.shared.Text> errors = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        before.obligations().forEach(o -> known.add(o.code()));
        if (e.codes().isEmpty() && type != EventType.TERM_RESUMED) {
            errors.put("codes", nl.klachtenregie.shared.Text.of(switch (type) {
                case DUTY_SET_ASIDE -> "case.duties.nameSetAside";
                case CHECK_CONFIRMED -> "case.duties.nameCheck";
                default -> "case.duties.nameSuspended";
            }));
        }
        List<String> unknown = e.codes().stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            errors.put("codes", known.isEmpty()
                    ? nl.klachtenregie.shared.Text.of("case.duties.unknown", String.join(", ", unknown))
                    : nl.klachtenregie.shared.Text.of("case.duties.unknownOthers", String.join(", ", unknown), String.join(", ", known)));
        }
        if (e.reason() == null && (type == EventType.DUTY_SET_ASIDE || type == EventType.TERM_SUSPENDED)) {
            errors.put("reason", nl.klachtenregie.shared.Text.of(type == EventType.DUTY_SET_ASIDE
                    ? "case.duties.reasonSetAside" : "case.duties.reasonSuspended"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
    }

    /**
     * A measure realised names one of the case's measures that is still to be realised; when exactly one is, it may be
     * left out. Bad input (400), like a duty that does not exist.
     */
    private static void checkMeasureNamed(Evaluated before, NewEvent e) {
        if (e.type() != EventType.MEASURE_REALISED) {
            return;
        }
        List<Integer> open = new ArrayList<>();
        int number = 0;
        for (ScheduledObligation o : before.obligations()) {
            if (o.code().equals(MEASURE_CODE)) {
                number++;
                if (o.metOn() == null) {
                    open.add(number);
                }
            }
        }
        if (open.isEmpty()) {
            throw InvalidInputException.of("measure", nl.klachtenregie.shared.Text.of("case.measure.noneOpen"));
        }
        if (e.measure() == null && open.size() > 1) {
            throw InvalidInputException.of("measure", nl.klachtenregie.shared.Text.of("case.measure.which",
                    open.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))));
        }
        if (e.measure() != null && !open.contains(e.measure())) {
            throw InvalidInputException.of("measure", nl.klachtenregie.shared.Text.of("case.measure.notOpen",
                    String.valueOf(e.measure()), open.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
    }

    /** The duty each measure of a decision becomes, for every regulation (Wkkgz art. 17 lid 1). */
    static final String MEASURE_CODE = "REALISE_MEASURE";

    /**
     * The measures the decisions on the timeline promised, numbered in recording order, each a duty due on its own date
     * and met by the first MEASURE_REALISED naming it (or, without a number, the first still open).
     */
    private static void measureDuties(List<NewEvent> events, List<ScheduledObligation> result) {
        List<LocalDate> metOn = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        List<LocalDate> promisedOn = new ArrayList<>();
        for (NewEvent e : events) {
            if (e.type() == EventType.DECIDED) {
                for (Measure m : e.measureList()) {
                    measures.add(m);
                    promisedOn.add(e.on());
                    metOn.add(null);
                }
            }
        }
        if (measures.isEmpty()) {
            return;
        }
        for (NewEvent e : events) {
            if (e.type() != EventType.MEASURE_REALISED) {
                continue;
            }
            int index = e.measure() != null ? e.measure() - 1 : metOn.indexOf(null);
            if (index >= 0 && index < metOn.size() && metOn.get(index) == null) {
                metOn.set(index, e.on());
            }
        }
        // A person may set the measures aside, with a reason (DUTY_SET_ASIDE naming REALISE_MEASURE): every measure
        // still open that day, as for any other duty; nothing lapses silently.
        List<String> setAsideFor = new ArrayList<>(java.util.Collections.nCopies(measures.size(), (String) null));
        for (NewEvent e : events) {
            if (e.type() == EventType.DUTY_SET_ASIDE && e.codes().contains(MEASURE_CODE)) {
                for (int i = 0; i < measures.size(); i++) {
                    if (metOn.get(i) == null && !e.on().isBefore(promisedOn.get(i))) {
                        metOn.set(i, e.on());
                        setAsideFor.set(i, e.reason() == null ? "" : e.reason());
                    }
                }
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            String words = m.description() == null ? "" : m.description().length() <= 120 ? m.description()
                    : m.description().substring(0, 117) + "...";
            String explanation = "maatregel " + (i + 1) + (words.isEmpty() ? "" : " ('" + words
                    + "')") + ", toegezegd in de beslissing van "
                    + promisedOn.get(i).format(DMY) + (m.dueOn() == null ? ", zonder datum"
                    : ", te realiseren uiterlijk " + m.dueOn().format(DMY)) + " (Wkkgz art. 17 lid 1)";
            result.add(new ScheduledObligation(MEASURE_CODE, promisedOn.get(i), m.dueOn(), metOn.get(i), false,
                    "Wkkgz art. 17 lid 1: de beslissing vermeldt welke maatregelen worden genomen en binnen welke "
                            + "termijn zij zijn gerealiseerd", explanation, m.dueOn(), setAsideFor.get(i) != null,
                    setAsideFor.get(i), "", m.description(), null));
        }
    }

    /** The day an event meets a duty: a decision on the day it reached the complainant (Wkkgz art. 17 lid 1). */
    private static LocalDate metDate(NewEvent e) {
        return e.type() == EventType.DECIDED ? e.deliveredOn() : e.on();
    }

    // --- applying the outcome -------------------------------------------------------------------------------

    private static List<ScheduledObligation> schedule(RegulationOutcome outcome, List<NewEvent> events,
                                                      HolidayCalendar calendar) {
        String extendedCode = outcome.extensionPolicies().isEmpty() ? null
                : outcome.extensionPolicies().get(0).code();
        // Events in date order (recording order breaks ties), so a back-filled event fulfils the duty it belongs to.
        List<NewEvent> byDate = events.stream().sorted(Comparator.comparing(NewEvent::on)).toList();
        List<Deadlines.Extension> extensions = new ArrayList<>();
        LocalDate concludedOn = null;
        LocalDate endedOn = null;
        String endedBody = null;
        boolean anySuspension = false;
        boolean anySetAside = false;
        for (NewEvent e : byDate) {
            switch (e.type()) {
                case EXTENSION_ANNOUNCED -> extensions.add(new Deadlines.Extension(e.weeks() == null ? 0 : e.weeks(),
                        e.on().format(DMY)));
                case REFERRED_EXTERNAL -> {
                    if (endedOn == null && e.body() != null && outcome.referralEndsOwnDuty(e.body())) {
                        endedOn = e.on();
                        endedBody = e.body();
                    }
                }
                case TERM_SUSPENDED -> anySuspension = true;
                case DUTY_SET_ASIDE -> anySetAside = true;
                default -> {
                    // no schedule-wide fact
                }
            }
            if (e.type().isConclusion() && concludedOn == null) {
                concludedOn = e.on();
            }
        }
        boolean rollOver = outcome.rollOverOwnTerms();
        // Two rules stating the same duty are one duty, not two that one event can only half fulfil.
        Map<List<Object>, Obligation> distinct = new LinkedHashMap<>();
        outcome.obligations().stream()
                .sorted(Comparator.comparing(Obligation::from).thenComparing(Obligation::code))
                .forEach(o -> distinct.putIfAbsent(List.of(o.code(), o.from(), o.amount(), o.unit(), o.satisfiedBy()),
                        o));
        List<ScheduledObligation> result = new ArrayList<>(distinct.size());
        // One event meets one duty of each code: a call can be late for the first contact and on time for the contact
        // that an escalation started, but two reports of the same kind need two events.
        Map<String, Set<Integer>> usedByCode = new LinkedHashMap<>();
        for (Obligation o : distinct.values()) {
            Set<Integer> used = usedByCode.computeIfAbsent(o.code(), k -> new HashSet<>());
            LocalDate metOn = null;
            for (int i = 0; i < byDate.size(); i++) {
                NewEvent e = byDate.get(i);
                if (e.type().name().equals(o.satisfiedBy()) && !e.on().isBefore(o.from()) && !used.contains(i)
                        && (!e.type().namesDuties() || e.codes().contains(o.code()))) {
                    used.add(i);
                    metOn = metDate(e);
                    break;
                }
            }
            boolean setAside = false;
            String note = null;
            if (anySetAside) {
                for (NewEvent e : byDate) {
                    if (e.type() == EventType.DUTY_SET_ASIDE && e.codes().contains(o.code())
                            && !e.on().isBefore(o.from()) && (metOn == null || e.on().isBefore(metOn))) {
                        metOn = e.on();
                        setAside = true;
                        note = e.reason();
                        break;
                    }
                }
            }
            TermUnit unit = o.termUnit();
            Deadlines.Counting counting = o.statutory() ? Deadlines.Counting.statutory(o.statute())
                    : Deadlines.Counting.own(rollOver);
            List<Deadlines.Suspension> suspensions = anySuspension && unit != TermUnit.NONE
                    ? suspensions(o, byDate, metOn) : List.of();
            int cap = suspensions.isEmpty() ? 0 : outcome.suspensionPolicy(o.code()).map(SuspensionPolicy::maxDays)
                    .orElse(0);
            boolean extended = unit != TermUnit.NONE && o.code().equals(extendedCode) && !extensions.isEmpty();
            DueDate due = Deadlines.due(o.from(), o.amount(), unit, calendar, counting,
                    extended ? extensions : List.of(), suspensions, cap);
            LocalDate baseDue = !extended ? due.date()
                    : Deadlines.due(o.from(), o.amount(), unit, calendar, counting, List.of(), suspensions, cap).date();
            LocalDate suspendedSince = !suspensions.isEmpty() && suspensions.get(suspensions.size() - 1).resumedOn()
                    == null ? suspensions.get(suspensions.size() - 1).from() : null;
            // A waiver ends what was still open when the case was concluded; a referral to a body that takes the
            // complaint over ends what was running then. A duty whose term had already run out stays on record as
            // missed, and one that starts later (e.g. to follow the external body) is not touched.
            boolean ruleWaived = outcome.isWaived(o.code())
                    && (concludedOn == null || due.date() == null || !due.date().isBefore(concludedOn));
            boolean referralWaived = endedOn != null && !o.from().isAfter(endedOn)
                    && (due.date() == null || !due.date().isBefore(endedOn));
            boolean waived = metOn == null && (ruleWaived || referralWaived);
            String explanation = due.explanation();
            if (waived && !ruleWaived) {
                explanation += "; vervallen: op " + endedOn.format(DMY) + " doorverwezen naar " + endedBody
                        + ", die de klacht overneemt";
            }
            result.add(new ScheduledObligation(o.code(), o.from(), due.date(), metOn, waived, o.basis(), explanation,
                    baseDue, setAside, note, o.statute(), o.label(), suspendedSince));
        }
        measureDuties(events, result);
        return result;
    }

    /**
     * The suspensions of this duty's term: each TERM_SUSPENDED naming it from the day its term runs (and before it was
     * met), until the first TERM_RESUMED after it that names it or names nothing.
     */
    private static List<Deadlines.Suspension> suspensions(Obligation o, List<NewEvent> byDate, LocalDate metOn) {
        List<Deadlines.Suspension> result = new ArrayList<>();
        for (int i = 0; i < byDate.size(); i++) {
            NewEvent s = byDate.get(i);
            if (s.type() != EventType.TERM_SUSPENDED || !s.codes().contains(o.code()) || s.on().isBefore(o.from())
                    || (metOn != null && !s.on().isBefore(metOn))) {
                continue;
            }
            if (!result.isEmpty() && (result.get(result.size() - 1).resumedOn() == null
                    || s.on().isBefore(result.get(result.size() - 1).resumedOn()))) {
                continue;   // already suspended then: one suspension at a time
            }
            LocalDate resumed = null;
            for (int j = i + 1; j < byDate.size(); j++) {
                NewEvent r = byDate.get(j);
                if (r.type() == EventType.TERM_RESUMED && (r.codes().isEmpty() || r.codes().contains(o.code()))) {
                    resumed = r.on();
                    break;
                }
            }
            result.add(new Deadlines.Suspension(s.on(), resumed));
        }
        return result;
    }

    private static List<EventType> nextActions(CaseStatus status, List<NewEvent> events, RegulationOutcome outcome,
                                               List<ScheduledObligation> obligations) {
        boolean measureOpen = obligations.stream()
                .anyMatch(o -> o.code().equals(MEASURE_CODE) && o.metOn() == null);
        if (status == CaseStatus.CLOSED) {
            return measureOpen ? List.of(EventType.MEASURE_REALISED) : List.of();
        }
        Set<EventType> actions = EnumSet.allOf(EventType.class);
        if (!measureOpen) {
            actions.remove(EventType.MEASURE_REALISED);
        }
        if (status.isConcluded()) {
            actions.removeIf(EventType::isConclusion);
            actions.remove(EventType.EXTENSION_ANNOUNCED);
        } else if (status != CaseStatus.REFERRED_EXTERNAL) {
            actions.remove(EventType.CLOSED);
        }
        if (events.stream().anyMatch(e -> e.type() == EventType.ACKNOWLEDGED)) {
            actions.remove(EventType.ACKNOWLEDGED);
        }
        // One pass over the rules' duties: which codes are met by informing management, and which by a check.
        Set<String> informCodes = new HashSet<>();
        Set<String> checkCodes = new HashSet<>();
        for (Obligation r : outcome.obligations()) {
            if (r.satisfiedBy().equals(EventType.MANAGEMENT_INFORMED.name())) {
                informCodes.add(r.code());
            } else if (r.satisfiedBy().equals(EventType.CHECK_CONFIRMED.name())) {
                checkCodes.add(r.code());
            }
        }
        boolean informDutyOpen = false;
        boolean anyOpen = false;
        boolean checkOpen = false;
        boolean suspendable = false;
        boolean suspended = false;
        for (ScheduledObligation o : obligations) {
            boolean open = o.metOn() == null && !o.waived();
            anyOpen |= open;
            informDutyOpen |= open && informCodes.contains(o.code());
            checkOpen |= open && checkCodes.contains(o.code());
            suspended |= o.suspendedSince() != null;
            suspendable |= open && o.suspendedSince() == null && o.dueOn() != null
                    && !outcome.suspensionPolicies().isEmpty() && outcome.suspensionPolicy(o.code()).isPresent();
        }
        // Management is informed once; offered again only while a duty to inform is still open.
        boolean informed = false;
        boolean referred = false;
        boolean outcomeIn = false;
        long extensions = 0;
        for (NewEvent e : events) {
            switch (e.type()) {
                case MANAGEMENT_INFORMED -> informed = true;
                case REFERRED_EXTERNAL -> referred = true;
                case EXTERNAL_OUTCOME_RECEIVED -> outcomeIn = true;
                case EXTENSION_ANNOUNCED -> extensions++;
                default -> {
                    // nothing to count
                }
            }
        }
        if (informed && !informDutyOpen) {
            actions.remove(EventType.MANAGEMENT_INFORMED);
        }
        if (outcome.extensionPolicies().isEmpty() || (extensions >= outcome.extensionPolicies().get(0).maxCount()
                && !outcome.extensionPolicies().get(0).beyondWithConsent())) {
            actions.remove(EventType.EXTENSION_ANNOUNCED);
        }
        if (outcome.escalationOptions().isEmpty()) {
            actions.remove(EventType.ESCALATED);
        }
        if (outcome.externalBodies().isEmpty()) {
            actions.remove(EventType.REFERRED_EXTERNAL);
        }
        if (!referred || status == CaseStatus.REFERRED_EXTERNAL && outcomeIn) {
            actions.remove(EventType.EXTERNAL_OUTCOME_RECEIVED);
        }
        if (!anyOpen) {
            actions.remove(EventType.DUTY_SET_ASIDE);
        }
        if (!checkOpen) {
            actions.remove(EventType.CHECK_CONFIRMED);
        }
        if (!suspendable) {
            actions.remove(EventType.TERM_SUSPENDED);
        }
        if (!suspended) {
            actions.remove(EventType.TERM_RESUMED);
        }
        return List.copyOf(actions);
    }

    // --- facts ----------------------------------------------------------------------------------------------

    /**
     * The case's status from its timeline. A referral makes it "referred" unless the body only supports the
     * complainant ({@code continuing}: the organisation's handling goes on); the external body's outcome makes a case
     * in progress "referred", ready to be closed.
     */
    static CaseStatus status(List<NewEvent> events, Set<String> continuing) {
        CaseStatus status = CaseStatus.RECEIVED;
        for (NewEvent e : events) {
            boolean settled = status.isConcluded() || status == CaseStatus.REFERRED_EXTERNAL;
            status = switch (e.type()) {
                case CLOSED -> CaseStatus.CLOSED;
                case DECIDED -> CaseStatus.DECIDED;
                case DECLARED_NOT_ADMISSIBLE -> CaseStatus.NOT_ADMISSIBLE;
                case RESOLVED_INFORMALLY -> CaseStatus.RESOLVED_INFORMALLY;
                case REFERRED_EXTERNAL -> e.body() != null && continuing.contains(e.body())
                        ? (settled ? status : CaseStatus.IN_PROGRESS) : CaseStatus.REFERRED_EXTERNAL;
                case EXTERNAL_OUTCOME_RECEIVED -> settled ? status : CaseStatus.REFERRED_EXTERNAL;
                // Escalating a concluded complaint reopens it at the higher level.
                case ESCALATED -> CaseStatus.IN_PROGRESS;
                default -> settled ? status : CaseStatus.IN_PROGRESS;
            };
            if (status == CaseStatus.CLOSED) {
                break;
            }
        }
        return status;
    }

    static String escalationLevel(TenantProfile profile, NewComplaint intake, List<NewEvent> events) {
        String level = intake.escalationLevel() != null ? intake.escalationLevel() : profile.lowestLevel();
        for (NewEvent e : events) {
            if (e.type() == EventType.ESCALATED && e.level() != null) {
                level = e.level();
            }
        }
        return level;
    }

    private static ComplaintFacts complaintFacts(TenantProfile profile, String reference, NewComplaint c,
                                                 CaseStatus status, String level, boolean creating) {
        Complainant who = c.complainant();
        return new ComplaintFacts(reference == null ? "" : reference, c.kind().name(), c.channel().name(),
                c.receivedOn(), c.incidentOn(), who.role().name(), who.name() != null, who.address() != null,
                who.phone() != null, who.email() != null, c.summary(), c.category(), c.serviceLine(),
                c.concernsEmployee(), c.unwantedBehaviour(), c.confidential(), status.name(), level,
                profile.levelAbove(level), creating,
                c.escalationLevel() != null ? c.escalationLevel() : profile.lowestLevel());
    }

    /** For the rules: the date every measure has (the latest), null when one has none. */
    private static LocalDate measuresDueOn(NewEvent e) {
        LocalDate latest = null;
        for (Measure m : e.measureList()) {
            if (m.dueOn() == null) {
                return null;
            }
            latest = latest == null || m.dueOn().isAfter(latest) ? m.dueOn() : latest;
        }
        return latest;
    }

    private static EventFacts eventFacts(int sequence, NewEvent e, boolean proposed) {
        return new EventFacts(sequence, e.type().name(), e.on(), proposed, e.weeks() == null ? 0 : e.weeks(),
                e.level(), e.body(), e.judgement() == null ? null : e.judgement().name(), !e.measureList().isEmpty(),
                measuresDueOn(e), e.motivation() != null, Boolean.TRUE.equals(e.signedByComplainant()),
                e.satisfaction() == null ? 0 : e.satisfaction(), e.codes(), e.consentDocumented(), e.lodgedOn());
    }
}
