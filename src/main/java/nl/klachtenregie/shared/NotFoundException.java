package nl.klachtenregie.shared;

/** Niet gevonden: no such thing within the caller's tenant (answered with 404). */
public class NotFoundException extends RuntimeException implements Text.Carrier {

    private final transient Text text;

    public NotFoundException(String message) {
        super(message);
        this.text = null;
    }

    /** With a text from the message source, shown in the reader's language; the message is its Dutch. */
    public NotFoundException(Text text) {
        super(text.dutch());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
