package nl.klachtenregie.complaint;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.Deadlines;
import nl.klachtenregie.regulation.DueDate;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.HolidayCalendar;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.regulation.TermUnit;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * The generic case engine: turns a case into facts, lets the tenant's rules speak, and applies what they said
 * (due dates, fulfilment, status, allowed actions). Everything regulation-specific comes from the rules; what
 * is here holds for every regulation (a closed case takes no more events, a term is computed the same way).
 */
@Singleton
class CaseEngine {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The result of evaluating one case. */
    record Evaluated(RegulationOutcome outcome, CaseStatus status, String escalationLevel,
                     List<ScheduledObligation> obligations, StoredOutcome stored) {
    }

    private final RegulationEngine engine;

    CaseEngine(RegulationEngine engine) {
        this.engine = engine;
    }

    Evaluated evaluate(Tenant tenant, RegulationVersion version, String reference, NewComplaint intake,
                       List<NewEvent> events, HistoryFacts history, boolean creating, boolean lastIsProposed) {
        TenantProfile profile = tenant.profile();
        CaseStatus status = status(events);
        String level = escalationLevel(profile, events);
        ComplaintFacts complaint = complaintFacts(profile, reference, intake, status, level, creating);
        List<EventFacts> eventFacts = IntStream.range(0, events.size())
                .mapToObj(i -> eventFacts(i + 1, events.get(i), lastIsProposed && i == events.size() - 1))
                .toList();
        TenantFacts tenantFacts = new TenantFacts(profile.slug(), version.version(), profile.levelCodes(),
                profile.externalBodyCodes());
        RegulationOutcome outcome = engine.evaluate(version.ruleSet(),
                new EvaluationFacts(tenantFacts, complaint, eventFacts, history));
        List<ScheduledObligation> obligations = schedule(outcome, events, calendar(profile));
        StoredOutcome stored = new StoredOutcome(
                outcome.registrations().stream().map(r -> r.reason()).distinct().toList(),
                outcome.inadmissibilities().stream().map(r -> r.reason()).distinct().toList(),
                nextActions(intake, status, events, outcome, obligations).stream().map(Enum::name).toList(),
                outcome.escalationOptions().stream().map(o -> o.level()).distinct().toList(),
                outcome.externalBodies().stream().map(b -> b.body()).distinct().toList(),
                outcome.advice().stream().map(a -> new CaseView.AdviceView(a.code(), a.text(), a.basis())).toList(),
                outcome.addressees().isEmpty() ? profile.complaintAddress() : outcome.addressees().get(0).text(),
                outcome.extensionPolicies().isEmpty() ? null : outcome.extensionPolicies().get(0).code());
        return new Evaluated(outcome, status, level, obligations, stored);
    }

    static HolidayCalendar calendar(TenantProfile profile) {
        Map<LocalDate, String> extra = new LinkedHashMap<>();
        profile.extraClosedDays().forEach((day, name) -> extra.put(LocalDate.parse(day), name));
        return HolidayCalendar.named(profile.holidayCalendar(), extra);
    }

    /**
     * Checks a proposed event against the case as it stands (lifecycle, escalation, extension) and then against
     * the rules with the event included.
     *
     * @return the evaluation with the event included
     * @throws RefusedException with every reason that applies
     */
    Evaluated checkEvent(Tenant tenant, RegulationVersion version, StoredComplaint stored, NewEvent proposed,
                         HistoryFacts history, LocalDate today) {
        Evaluated before = evaluate(tenant, version, stored.reference(), stored.intake(), stored.events(), history,
                false, false);
        if (before.status() == CaseStatus.CLOSED) {
            throw new RefusedException("Het dossier is gesloten; er kan niets meer aan worden toegevoegd.");
        }
        List<NewEvent> with = new ArrayList<>(stored.events());
        with.add(proposed);
        Evaluated after = evaluate(tenant, version, stored.reference(), stored.intake(), with, history, false, true);
        List<String> ruleReasons = after.outcome().refusalsOf(proposed.type().name()).stream()
                .map(Refusal::reason).distinct().toList();
        List<String> reasons = new ArrayList<>(lifecycleReasons(stored, before, proposed, version, ruleReasons,
                today));
        reasons.addAll(ruleReasons);
        if (!reasons.isEmpty()) {
            throw new RefusedException(reasons);
        }
        return after;
    }

    private List<String> lifecycleReasons(StoredComplaint stored, Evaluated before, NewEvent e,
                                          RegulationVersion version, List<String> ruleReasons, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        CaseStatus status = before.status();
        EventType type = e.type();
        if (type == EventType.ACKNOWLEDGED) {
            stored.events().stream().filter(x -> x.type() == EventType.ACKNOWLEDGED).findFirst()
                    .ifPresent(x -> reasons.add("De ontvangst is al bevestigd op " + x.on().format(DMY) + "."));
        }
        if (type.isConclusion() && status.isConcluded()) {
            reasons.add("De klacht is al afgerond (" + status + "); escaleer eerst als de klager het er niet mee "
                    + "eens is.");
        }
        if (type == EventType.CLOSED && !status.isConcluded() && status != CaseStatus.REFERRED_EXTERNAL) {
            reasons.add("Een dossier wordt pas gesloten na een beslissing, een informele oplossing, een "
                    + "niet-ontvankelijkverklaring of een doorverwijzing naar een externe instantie.");
        }
        if (type == EventType.ESCALATED) {
            List<String> options = before.stored().escalationOptions();
            if (!options.contains(e.level())) {
                reasons.add("Escaleren naar " + e.level() + " is nu niet mogelijk"
                        + (options.isEmpty() ? "." : "; wel naar: " + String.join(", ", options) + "."));
            }
        }
        if (type == EventType.REFERRED_EXTERNAL) {
            List<String> bodies = before.stored().externalBodies();
            if (!bodies.contains(e.body())) {
                reasons.add("Doorverwijzen naar " + e.body() + " is volgens het reglement niet mogelijk"
                        + (bodies.isEmpty() ? "." : "; wel naar: " + String.join(", ", bodies) + "."));
            }
        }
        if (type == EventType.EXTENSION_ANNOUNCED) {
            reasons.addAll(extensionReasons(stored, before, e, version, ruleReasons, today));
        }
        return reasons;
    }

    private List<String> extensionReasons(StoredComplaint stored, Evaluated before, NewEvent e,
                                          RegulationVersion version, List<String> ruleReasons, LocalDate today) {
        if (before.status().isConcluded()) {
            return List.of("Er valt niets meer te verlengen: de klacht is al afgerond.");
        }
        List<ExtensionPolicy> policies = before.outcome().extensionPolicies();
        if (policies.isEmpty()) {
            // A rule that says so in the regulation's own words speaks instead of this generic reason.
            return !ruleReasons.isEmpty() ? List.of() : List.of("Het klachtenreglement (versie " + version.version() + ") kent geen verlenging van de "
                    + "termijn.");
        }
        ExtensionPolicy policy = policies.get(0);
        List<String> reasons = new ArrayList<>();
        long earlier = stored.events().stream().filter(x -> x.type() == EventType.EXTENSION_ANNOUNCED).count();
        if (earlier >= policy.maxCount()) {
            reasons.add("De termijn is al " + (earlier == 1 ? "één keer" : earlier + " keer")
                    + " verlengd; het reglement staat " + (policy.maxCount() == 1 ? "maar één verlenging"
                    : "hoogstens " + policy.maxCount() + " verlengingen") + " toe.");
        }
        int amountInPolicyUnit = inUnit(e.weeks(), TermUnit.parse(policy.unit()));
        if (amountInPolicyUnit > policy.maxAmount()) {
            reasons.add("Een verlenging mag hoogstens " + policy.maxAmount() + " "
                    + TermUnit.parse(policy.unit()).dutch() + " zijn; gevraagd: " + e.weeks() + " weken.");
        }
        if (policy.announceBeforeDue()) {
            before.obligations().stream().filter(o -> o.code().equals(policy.code()) && o.dueOn() != null)
                    .findFirst().ifPresent(o -> {
                        if (e.on().isAfter(o.dueOn())) {
                            reasons.add("Een verlenging moet worden aangekondigd voordat de termijn verloopt ("
                                    + o.dueOn().format(DMY) + "); " + e.on().format(DMY) + " is te laat.");
                        } else if (today.isAfter(o.dueOn())) {
                            // Recording it now with an earlier date would move a term that has already run out.
                            reasons.add("De termijn is op " + o.dueOn().format(DMY) + " verstreken; een verlenging "
                                    + "kan niet meer worden vastgelegd, ook niet met een eerdere datum.");
                        }
                    });
        }
        return reasons;
    }

    private static int inUnit(int weeks, TermUnit unit) {
        return switch (unit) {
            case WEEKS -> weeks;
            case DAYS -> weeks * 7;
            case WORKING_DAYS -> weeks * 5;
            case NONE -> 0;
        };
    }

    // --- applying the outcome -------------------------------------------------------------------------------

    private static List<ScheduledObligation> schedule(RegulationOutcome outcome, List<NewEvent> events,
                                                      HolidayCalendar calendar) {
        List<NewEvent> extensions = events.stream().filter(e -> e.type() == EventType.EXTENSION_ANNOUNCED).toList();
        String extendedCode = outcome.extensionPolicies().isEmpty() ? null
                : outcome.extensionPolicies().get(0).code();
        LocalDate closedOn = events.stream().filter(e -> e.type() == EventType.CLOSED).map(NewEvent::on)
                .findFirst().orElse(null);
        LocalDate concludedOn = events.stream().filter(e -> e.type().isConclusion()).map(NewEvent::on)
                .min(Comparator.naturalOrder()).orElse(null);
        // Events in date order (recording order breaks ties), so a back-filled event fulfils the duty it belongs to.
        List<NewEvent> byDate = events.stream().sorted(Comparator.comparing(NewEvent::on)).toList();
        // Two rules stating the same duty are one duty, not two that one event can only half fulfil.
        Map<List<Object>, Obligation> distinct = new LinkedHashMap<>();
        outcome.obligations().stream()
                .sorted(Comparator.comparing(Obligation::from).thenComparing(Obligation::code))
                .forEach(o -> distinct.putIfAbsent(List.of(o.code(), o.from(), o.amount(), o.unit(), o.satisfiedBy()), o));
        List<ScheduledObligation> result = new ArrayList<>();
        Map<String, Set<Integer>> usedEvents = new LinkedHashMap<>();
        for (Obligation o : distinct.values()) {
            DueDate due = dueDate(o, extendedCode, extensions, calendar);
            LocalDate baseDue = o.termUnit() == TermUnit.NONE ? null
                    : Deadlines.due(o.from(), o.amount(), o.termUnit(), calendar).date();
            Set<Integer> used = usedEvents.computeIfAbsent(o.satisfiedBy(), k -> new java.util.HashSet<>());
            LocalDate metOn = null;
            for (int i = 0; i < byDate.size(); i++) {
                NewEvent e = byDate.get(i);
                if (e.type().name().equals(o.satisfiedBy()) && !e.on().isBefore(o.from()) && !used.contains(i)) {
                    used.add(i);
                    metOn = e.on();
                    break;
                }
            }
            // A waiver, or closing the case, ends what was still open and not yet late; a duty whose term had
            // already run out when the case was concluded (or closed) stays on record as missed.
            boolean ruleWaived = outcome.isWaived(o.code())
                    && (concludedOn == null || due.date() == null || !due.date().isBefore(concludedOn));
            boolean closedWaived = closedOn != null && (due.date() == null || !due.date().isBefore(closedOn));
            boolean waived = metOn == null && (ruleWaived || closedWaived);
            result.add(new ScheduledObligation(o.code(), o.from(), due.date(), metOn, waived, o.basis(),
                    due.explanation(), baseDue));
        }
        return result;
    }

    private static DueDate dueDate(Obligation o, String extendedCode, List<NewEvent> extensions,
                                   HolidayCalendar calendar) {
        TermUnit unit = o.termUnit();
        if (unit == TermUnit.NONE || !o.code().equals(extendedCode) || extensions.isEmpty()) {
            return Deadlines.due(o.from(), o.amount(), unit, calendar);
        }
        int weeks = extensions.stream().mapToInt(e -> e.weeks() == null ? 0 : e.weeks()).sum();
        String announced = extensions.stream().map(e -> e.on().format(DMY)).reduce((a, b) -> a + ", " + b).orElse("");
        DueDate due;
        if (unit == TermUnit.WEEKS) {
            due = Deadlines.due(o.from(), o.amount() + weeks, unit, calendar);
            return new DueDate(due.date(), o.amount() + " weken + " + weeks + " weken verlenging (aangekondigd "
                    + announced + "); " + due.explanation());
        }
        DueDate base = Deadlines.due(o.from(), o.amount(), unit, calendar);
        due = Deadlines.due(base.date(), weeks, TermUnit.WEEKS, calendar);
        return new DueDate(due.date(), base.explanation() + "; + " + weeks + " weken verlenging (aangekondigd "
                + announced + "): " + due.explanation());
    }

    private static List<EventType> nextActions(NewComplaint intake, CaseStatus status, List<NewEvent> events,
                                               RegulationOutcome outcome, List<ScheduledObligation> obligations) {
        if (status == CaseStatus.CLOSED) {
            return List.of();
        }
        Set<EventType> actions = EnumSet.allOf(EventType.class);
        if (status.isConcluded()) {
            actions.removeIf(EventType::isConclusion);
            actions.remove(EventType.EXTENSION_ANNOUNCED);
        } else if (status != CaseStatus.REFERRED_EXTERNAL) {
            actions.remove(EventType.CLOSED);
        }
        if (events.stream().anyMatch(e -> e.type() == EventType.ACKNOWLEDGED)) {
            actions.remove(EventType.ACKNOWLEDGED);
        }
        // Management is informed once; offered again only while a duty to inform is still open.
        boolean informDutyOpen = obligations.stream().anyMatch(o -> o.metOn() == null && !o.waived()
                && outcome.obligations().stream().anyMatch(r -> r.code().equals(o.code())
                && r.satisfiedBy().equals(EventType.MANAGEMENT_INFORMED.name())));
        if (events.stream().anyMatch(e -> e.type() == EventType.MANAGEMENT_INFORMED) && !informDutyOpen) {
            actions.remove(EventType.MANAGEMENT_INFORMED);
        }
        if (outcome.extensionPolicies().isEmpty() || events.stream()
                .filter(e -> e.type() == EventType.EXTENSION_ANNOUNCED).count()
                >= outcome.extensionPolicies().get(0).maxCount()) {
            actions.remove(EventType.EXTENSION_ANNOUNCED);
        }
        if (outcome.escalationOptions().isEmpty()) {
            actions.remove(EventType.ESCALATED);
        }
        if (outcome.externalBodies().isEmpty()) {
            actions.remove(EventType.REFERRED_EXTERNAL);
        }
        return List.copyOf(actions);
    }

    // --- facts ----------------------------------------------------------------------------------------------

    static CaseStatus status(List<NewEvent> events) {
        CaseStatus status = CaseStatus.RECEIVED;
        for (NewEvent e : events) {
            status = switch (e.type()) {
                case CLOSED -> CaseStatus.CLOSED;
                case DECIDED -> CaseStatus.DECIDED;
                case DECLARED_NOT_ADMISSIBLE -> CaseStatus.NOT_ADMISSIBLE;
                case RESOLVED_INFORMALLY -> CaseStatus.RESOLVED_INFORMALLY;
                case REFERRED_EXTERNAL -> CaseStatus.REFERRED_EXTERNAL;
                // Escalating a concluded complaint reopens it at the higher level.
                case ESCALATED -> CaseStatus.IN_PROGRESS;
                default -> status.isConcluded() || status == CaseStatus.REFERRED_EXTERNAL ? status
                        : CaseStatus.IN_PROGRESS;
            };
            if (status == CaseStatus.CLOSED) {
                break;
            }
        }
        return status;
    }

    static String escalationLevel(TenantProfile profile, List<NewEvent> events) {
        String level = profile.lowestLevel();
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
                profile.levelAbove(level), creating);
    }

    private static EventFacts eventFacts(int sequence, NewEvent e, boolean proposed) {
        return new EventFacts(sequence, e.type().name(), e.on(), proposed, e.weeks() == null ? 0 : e.weeks(),
                e.level(), e.body(), e.judgement() == null ? null : e.judgement().name(), e.measures() != null,
                e.measuresDueOn(), e.motivation() != null, Boolean.TRUE.equals(e.signedByComplainant()),
                e.satisfaction() == null ? 0 : e.satisfaction());
    }
}
