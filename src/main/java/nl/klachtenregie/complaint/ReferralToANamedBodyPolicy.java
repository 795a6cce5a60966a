package nl.klachtenregie.complaint;

import java.util.List;

/** Doorverwijzing: a complaint is referred only to an external body the regulation names. */
final class ReferralToANamedBodyPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        List<String> bodies = step.before().stored().externalBodies();
        String body = step.event().body();
        return bodies.contains(body) ? CasePolicy.allowed() : bodies.isEmpty()
                ? CasePolicy.refused("policy.referral.none", String.valueOf(body))
                : CasePolicy.refused("policy.referral.other", String.valueOf(body), String.join(", ", bodies));
    }
}
