package nl.klachtenregie.complaint;

/**
 * Gesloten is gesloten: a closed case takes no more events. Asked before anything else, even before the rules see the
 * event, so a closed case is not evaluated any further. The one exception is a measure the decision promised being
 * realised: the complaint is settled, but the organisation still owes what it promised (Wkkgz art. 17 lid 1).
 */
final class NoStepsAfterClosingPolicy {

    CasePolicy.Verdict check(CaseStatus before) {
        return check(before, null);
    }

    CasePolicy.Verdict check(CaseStatus before, EventType proposed) {
        return before == CaseStatus.CLOSED && proposed != EventType.MEASURE_REALISED
                ? CasePolicy.refused("policy.closed")
                : CasePolicy.allowed();
    }
}
