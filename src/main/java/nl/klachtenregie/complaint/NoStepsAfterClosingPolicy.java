package nl.klachtenregie.complaint;

/**
 * Gesloten is gesloten: a closed case takes no more events. Asked before anything else, even before the rules see the
 * event, so a closed case is not evaluated any further.
 */
final class NoStepsAfterClosingPolicy {

    CasePolicy.Verdict check(CaseStatus before) {
        return before == CaseStatus.CLOSED
                ? CasePolicy.refused("policy.closed")
                : CasePolicy.allowed();
    }
}
