package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * Maatregel: one measure a decision promises, with the date by which it will be realised. The Wkkgz asks the written
 * decision to say which measures will be taken and within which term they will be realised (art. 17 lid 1); each one
 * becomes a duty {@code REALISE_MEASURE} of the case, met by {@link EventType#MEASURE_REALISED}.
 *
 * @param description what will be done, in the words the complainant reads in the decision letter
 * @param dueOn the day by which it will be realised
 */
@Serdeable
public record Measure(String description, LocalDate dueOn) {

    public Measure {
        description = Complainant.blankToNull(description);
    }
}
