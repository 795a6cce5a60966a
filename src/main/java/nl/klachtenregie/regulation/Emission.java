package nl.klachtenregie.regulation;

/**
 * Uitkomstwoord: the closed vocabulary a rule set may emit. Rules {@code insert(new ...)} one of these records;
 * the engine stamps each with the name of the rule that inserted it, so every result carries its basis.
 */
public sealed interface Emission
        permits Obligation, Waiver, ExtensionPolicy, Registration, Inadmissible, Refusal, EscalationOption,
        ExternalBodyReference, Advice, Addressee, KpiTarget, ReportDuty, SuspensionPolicy, RollOverPolicy, CountsAsFormal,
        LevelHolder {

    /** The name of the rule that emitted this (set by the engine). */
    String basis();

    Emission withBasis(String basis);

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " ontbreekt");
        }
        return value;
    }
}
