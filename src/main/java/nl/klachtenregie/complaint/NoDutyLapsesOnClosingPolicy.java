package nl.klachtenregie.complaint;

import java.util.ArrayList;
import java.util.List;

/**
 * Niets verloopt stilzwijgend: a case is closed only when no duty is left that nobody met. Each duty is met, set aside
 * by a person with a reason, or already missed (a term that ran out stays on record as missed). Says nothing of a
 * case that cannot be closed yet at all ({@link ClosedOnlyAfterConclusionPolicy} says why).
 */
final class NoDutyLapsesOnClosingPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        if (!ClosedOnlyAfterConclusionPolicy.closable(step.status())) {
            return CasePolicy.allowed();
        }
        NewEvent e = step.event();
        List<String> open = new ArrayList<>();
        for (ScheduledObligation o : step.before().obligations()) {
            boolean missed = Lateness.pastDue(o.dueOn(), e.on());
            if (o.openOn(e.on()) && !missed) {
                open.add(DutyNames.of(o.code(), o.label()) + (o.dueOn() == null ? "" : " (uiterlijk "
                        + o.dueOn().format(DMY) + ")") + (o.basis().isEmpty() ? "" : ", grond: " + o.basis()));
            }
        }
        if (open.isEmpty()) {
            return CasePolicy.allowed();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("Het dossier kan nog niet worden gesloten: " + (open.size() == 1 ? "deze plicht is"
                : "deze " + open.size() + " plichten zijn") + " nog door niemand uitgevoerd. Voer "
                + (open.size() == 1 ? "haar" : "ze") + " uit, of zet " + (open.size() == 1 ? "haar" : "ze")
                + " met een reden opzij (Plicht opzijzetten).");
        open.forEach(o -> reasons.add("Open: " + o));
        return CasePolicy.refusedFor(reasons);
    }
}
