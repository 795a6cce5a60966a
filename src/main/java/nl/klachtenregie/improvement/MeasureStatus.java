package nl.klachtenregie.improvement;

/** Status van een maatregel: voorgesteld, open (loopt), afgerond of vervallen. */
public enum MeasureStatus {
    PROPOSED,
    OPEN,
    DONE,
    CANCELLED
}
