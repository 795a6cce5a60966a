package nl.klachtenregie.complaint;

import nl.klachtenregie.shared.Text;

/** De documentopslag is niet bereikbaar: the object store did not answer; nothing was stored (answered with 503). */
public class DocumentStoreUnavailableException extends RuntimeException implements Text.Carrier {

    public DocumentStoreUnavailableException(Throwable cause) {
        super(Text.of("documents.unavailable").dutch(), cause);
    }

    @Override
    public Text text() {
        return Text.of("documents.unavailable");
    }
}
