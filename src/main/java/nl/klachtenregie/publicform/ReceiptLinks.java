package nl.klachtenregie.publicform;

import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Statuslink voor het ontvangstbewijs: hands the status link issued while the public form's complaint is registered
 * back to the submission that shows it on the receipt.
 *
 * <p>The link is issued by a listener ({@link IntakeStatusLinks}) in the middle of {@code complaint.Intake.register},
 * and the intake returns only the case: the case feature knows nothing of links and must not carry one back. The
 * listener runs synchronously on the submitting thread, so a slot opened by the submission around that call, on that
 * thread, and closed when it returns, receives the link of exactly this call and of no other request; outside such a
 * slot (staff's intake) an issued link goes only into the acknowledgement.
 */
@Singleton
class ReceiptLinks {

    private final ThreadLocal<Slot> open = new ThreadLocal<>();

    /** A slot for the status URL of the complaint registered on this thread until it is closed. */
    final class Slot implements AutoCloseable {
        private final Slot outer;
        private String url;

        private Slot(Slot outer) {
            this.outer = outer;
        }

        /** The status URL issued while the slot was open, if any. */
        Optional<String> url() {
            return Optional.ofNullable(url);
        }

        @Override
        public void close() {
            if (outer == null) {
                open.remove();
            } else {
                open.set(outer);
            }
        }
    }

    Slot open() {
        Slot slot = new Slot(open.get());
        open.set(slot);
        return slot;
    }

    /** Gives the URL to the slot open on this thread; without one nobody shows a receipt, and nothing is kept. */
    void issued(String url) {
        Slot slot = open.get();
        if (slot != null) {
            slot.url = url;
        }
    }
}
