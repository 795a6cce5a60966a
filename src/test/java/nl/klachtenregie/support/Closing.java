package nl.klachtenregie.support;

import java.util.List;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.tenant.Tenant;

/**
 * How test fixtures close a case now that nothing lapses by closing: every duty still open on the day is set aside by
 * the handler with a reason (it counts as not met on time), then the case is closed.
 */
public final class Closing {

    public static final String REASON = "Niet meer nodig: de klacht is afgehandeld.";

    private Closing() {
    }

    /** Records {@code e}; when it closes the case, first sets aside what is still open on its day. */
    public static CaseView record(ComplaintService complaints, Tenant tenant, CaseView c, NewEvent e) {
        if (e.type() == EventType.CLOSED) {
            List<String> open = complaints.get(tenant, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(c.id()), e.on()).obligations().stream()
                    .filter(o -> o.status() == ObligationStatus.OPEN || o.status() == ObligationStatus.SUSPENDED)
                    // a measure the decision promised does not block closing: it is followed up after it
                    .filter(o -> !o.code().equals("REALISE_MEASURE"))
                    .map(CaseView.ObligationView::code).distinct().toList();
            if (!open.isEmpty()) {
                complaints.recordEvent(tenant, new ComplaintId(c.id()), NewEvent.about(EventType.DUTY_SET_ASIDE, e.on(),
                        open, REASON));
            }
        }
        return complaints.recordEvent(tenant, new ComplaintId(c.id()), e);
    }
}
