package nl.klachtenregie.regulation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Uitkomst: all that a rule set emitted for one evaluation, each entry stamped with its rule, in a stable
 * order so that two evaluations of the same facts compare equal.
 */
public record RegulationOutcome(
        List<Obligation> obligations,
        List<Waiver> waivers,
        List<ExtensionPolicy> extensionPolicies,
        List<Registration> registrations,
        List<Inadmissible> inadmissibilities,
        List<Refusal> refusals,
        List<EscalationOption> escalationOptions,
        List<ExternalBodyReference> externalBodies,
        List<Advice> advice,
        List<Addressee> addressees,
        List<KpiTarget> kpiTargets,
        List<ReportDuty> reportDuties,
        List<SuspensionPolicy> suspensionPolicies,
        List<RollOverPolicy> rollOverPolicies,
        List<CountsAsFormal> countsAsFormal,
        List<LevelHolder> levelHolders,
        int rulesFired) {

    public RegulationOutcome {
        obligations = sorted(obligations, Comparator.comparing(Obligation::code).thenComparing(Obligation::from)
                .thenComparing(Obligation::basis));
        waivers = sorted(waivers, Comparator.comparing(Waiver::code).thenComparing(Waiver::basis));
        extensionPolicies = sorted(extensionPolicies, Comparator.comparing(ExtensionPolicy::code));
        registrations = sorted(registrations, Comparator.comparing(Registration::reason));
        inadmissibilities = sorted(inadmissibilities, Comparator.comparing(Inadmissible::reason));
        refusals = sorted(refusals, Comparator.comparing(Refusal::action).thenComparing(Refusal::reason));
        escalationOptions = sorted(escalationOptions, Comparator.comparing(EscalationOption::level));
        externalBodies = sorted(externalBodies, Comparator.comparing(ExternalBodyReference::body));
        advice = sorted(advice, Comparator.comparing(Advice::code).thenComparing(Advice::text));
        addressees = sorted(addressees, Comparator.comparing(Addressee::text));
        kpiTargets = sorted(kpiTargets, Comparator.comparing(KpiTarget::code));
        reportDuties = sorted(reportDuties, Comparator.comparing(ReportDuty::code));
        suspensionPolicies = sorted(suspensionPolicies, Comparator.comparing(SuspensionPolicy::code)
                .thenComparing(SuspensionPolicy::basis));
        rollOverPolicies = sorted(rollOverPolicies, Comparator.comparing(RollOverPolicy::basis));
        countsAsFormal = sorted(countsAsFormal, Comparator.comparing(CountsAsFormal::reason));
        levelHolders = sorted(levelHolders, Comparator.comparing(LevelHolder::level)
                .thenComparing(LevelHolder::holder));
    }

    /** The outcome of a rule set that uses none of the later outcome types. */
    public RegulationOutcome(List<Obligation> obligations, List<Waiver> waivers,
                             List<ExtensionPolicy> extensionPolicies, List<Registration> registrations,
                             List<Inadmissible> inadmissibilities, List<Refusal> refusals,
                             List<EscalationOption> escalationOptions, List<ExternalBodyReference> externalBodies,
                             List<Advice> advice, List<Addressee> addressees, List<KpiTarget> kpiTargets,
                             List<ReportDuty> reportDuties, int rulesFired) {
        this(obligations, waivers, extensionPolicies, registrations, inadmissibilities, refusals, escalationOptions,
                externalBodies, advice, addressees, kpiTargets, reportDuties, List.of(), List.of(), List.of(), List.of(),
                rulesFired);
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items == null ? List.of() : items.stream().sorted(order).toList();
    }

    public boolean registrationRequired() {
        return !registrations.isEmpty();
    }

    public boolean admissible() {
        return inadmissibilities.isEmpty();
    }

    public List<Refusal> refusalsOf(String action) {
        return refusals.stream().filter(r -> r.action().equals(action)).toList();
    }

    public Optional<ExtensionPolicy> extensionPolicy(String obligationCode) {
        return extensionPolicies.stream().filter(p -> p.code().equals(obligationCode)).findFirst();
    }

    public boolean isWaived(String obligationCode) {
        return waivers.stream().anyMatch(w -> w.code().equals(obligationCode));
    }

    /** The policy that lets the term of this code be suspended, if any (the first one that covers it). */
    public Optional<SuspensionPolicy> suspensionPolicy(String obligationCode) {
        return suspensionPolicies.stream().filter(p -> p.code().equals(obligationCode)).findFirst()
                .or(() -> suspensionPolicies.stream().filter(p -> p.covers(obligationCode)).findFirst());
    }

    /**
     * Whether own terms in days, weeks or months run on past a day off (Atw art. 1 applied to them): yes unless a rule
     * says no; when rules disagree, the term runs on (the complainant's side of the doubt).
     */
    public boolean rollOverOwnTerms() {
        return rollOverPolicies.isEmpty() || rollOverPolicies.stream().anyMatch(RollOverPolicy::ownTerms);
    }

    /** Whether a referral to this external body ends the organisation's own handling (yes unless a rule says no). */
    public boolean referralEndsOwnDuty(String body) {
        return externalBodies.stream().filter(b -> b.body().equals(body)).allMatch(ExternalBodyReference::endsOwnDuty);
    }
}
