package nl.klachtenregie.complaint;

/** Geen verlenging na afronding: once the complaint is concluded there is no term left to extend. */
final class NoExtensionAfterConclusionPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        return step.status().isConcluded()
                ? CasePolicy.refused("policy.extension.afterConclusion")
                : CasePolicy.allowed();
    }
}
