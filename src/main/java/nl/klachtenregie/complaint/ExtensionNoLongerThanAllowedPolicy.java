package nl.klachtenregie.complaint;

import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.TermUnit;

/**
 * Duur van de verlenging: an extension is no longer than the regulation allows, unless the regulation allows longer
 * with the complainant's documented consent (Wkkgz art. 17 lid 2) and that consent is given.
 */
final class ExtensionNoLongerThanAllowedPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        return step.extensionTerms().map(terms -> {
            ExtensionPolicy policy = terms.policy();
            NewEvent e = step.event();
            TermUnit unit = TermUnit.parse(policy.unit());
            if (inUnit(e.weeks(), unit) <= policy.maxAmount() || terms.consentGiven(e)) {
                return CasePolicy.allowed();
            }
            return CasePolicy.refused("policy.extension.tooLong", amount(unit, policy.maxAmount()),
                    amount(TermUnit.WEEKS, e.weeks()), terms.consentHint());
        }).orElseGet(CasePolicy::allowed);
    }

    /** "4 weken", "1 week": an amount in a unit, in the reader's language. */
    static nl.klachtenregie.shared.Text amount(TermUnit unit, int amount) {
        return nl.klachtenregie.shared.Text.of("policy.term." + unit.name() + (amount == 1 ? ".one" : ".many"),
                String.valueOf(amount));
    }

    /** The asked weeks in the regulation's unit, rounded up to whole months. */
    static int inUnit(int weeks, TermUnit unit) {
        return switch (unit) {
            case WEEKS -> weeks;
            case DAYS -> weeks * 7;
            case WORKING_DAYS -> weeks * 5;
            case MONTHS -> (weeks * 7 + 29) / 30;
            case NONE -> 0;
        };
    }
}
