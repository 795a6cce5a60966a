package nl.klachtenregie.notification;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.klachtenregie.complaint.CaseAnonymised;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.shared.Db;

/**
 * Berichten van een geanonimiseerd dossier: an e-mail names the complainant and carries their address, so when the
 * case is anonymised (retention period, AVG art. 17) the case's messages keep only their kind, subject and dates.
 * One not yet sent is not sent any more. Runs in the anonymising transaction.
 */
@Singleton
class AnonymisedMessages implements ApplicationEventListener<CaseAnonymised> {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Db db;
    private final ComplaintService complaints;

    AnonymisedMessages(Db db, ComplaintService complaints) {
        this.db = db;
        this.complaints = complaints;
    }

    @Override
    public void onApplicationEvent(CaseAnonymised e) {
        LocalDate today = complaints.today();
        String marker = "Bericht geanonimiseerd op " + today.format(DUTCH_DATE) + ".";
        db.update("UPDATE outbox_message SET body = ?, recipient = NULL, note = ?, state = CASE WHEN state = 'PENDING' "
                        + "THEN 'NOT_SENT' ELSE state END WHERE tenant_id = ? AND complaint_id = ?", marker,
                "dossier geanonimiseerd", e.tenant().id().value(), e.complaintId());
    }
}
