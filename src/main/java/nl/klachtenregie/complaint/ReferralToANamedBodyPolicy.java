package nl.klachtenregie.complaint;

import java.util.List;

/** Doorverwijzing: a complaint is referred only to an external body the regulation names. */
final class ReferralToANamedBodyPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        List<String> bodies = step.before().stored().externalBodies();
        String body = step.event().body();
        return bodies.contains(body) ? CasePolicy.allowed() : CasePolicy.refused("Doorverwijzen naar " + body
                + " is volgens het reglement niet mogelijk"
                + (bodies.isEmpty() ? "." : "; wel naar: " + String.join(", ", bodies) + "."));
    }
}
