package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Lopende termijn: an obligation of an open case that is not met, with what a reminder or a notice needs to say
 * without reading the case.
 *
 * @param dueOn null for a duty without a term (such as informing management)
 * @param handlerUserId the case's handler, or null
 * @param overdueSince the first day the scheduler saw the term run out, or null
 */
public record DueTerm(long complaintId, String reference, String code, LocalDate dueOn, String basis,
                      Long handlerUserId, String escalationLevel, String category, ComplaintKind kind,
                      LocalDate receivedOn, LocalDate overdueSince) {
    public DueTerm {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(code, "code");
    }
}
