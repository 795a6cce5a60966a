package nl.klachtenregie.regulation;

/**
 * Verlenging: how an obligation's term may be extended. The case engine enforces it: at most
 * {@code maxCount} extensions of at most {@code maxAmount} units, announced before the term expires when
 * {@code announceBeforeDue} is set. With {@code beyondWithConsent} a longer extension is possible when the
 * complainant's consent is documented (Wkkgz art. 17 lid 2: "langer ... slechts met instemming van de klager").
 */
public record ExtensionPolicy(String code, int maxCount, int maxAmount, String unit, boolean announceBeforeDue,
                              boolean beyondWithConsent, String basis) implements Emission {
    public ExtensionPolicy {
        Emission.requireText(code, "code");
        if (maxCount < 1 || maxAmount < 1) {
            throw new IllegalArgumentException("een verlenging moet minstens één keer en één eenheid toestaan");
        }
        TermUnit termUnit = TermUnit.parse(unit);
        if (termUnit == TermUnit.NONE) {
            throw new IllegalArgumentException("een verlenging heeft een eenheid nodig");
        }
        if (maxCount > 10 || maxAmount > termUnit.maxAmount()) {
            throw new IllegalArgumentException("een verlenging is hoogstens tien keer en tien jaar ("
                    + termUnit.amount(termUnit.maxAmount()) + "); " + maxCount + " keer " + termUnit.amount(maxAmount)
                    + " kan niet (" + code + ")");
        }
        basis = basis == null ? "" : basis;
    }

    public ExtensionPolicy(String code, int maxCount, int maxAmount, String unit, boolean announceBeforeDue) {
        this(code, maxCount, maxAmount, unit, announceBeforeDue, false, "");
    }

    public ExtensionPolicy(String code, int maxCount, int maxAmount, String unit, boolean announceBeforeDue,
                           boolean beyondWithConsent) {
        this(code, maxCount, maxAmount, unit, announceBeforeDue, beyondWithConsent, "");
    }

    public ExtensionPolicy(String code, int maxCount, int maxAmount, String unit, boolean announceBeforeDue,
                           String basis) {
        this(code, maxCount, maxAmount, unit, announceBeforeDue, false, basis);
    }

    @Override
    public ExtensionPolicy withBasis(String basis) {
        return new ExtensionPolicy(code, maxCount, maxAmount, unit, announceBeforeDue, beyondWithConsent, basis);
    }
}
