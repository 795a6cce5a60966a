package nl.klachtenregie.complaint;

/**
 * Eén afronding: a concluded complaint is not concluded again; a complainant who disagrees escalates it first, which
 * reopens it at the higher level.
 */
final class ConcludedOncePolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        CaseStatus status = step.status();
        return step.type().isConclusion() && status.isConcluded()
                ? CasePolicy.refused("policy.concluded.already", String.valueOf(status))
                : CasePolicy.allowed();
    }
}
