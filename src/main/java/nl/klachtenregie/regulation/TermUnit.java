package nl.klachtenregie.regulation;

/**
 * Termijneenheid: the unit in which a regulation states a term.
 *
 * <p>{@code NONE} exists because several regulations name a duty without a term ("na ontvangst", "zo snel
 * mogelijk"); the product records such a duty but never invents a deadline the text does not give.
 */
public enum TermUnit {
    WORKING_DAYS("werkdagen"),
    DAYS("dagen"),
    WEEKS("weken"),
    NONE("geen termijn");

    private final String dutch;

    TermUnit(String dutch) {
        this.dutch = dutch;
    }

    public String dutch() {
        return dutch;
    }

    /** Parses the unit as rules write it; unknown units are a rule-set defect, reported as such. */
    public static TermUnit parse(String value) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Onbekende termijneenheid '" + value
                    + "' (toegestaan: WORKING_DAYS, DAYS, WEEKS, NONE)");
        }
    }
}
