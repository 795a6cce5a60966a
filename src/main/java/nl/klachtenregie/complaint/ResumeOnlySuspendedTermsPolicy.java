package nl.klachtenregie.complaint;

import nl.klachtenregie.shared.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Hervatting: only a suspended term is resumed (the named ones, or every suspended term when none is named), and not
 * on a day before its suspension.
 */
final class ResumeOnlySuspendedTermsPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        NewEvent e = step.event();
        List<ScheduledObligation> suspended = step.before().obligations().stream().filter(o -> o.suspendedSince() != null
                && (e.codes().isEmpty() || e.codes().contains(o.code()))).toList();
        if (suspended.isEmpty()) {
            return CasePolicy.refused(e.codes().isEmpty() ? Text.of("policy.resume.nothingSuspended")
                    : Text.of("policy.resume.notSuspended", String.join(", ", e.codes().stream()
                    .map(c -> "'" + step.dutyName(c) + "'").toList())));
        }
        List<Text> reasons = new ArrayList<>();
        for (ScheduledObligation o : suspended) {
            if (e.on().isBefore(o.suspendedSince())) {
                reasons.add(Text.of("policy.resume.beforeSuspension", CasePolicy.day(e.on()),
                        DutyNames.of(o.code(), o.label()), CasePolicy.day(o.suspendedSince())));
            }
        }
        return CasePolicy.refusedFor(reasons);
    }
}
