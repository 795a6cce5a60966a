package nl.klachtenregie.shared;

/**
 * Niet bevoegd: the user is signed in and the request is sound, but the tenant reserves this to someone else
 * (answered with 403 and the reason).
 */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
