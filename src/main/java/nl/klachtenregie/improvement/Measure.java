package nl.klachtenregie.improvement;

import java.time.LocalDate;
import java.util.List;

/**
 * Verbetermaatregel: one row of the verbeterregister (procedure 6.5 steps 3, 5, 6 and 7).
 *
 * @param number VM-&lt;year&gt;-&lt;no&gt; per tenant and year of creation, e.g. VM-2026-001
 * @param complaintReferences the references of the complaints it answers, sorted
 * @param review the latest yearly effectiveness review; null until reviewed
 * @param rowVersion changes with every save; an update or review based on an older one is refused (409)
 */
public record Measure(long id, String number, String title, String description, MeasureKind kind, MeasureLevel level,
                      Origin origin, List<String> complaintReferences, String owner, LocalDate dueOn,
                      MeasureStatus status, LocalDate completedOn, Review review, LocalDate createdOn,
                      String createdBy, int rowVersion) {

    public Measure {
        complaintReferences = List.copyOf(complaintReferences);
    }

    /**
     * Wacht op de effectiviteitsbeoordeling van dit jaar: a completed measure that the directiebeoordeling of
     * {@code year} still has to look at. That is one never reviewed, and one found not (fully) effective in an
     * earlier year, which step 7 asks to look at again. One found effective stays reviewed.
     */
    public boolean awaitsReview(int year) {
        if (status != MeasureStatus.DONE) {
            return false;
        }
        return review == null || (review.year() < year && review.effective() != Effectiveness.EFFECTIVE);
    }

    /** An open measure past its due date on {@code today}. */
    public boolean overdue(LocalDate today) {
        return status == MeasureStatus.OPEN && dueOn != null && dueOn.isBefore(today);
    }
}
