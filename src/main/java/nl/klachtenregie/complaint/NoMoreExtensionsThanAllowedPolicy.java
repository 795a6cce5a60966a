package nl.klachtenregie.complaint;

import nl.klachtenregie.regulation.ExtensionPolicy;

/**
 * Aantal verlengingen: a term is extended no more often than the regulation allows (often once), unless the
 * regulation allows more with the complainant's documented consent (Wkkgz art. 17 lid 2) and that consent is given.
 */
final class NoMoreExtensionsThanAllowedPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        return step.extensionTerms().map(terms -> {
            ExtensionPolicy policy = terms.policy();
            long earlier = step.earlier(EventType.EXTENSION_ANNOUNCED).size();
            if (earlier < policy.maxCount() || terms.consentGiven(step.event())) {
                return CasePolicy.allowed();
            }
            return CasePolicy.refused("policy.extension.tooMany",
                    earlier == 1 ? nl.klachtenregie.shared.Text.of("policy.extension.times.one")
                            : nl.klachtenregie.shared.Text.of("policy.extension.times.many", String.valueOf(earlier)),
                    policy.maxCount() == 1 ? nl.klachtenregie.shared.Text.of("policy.extension.allowed.one")
                            : nl.klachtenregie.shared.Text.of("policy.extension.allowed.many",
                            String.valueOf(policy.maxCount())),
                    terms.consentHint());
        }).orElseGet(CasePolicy::allowed);
    }
}
