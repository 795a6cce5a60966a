package nl.klachtenregie.complaint;

import nl.klachtenregie.shared.Text;

import java.util.ArrayList;
import java.util.List;

/** Controle bevestigen: the handler confirms only a duty the rules made a check (met by CHECK_CONFIRMED). */
final class OnlyChecksAreConfirmedPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        CaseEngine.Evaluated before = step.before();
        List<Text> reasons = new ArrayList<>();
        for (String code : step.event().codes()) {
            boolean check = before.obligations().stream().anyMatch(o -> o.code().equals(code)
                    && before.outcome().obligations().stream().anyMatch(r -> r.code().equals(code)
                    && r.satisfiedBy().equals(EventType.CHECK_CONFIRMED.name())));
            if (!check) {
                reasons.add(Text.of("policy.check.notACheck", step.dutyName(code)));
            }
        }
        return CasePolicy.refusedFor(reasons);
    }
}
