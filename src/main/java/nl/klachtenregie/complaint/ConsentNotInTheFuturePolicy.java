package nl.klachtenregie.complaint;

/** Datum van instemming: the complainant's consent to an extension was given, not yet to be given. */
final class ConsentNotInTheFuturePolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        NewEvent e = step.event();
        return step.extensionTerms()
                .filter(terms -> e.consentOn() != null && e.consentOn().isAfter(step.today()))
                .map(terms -> CasePolicy.refused("policy.consent.inFuture", CasePolicy.day(e.consentOn())))
                .orElseGet(CasePolicy::allowed);
    }
}
