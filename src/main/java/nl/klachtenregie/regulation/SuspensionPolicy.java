package nl.klachtenregie.regulation;

/**
 * Opschorting toegestaan: the handler may suspend the term of {@code code} ("*" for every term) while waiting for the
 * complainant or a third party. The case engine enforces it: the term stands still from the day it is suspended
 * until it is resumed, at most {@code maxDays} calendar days in all (0: no maximum), and a statutory term only when
 * {@code statutoryToo} is set. Without a policy, suspending is refused.
 */
public record SuspensionPolicy(String code, int maxDays, boolean statutoryToo, String basis) implements Emission {
    public static final String ALL = "*";
    public static final int MAX_DAYS = 366;

    public SuspensionPolicy {
        Emission.requireText(code, "code");
        if (maxDays < 0 || maxDays > MAX_DAYS) {
            throw new IllegalArgumentException("De opschorting is hoogstens " + MAX_DAYS + " dagen (0: geen maximum); "
                    + maxDays + " kan niet");
        }
        basis = basis == null ? "" : basis;
    }

    public SuspensionPolicy(String code, int maxDays, boolean statutoryToo) {
        this(code, maxDays, statutoryToo, "");
    }

    public boolean covers(String obligationCode) {
        return ALL.equals(code) || code.equals(obligationCode);
    }

    @Override
    public SuspensionPolicy withBasis(String basis) {
        return new SuspensionPolicy(code, maxDays, statutoryToo, basis);
    }
}
