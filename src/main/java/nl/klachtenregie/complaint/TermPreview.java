package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Termijn vooraf: a term the regulation sets for a complaint received on a given day, before there is one (the public
 * form tells the complainant what happens next and within how long).
 *
 * @param amount the term's length in {@code unit} ("5", "WORKING_DAYS"); 0 with NONE when the regulation names no term
 * @param dueOn the due date for a complaint received on the day asked; null when there is no term
 * @param label what the regulation promises in words ("neemt de klachtenfunctionaris contact met u op"), "" when none
 */
public record TermPreview(String code, int amount, String unit, LocalDate dueOn, String basis, String label) {
    public TermPreview {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unit, "unit");
        basis = basis == null ? "" : basis;
        label = label == null ? "" : label;
    }

    public TermPreview(String code, int amount, String unit, LocalDate dueOn, String basis) {
        this(code, amount, unit, dueOn, basis, "");
    }

    public boolean hasTerm() {
        return dueOn != null;
    }
}
