package nl.klachtenregie.shared;

/**
 * Niet bevoegd: the user is signed in and the request is sound, but the tenant reserves this to someone else
 * (answered with 403 and the reason).
 */
public class ForbiddenException extends RuntimeException implements Text.Carrier {

    private final transient Text text;

    public ForbiddenException(String message) {
        super(message);
        this.text = null;
    }

    /** With a text from the message source, shown in the reader's language; the message is its Dutch. */
    public ForbiddenException(Text text) {
        super(text.dutch());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
