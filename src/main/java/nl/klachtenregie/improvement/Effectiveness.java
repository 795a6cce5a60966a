package nl.klachtenregie.improvement;

/** Oordeel over de effectiviteit bij de jaarlijkse directiebeoordeling (procedure 6.5 stap 6 en 7). */
public enum Effectiveness {
    EFFECTIVE,
    PARTLY,
    NOT_EFFECTIVE
}
