package nl.klachtenregie.shared;

/** Niet gevonden: no such thing within the caller's tenant (answered with 404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
