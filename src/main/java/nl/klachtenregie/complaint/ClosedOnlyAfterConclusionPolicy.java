package nl.klachtenregie.complaint;

/**
 * Sluiten na afronding: a case closes only after a decision, an informal resolution, a not-admissible declaration or
 * a referral that ends the organisation's handling (or the external body's outcome).
 */
final class ClosedOnlyAfterConclusionPolicy implements CasePolicy {

    /** Whether a case in this status has come to an end that allows it to be closed. */
    static boolean closable(CaseStatus status) {
        return status.isConcluded() || status == CaseStatus.REFERRED_EXTERNAL;
    }

    @Override
    public Verdict check(ProposedStep step) {
        return closable(step.status()) ? CasePolicy.allowed() : CasePolicy.refused(
                "policy.closing.notConcluded");
    }
}
