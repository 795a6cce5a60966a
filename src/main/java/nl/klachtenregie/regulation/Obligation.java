package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verplichting: something the organisation must do, by when, and which timeline event fulfils it.
 *
 * @param code e.g. ACKNOWLEDGE, CONTACT, DECIDE (tenants may add their own)
 * @param from the day the term starts (usually receipt)
 * @param amount the term's length in {@code unit}; ignored for {@code NONE}
 * @param unit WORKING_DAYS, DAYS, WEEKS, MONTHS or NONE (a duty without a term)
 * @param satisfiedBy the event type that fulfils it (e.g. ACKNOWLEDGED)
 * @param statute the law that sets the term ("Wkkgz art. 17 lid 1"), or "" for the regulation's own term: a
 *     statutory term always runs on past a day off (Atw art. 1) and is never lengthened by the tenant's own closing days
 * @param label what the complainant is promised, in plain Dutch to finish "Binnen 10 werkdagen ..." ("neemt de
 *     klachtenfunctionaris contact met u op"); "" when the duty is the organisation's own business or a standard one
 */
public record Obligation(String code, LocalDate from, int amount, String unit, String satisfiedBy, String basis,
                         String statute, String label) implements Emission {

    /** The widest code the store keeps (column obligation.code). */
    public static final int MAX_CODE = 64;
    public static final int MAX_LABEL = 200;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Obligation {
        Emission.requireText(code, "code");
        if (!CODE.matcher(code).matches() || code.length() > MAX_CODE) {
            throw new IllegalArgumentException("Ongeldige code van een verplichting '" + code
                    + "': hoofdletters, cijfers en _, hoogstens " + MAX_CODE + " tekens");
        }
        Objects.requireNonNull(from, "from");
        TermUnit termUnit = TermUnit.parse(unit);
        if (amount < 0) {
            throw new IllegalArgumentException("Een termijn kan niet negatief zijn: " + amount + " (" + code + ")");
        }
        if (amount > termUnit.maxAmount()) {
            throw new IllegalArgumentException("Een termijn is hoogstens tien jaar (" + termUnit.amount(
                    termUnit.maxAmount()) + "); " + termUnit.amount(amount) + " kan niet (" + code + ")");
        }
        if (from.getYear() < 1900 || from.getYear() > 2200) {
            throw new IllegalArgumentException("Een termijn van " + code + " begint op een onmogelijke dag: " + from);
        }
        Emission.requireText(satisfiedBy, "satisfiedBy");
        basis = basis == null ? "" : basis;
        statute = statute == null ? "" : statute.strip();
        label = label == null ? "" : label.strip();
        if (label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("De omschrijving voor de klager bij " + code + " is te lang (hoogstens "
                    + MAX_LABEL + " tekens)");
        }
    }

    /** An own term of the regulation, without a text for the complainant. */
    public Obligation(String code, LocalDate from, int amount, String unit, String satisfiedBy) {
        this(code, from, amount, unit, satisfiedBy, "", "", "");
    }

    public Obligation(String code, LocalDate from, int amount, String unit, String satisfiedBy, String basis) {
        this(code, from, amount, unit, satisfiedBy, basis, "", "");
    }

    /**
     * As rules write a statutory term or a promise in words: {@code new Obligation("DECIDE", $r, 6, "WEEKS",
     * "DECIDED", "Wkkgz art. 17 lid 1", "")}.
     */
    public Obligation(String code, LocalDate from, int amount, String unit, String satisfiedBy, String statute,
                      String label) {
        this(code, from, amount, unit, satisfiedBy, "", statute, label);
    }

    public TermUnit termUnit() {
        return TermUnit.parse(unit);
    }

    public boolean statutory() {
        return !statute.isEmpty();
    }

    @Override
    public Obligation withBasis(String basis) {
        return new Obligation(code, from, amount, unit, satisfiedBy, basis, statute, label);
    }
}
