package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.tenant.Tenant;

/**
 * Berichten bij een dossier: what was sent (or is queued) about one case, as the case page lists it. A port: the case
 * feature names what it shows, the notification feature, which keeps the messages, answers; so cases never depend on
 * how anyone is told.
 */
public interface CaseMessages {

    /**
     * Bericht: one message about the case.
     *
     * @param kind the kind's code (e.g. {@code ACKNOWLEDGEMENT})
     * @param recipient null when nobody could be found to send it to
     * @param state where its delivery stands (its code)
     */
    record Message(long id, LocalDate queuedOn, String kind, String recipient, String state) {
    }

    /** The messages about the case, in the order they were queued. */
    List<Message> ofCase(Tenant tenant, long complaintId);
}
