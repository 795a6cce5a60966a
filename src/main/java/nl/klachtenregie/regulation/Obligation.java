package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Verplichting: something the organisation must do, by when, and which timeline event fulfils it.
 *
 * @param code e.g. ACKNOWLEDGE, CONTACT, DECIDE (tenants may add their own)
 * @param from the day the term starts (usually receipt)
 * @param amount the term's length in {@code unit}; ignored for {@code NONE}
 * @param unit WORKING_DAYS, DAYS, WEEKS or NONE (a duty without a term)
 * @param satisfiedBy the event type that fulfils it (e.g. ACKNOWLEDGED)
 */
public record Obligation(String code, LocalDate from, int amount, String unit, String satisfiedBy, String basis)
        implements Emission {
    public Obligation {
        Emission.requireText(code, "code");
        Objects.requireNonNull(from, "from");
        TermUnit.parse(unit);
        if (amount < 0) {
            throw new IllegalArgumentException("Een termijn kan niet negatief zijn: " + amount + " (" + code + ")");
        }
        Emission.requireText(satisfiedBy, "satisfiedBy");
        basis = basis == null ? "" : basis;
    }

    public Obligation(String code, LocalDate from, int amount, String unit, String satisfiedBy) {
        this(code, from, amount, unit, satisfiedBy, "");
    }

    public TermUnit termUnit() {
        return TermUnit.parse(unit);
    }

    @Override
    public Obligation withBasis(String basis) {
        return new Obligation(code, from, amount, unit, satisfiedBy, basis);
    }
}
