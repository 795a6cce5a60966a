package nl.klachtenregie.security;

/** Gebruikersnummer. */
public record UserId(long value) {
    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
    }
}
