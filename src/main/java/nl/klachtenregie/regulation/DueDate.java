package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Uiterste datum: the day a term ends, with a one-line explanation a person can check by hand.
 *
 * @param date null when the regulation gives no term ({@link TermUnit#NONE})
 */
public record DueDate(LocalDate date, String explanation) {
    public DueDate {
        Objects.requireNonNull(explanation, "explanation");
    }

    public boolean hasDate() {
        return date != null;
    }
}
