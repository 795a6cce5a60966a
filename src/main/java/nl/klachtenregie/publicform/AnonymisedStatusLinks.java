package nl.klachtenregie.publicform;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import nl.klachtenregie.complaint.CaseAnonymised;
import nl.klachtenregie.shared.Db;

/**
 * Statuslinks van een geanonimiseerd dossier: the link opened the complainant's own data; once those are removed
 * (retention period, AVG art. 17) the links go too, and open nothing (as a link that never existed).
 */
@Singleton
class AnonymisedStatusLinks implements ApplicationEventListener<CaseAnonymised> {

    private final Db db;

    AnonymisedStatusLinks(Db db) {
        this.db = db;
    }

    @Override
    public void onApplicationEvent(CaseAnonymised e) {
        db.update("DELETE FROM status_link WHERE tenant_id = ? AND complaint_id = ?", e.tenant().id().value(),
                e.complaintId());
    }
}
