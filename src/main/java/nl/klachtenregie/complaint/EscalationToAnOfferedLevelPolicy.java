package nl.klachtenregie.complaint;

import java.util.List;

/** Escalatie: a complaint is escalated only to a level the regulation offers it now. */
final class EscalationToAnOfferedLevelPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        List<String> options = step.before().stored().escalationOptions();
        String level = step.event().level();
        return options.contains(level) ? CasePolicy.allowed() : options.isEmpty()
                ? CasePolicy.refused("policy.escalation.none", String.valueOf(level))
                : CasePolicy.refused("policy.escalation.other", String.valueOf(level), String.join(", ", options));
    }
}
