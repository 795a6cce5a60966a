package nl.klachtenregie.improvement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.Text;

/**
 * Effectiviteitsbeoordeling: the yearly review of a completed measure at the directiebeoordeling (procedure 6.5 steps
 * 6 and 7). A measure keeps its latest review; earlier ones are in the audit log.
 *
 * @param year the year of the directiebeoordeling (held in that year or early in the next)
 * @param notes why; required unless the measure was found effective
 * @param reviewedBy who recorded it (the register fills in the signed-in user; null in the input)
 */
public record Review(LocalDate reviewedOn, int year, Effectiveness effective, String notes, String reviewedBy) {

    public static final int MAX_NOTES = 4000;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2999;

    public Review {
        notes = Origin.blankToNull(notes);
        Map<String, Text> errors = new LinkedHashMap<>();
        if (reviewedOn == null) {
            errors.put("reviewedOn", Text.of("improvement.error.reviewedOn.missing"));
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.put("year", Text.of("improvement.error.year.range", String.valueOf(MIN_YEAR),
                    String.valueOf(MAX_YEAR)));
        }
        if (effective == null) {
            errors.put("effective", Text.of("improvement.error.effective"));
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            errors.put("notes", Text.of("improvement.error.notes.long", String.valueOf(MAX_NOTES)));
        } else if (notes == null && effective != null && effective != Effectiveness.EFFECTIVE) {
            errors.put("notes", Text.of("improvement.error.notes.missing"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
    }
}
