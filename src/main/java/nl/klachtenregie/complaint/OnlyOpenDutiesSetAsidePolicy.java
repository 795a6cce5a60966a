package nl.klachtenregie.complaint;

import nl.klachtenregie.shared.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Plicht opzijzetten: only a duty still open on the day can be set aside; one met, waived or already set aside has
 * nothing left to set aside.
 */
final class OnlyOpenDutiesSetAsidePolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        NewEvent e = step.event();
        List<Text> reasons = new ArrayList<>();
        for (String code : e.codes()) {
            boolean open = step.before().obligations().stream()
                    .anyMatch(o -> o.code().equals(code) && o.openOn(e.on()));
            if (!open) {
                reasons.add(Text.of("policy.setAside.notOpen", step.dutyName(code), CasePolicy.day(e.on())));
            }
        }
        return CasePolicy.refusedFor(reasons);
    }
}
