package nl.klachtenregie.complaint;

import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.shared.Text;

/**
 * Niets verloopt stilzwijgend: a case is closed only when no duty is left that nobody met. Each duty is met, set aside
 * by a person with a reason, or already missed (a term that ran out stays on record as missed). Says nothing of a
 * case that cannot be closed yet at all ({@link ClosedOnlyAfterConclusionPolicy} says why). A measure the decision
 * promised does not hold the case open: it stays a duty after closing, until it is realised.
 */
final class NoDutyLapsesOnClosingPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        if (!ClosedOnlyAfterConclusionPolicy.closable(step.status())) {
            return CasePolicy.allowed();
        }
        NewEvent e = step.event();
        List<Text> open = new ArrayList<>();
        for (ScheduledObligation o : step.before().obligations()) {
            if (o.code().equals(CaseEngine.MEASURE_CODE)) {
                continue;   // a promised measure is followed up after closing (Wkkgz art. 17 lid 1)
            }
            boolean missed = Lateness.pastDue(o.dueOn(), e.on());
            if (o.openOn(e.on()) && !missed) {
                Text basis = o.basis().isEmpty() ? Text.plain("") : Text.of("policy.closing.open.basis", o.basis());
                open.add(o.dueOn() == null ? Text.of("policy.closing.open", DutyNames.of(o.code(), o.label()), basis)
                        : Text.of("policy.closing.open.due", DutyNames.of(o.code(), o.label()),
                        CasePolicy.day(o.dueOn()), basis));
            }
        }
        if (open.isEmpty()) {
            return CasePolicy.allowed();
        }
        List<Text> reasons = new ArrayList<>();
        reasons.add(open.size() == 1 ? Text.of("policy.closing.dutiesOpen.one")
                : Text.of("policy.closing.dutiesOpen.many", String.valueOf(open.size())));
        reasons.addAll(open);
        return CasePolicy.refusedFor(reasons);
    }
}
