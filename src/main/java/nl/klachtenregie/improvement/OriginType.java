package nl.klachtenregie.improvement;

/** Herkomst: een of meer klachten, een overschreden prestatie-indicator, een gesignaleerde trend, of iets anders. */
public enum OriginType {
    COMPLAINTS,
    KPI_BREACH,
    TREND,
    OTHER
}
