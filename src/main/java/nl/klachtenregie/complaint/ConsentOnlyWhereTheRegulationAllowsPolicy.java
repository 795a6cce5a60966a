package nl.klachtenregie.complaint;

/**
 * Instemming van de klager: consent to a longer extension counts only where the regulation allows it; where it does
 * not, recording consent does not make a longer extension possible.
 */
final class ConsentOnlyWhereTheRegulationAllowsPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        return step.extensionTerms()
                .filter(terms -> step.event().consentDocumented() && !terms.policy().beyondWithConsent())
                .map(terms -> CasePolicy.refused("policy.consent.notProvided"))
                .orElseGet(CasePolicy::allowed);
    }
}
