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
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items.stream().sorted(order).toList();
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
}
