package nl.klachtenregie.improvement;

/** Soort maatregel: corrigerend (verhelpt wat misging) of preventief (voorkomt herhaling), procedure 6.5 stap 6. */
public enum MeasureKind {
    CORRECTIVE,
    PREVENTIVE
}
