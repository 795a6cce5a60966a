package nl.klachtenregie.complaint;

/** Ontvangstbevestiging: the receipt of a complaint is acknowledged once. */
final class AcknowledgedOncePolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        return step.earlier(EventType.ACKNOWLEDGED).stream().findFirst()
                .map(x -> CasePolicy.refused("policy.acknowledged.already", CasePolicy.day(x.on())))
                .orElseGet(CasePolicy::allowed);
    }
}
