package nl.klachtenregie.notification;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import nl.klachtenregie.complaint.LateExtensionRecorded;

/**
 * Vervangen meldingen: when an extension announced in time is recorded after the term ran out, the notice "termijn
 * verstreken" that went out for that term no longer holds. It stays on record (it was sent), marked as superseded, in
 * the same transaction as the recording.
 */
@Singleton
class SupersededNotices {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final OutboxStore store;

    SupersededNotices(OutboxStore store) {
        this.store = store;
    }

    @EventListener
    void onLateExtension(LateExtensionRecorded e) {
        store.supersedeMissedTerm(e.tenant(), e.complaintId(), e.code(), e.dueBefore(),
                "Vervangen: de verlenging was op tijd schriftelijk aangekondigd en is achteraf vastgelegd; de termijn "
                        + "loopt nu tot " + (e.dueAfter() == null ? "de hervatting" : e.dueAfter().format(DMY))
                        + " (nog te bevestigen door een tweede persoon).");
    }
}
