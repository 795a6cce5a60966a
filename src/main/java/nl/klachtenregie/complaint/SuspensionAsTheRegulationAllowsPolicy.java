package nl.klachtenregie.complaint;

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
        List<String> reasons = new ArrayList<>();
        for (String code : e.codes()) {
            List<ScheduledObligation> terms = before.obligations().stream().filter(o -> o.code().equals(code))
                    .toList();
            String name = step.dutyName(code);
            SuspensionPolicy policy = before.outcome().suspensionPolicy(code).orElse(null);
            if (policy == null) {
                reasons.add("Het klachtenreglement staat niet toe de termijn van '" + name + "' op te schorten.");
                continue;
            }
            ScheduledObligation open = terms.stream().filter(o -> o.dueOn() != null || o.suspendedSince() != null)
                    .filter(o -> o.openOn(e.on())).findFirst().orElse(null);
            if (open == null) {
                reasons.add(terms.stream().anyMatch(o -> o.dueOn() == null && o.suspendedSince() == null)
                        ? "'" + name + "' heeft geen termijn; er valt niets op te schorten."
                        : "'" + name + "' is op " + e.on().format(DMY) + " al uitgevoerd of vervallen.");
                continue;
            }
            if (open.suspendedSince() != null) {
                reasons.add("De termijn van '" + name + "' is al opgeschort sinds " + open.suspendedSince().format(DMY)
                        + "; hervat hem eerst.");
            } else if (open.dueOn().isBefore(e.on())) {
                reasons.add("De termijn van '" + name + "' is op " + open.dueOn().format(DMY) + " verstreken; een "
                        + "verstreken termijn kan niet meer worden opgeschort.");
            } else if (open.fromOn().isAfter(e.on())) {
                reasons.add("De termijn van '" + name + "' begint pas op " + open.fromOn().format(DMY) + ".");
            }
            if (!open.statute().isEmpty() && !policy.statutoryToo()) {
                reasons.add("De termijn van '" + name + "' is een wettelijke termijn (" + open.statute() + "); het "
                        + "klachtenreglement staat opschorting daarvan niet toe.");
            }
        }
        return CasePolicy.refusedFor(reasons);
    }
}
