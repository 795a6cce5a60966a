package nl.klachtenregie.complaint;

/** Klacht-id: a case's identity; meaningful only together with its tenant. */
public record ComplaintId(long value) {
    public ComplaintId {
        if (value <= 0) {
            throw new IllegalArgumentException("complaint id must be positive: " + value);
        }
    }
}
