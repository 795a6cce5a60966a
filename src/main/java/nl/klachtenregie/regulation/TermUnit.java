package nl.klachtenregie.regulation;

/**
 * Termijneenheid: the unit in which a regulation states a term.
 *
 * <p>{@code NONE} exists because several regulations name a duty without a term ("na ontvangst", "zo snel
 * mogelijk"); the product records such a duty but never invents a deadline the text does not give. {@code MONTHS}
 * ends on the same day number, or on the last day of a shorter month (31 January + 1 month = 28 or 29 February).
 */
public enum TermUnit {
    WORKING_DAYS("werkdagen", "werkdag"),
    DAYS("dagen", "dag"),
    WEEKS("weken", "week"),
    MONTHS("maanden", "maand"),
    NONE("geen termijn", "geen termijn");

    private final String dutch;
    private final String dutchSingular;

    TermUnit(String dutch, String dutchSingular) {
        this.dutch = dutch;
        this.dutchSingular = dutchSingular;
    }

    public String dutch() {
        return dutch;
    }

    /** "1 werkdag", "5 werkdagen", "1 maand". */
    public String amount(int amount) {
        return amount + " " + (amount == 1 ? dutchSingular : dutch);
    }

    /**
     * The longest term in this unit: ten years. Longer is no complaint procedure's term, and a bound here keeps every
     * due-date computation short whatever a rule set says (issue 14: 30 million working days took 10.9 s per intake).
     */
    public int maxAmount() {
        return switch (this) {
            case WORKING_DAYS -> 2_610;
            case DAYS -> 3_653;
            case WEEKS -> 522;
            case MONTHS -> 120;
            case NONE -> Integer.MAX_VALUE;
        };
    }

    /** Whether the term counts calendar days (days, weeks, months) rather than working days. */
    public boolean calendar() {
        return this == DAYS || this == WEEKS || this == MONTHS;
    }

    /** Parses the unit as rules write it; unknown units are a rule-set defect, reported as such. */
    public static TermUnit parse(String value) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Onbekende termijneenheid '" + value
                    + "' (toegestaan: WORKING_DAYS, DAYS, WEEKS, MONTHS, NONE)");
        }
    }
}
