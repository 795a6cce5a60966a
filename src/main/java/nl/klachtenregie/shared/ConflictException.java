package nl.klachtenregie.shared;

/** Gelijktijdige wijziging: someone else changed the record first (answered with 409; nothing is lost). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
