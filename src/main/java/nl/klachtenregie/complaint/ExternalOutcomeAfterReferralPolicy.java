package nl.klachtenregie.complaint;

/** Uitkomst externe instantie: an external body's outcome is recorded only after a referral to one. */
final class ExternalOutcomeAfterReferralPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        return step.earlier(EventType.REFERRED_EXTERNAL).isEmpty()
                ? CasePolicy.refused("policy.external.noReferral")
                : CasePolicy.allowed();
    }
}
