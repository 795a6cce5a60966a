package nl.klachtenregie.improvement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klachtenregie.shared.InvalidInputException;

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
        Map<String, String> errors = new LinkedHashMap<>();
        if (reviewedOn == null) {
            errors.put("reviewedOn", "Vul de datum van de beoordeling in.");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.put("year", "Het jaar van de directiebeoordeling ligt tussen " + MIN_YEAR + " en " + MAX_YEAR + ".");
        }
        if (effective == null) {
            errors.put("effective", "Kies het oordeel: effectief, deels effectief of niet effectief.");
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            errors.put("notes", "De toelichting is te lang (hoogstens " + MAX_NOTES + " tekens).");
        } else if (notes == null && effective != null && effective != Effectiveness.EFFECTIVE) {
            errors.put("notes", "Licht toe waarom de maatregel niet (volledig) effectief was en wat er nu gebeurt.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
