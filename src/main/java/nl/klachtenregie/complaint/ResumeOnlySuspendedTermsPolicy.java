package nl.klachtenregie.complaint;

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
            return CasePolicy.refused(e.codes().isEmpty() ? "Er is geen opgeschorte termijn om te hervatten."
                    : "De termijn van " + String.join(", ", e.codes().stream().map(c -> "'" + step.dutyName(c) + "'")
                    .toList()) + " is niet opgeschort; er valt niets te hervatten.");
        }
        List<String> reasons = new ArrayList<>();
        for (ScheduledObligation o : suspended) {
            if (e.on().isBefore(o.suspendedSince())) {
                reasons.add("De hervatting (" + e.on().format(DMY) + ") ligt vóór de opschorting van '"
                        + DutyNames.of(o.code(), o.label()) + "' (" + o.suspendedSince().format(DMY) + ").");
            }
        }
        return CasePolicy.refusedFor(reasons);
    }
}
