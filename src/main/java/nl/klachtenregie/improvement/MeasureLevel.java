package nl.klachtenregie.improvement;

/**
 * Niveau: voor de hele organisatie (het verbeterregister zelf) of op klantniveau, genoteerd in het klantdossier
 * (procedure 6.5 stap 5). Client-level measures are kept in the register too, so they can be followed up, but they
 * are always shown apart from the organisation's.
 */
public enum MeasureLevel {
    ORGANISATION,
    CLIENT
}
