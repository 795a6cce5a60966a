package nl.klachtenregie.complaint;

import nl.klachtenregie.shared.Text;

import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.regulation.SuspensionPolicy;

/**
 * Opschorting: a term is suspended only where the regulation allows it (a statutory term only when it says so too),
 * only while it runs (begun, not yet run out, not met or waived), and one suspension at a time. The reasons follow
 * the named terms one by one.
 */
final class SuspensionAsTheRegulationAllowsPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        CaseEngine.Evaluated before = step.before();
        NewEvent e = step.event();
        List<Text> reasons = new ArrayList<>();
        for (String code : e.codes()) {
            List<ScheduledObligation> terms = before.obligations().stream().filter(o -> o.code().equals(code))
                    .toList();
            String name = step.dutyName(code);
            SuspensionPolicy policy = before.outcome().suspensionPolicy(code).orElse(null);
            if (policy == null) {
                reasons.add(Text.of("policy.suspend.notAllowed", name));
                continue;
            }
            ScheduledObligation open = terms.stream().filter(o -> o.dueOn() != null || o.suspendedSince() != null)
                    .filter(o -> o.openOn(e.on())).findFirst().orElse(null);
            if (open == null) {
                reasons.add(terms.stream().anyMatch(o -> o.dueOn() == null && o.suspendedSince() == null)
                        ? Text.of("policy.suspend.noTerm", name)
                        : Text.of("policy.suspend.alreadyDone", name, CasePolicy.day(e.on())));
                continue;
            }
            if (open.suspendedSince() != null) {
                reasons.add(Text.of("policy.suspend.alreadySuspended", name, CasePolicy.day(open.suspendedSince())));
            } else if (open.dueOn().isBefore(e.on())) {
                reasons.add(Text.of("policy.suspend.lapsed", name, CasePolicy.day(open.dueOn())));
            } else if (open.fromOn().isAfter(e.on())) {
                reasons.add(Text.of("policy.suspend.notStarted", name, CasePolicy.day(open.fromOn())));
            }
            if (!open.statute().isEmpty() && !policy.statutoryToo()) {
                reasons.add(Text.of("policy.suspend.statutory", name, open.statute()));
            }
        }
        return CasePolicy.refusedFor(reasons);
    }
}
