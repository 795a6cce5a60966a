package nl.klachtenregie.complaint;

import nl.klachtenregie.shared.Text;

/**
 * Document geweigerd: a file that is too large (413) or not of an allowed type, by its content or by a name that
 * says another type (415). Nothing is stored.
 */
public class DocumentRefusedException extends RuntimeException implements Text.Carrier {

    /** Why: the HTTP edge answers {@link #TOO_LARGE} with 413 and {@link #TYPE} with 415. */
    public enum Reason { TOO_LARGE, TYPE }

    private final transient Text text;
    private final Reason reason;

    public DocumentRefusedException(Reason reason, Text text) {
        super(text.dutch());
        this.reason = reason;
        this.text = text;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public Text text() {
        return text;
    }
}
