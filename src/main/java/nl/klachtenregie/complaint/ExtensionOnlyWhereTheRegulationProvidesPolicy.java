package nl.klachtenregie.complaint;

/**
 * Verlenging volgens het reglement: a term is extended only when the regulation provides for an extension. A rule
 * that refuses the extension in the regulation's own words speaks instead of this generic reason.
 */
final class ExtensionOnlyWhereTheRegulationProvidesPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        if (step.status().isConcluded() || !step.before().outcome().extensionPolicies().isEmpty()
                || !step.ruleReasons().isEmpty()) {
            return CasePolicy.allowed();
        }
        return CasePolicy.refused("policy.extension.notProvided", String.valueOf(step.regulationVersion()));
    }
}
