package nl.klachtenregie.letter;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Verstuurde brief, as the case's timeline shows it: kind, subject, the day it was issued and by whom (the display
 * name; empty when the user is unknown).
 */
public record LetterSummary(LetterId id, LetterKind kind, String subject, LocalDate issuedOn, String issuedBy) {
    public LetterSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedOn, "issuedOn");
        issuedBy = issuedBy == null ? "" : issuedBy;
    }
}
