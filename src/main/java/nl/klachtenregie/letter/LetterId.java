package nl.klachtenregie.letter;

/** Briefnummer: a letter's identity; meaningful only together with its tenant and case. */
public record LetterId(long value) {
    public LetterId {
        if (value <= 0) {
            throw new IllegalArgumentException("letter id must be positive: " + value);
        }
    }
}
