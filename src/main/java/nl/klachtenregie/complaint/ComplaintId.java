package nl.klachtenregie.complaint;

import nl.klachtenregie.shared.InvalidInputException;

/** Klacht-id: a case's identity; meaningful only together with its tenant. */
public record ComplaintId(long value) {
    public ComplaintId {
        if (value <= 0) {
            throw new IllegalArgumentException("complaint id must be positive: " + value);
        }
    }

    /** A case id as a path carries it: a positive number, else 400 naming the value. */
    public static ComplaintId parse(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return new ComplaintId(value);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw InvalidInputException.of("id", "'" + id + "' is geen geldig dossiernummer");
    }
}
