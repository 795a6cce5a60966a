package nl.klachtenregie.shared;

/** Gelijktijdige wijziging: someone else changed the record first (answered with 409; nothing is lost). */
public class ConflictException extends RuntimeException implements Text.Carrier {

    private final transient Text text;

    public ConflictException(String message) {
        super(message);
        this.text = null;
    }

    /** With a text from the message source, shown in the reader's language; the message is its Dutch. */
    public ConflictException(Text text) {
        super(text.dutch());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
