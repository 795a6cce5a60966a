package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Nieuwe gebeurtenis: one timeline entry with its type-specific fields (null when not given). Also the stored
 * payload of an event.
 */
@Serdeable
public record NewEvent(EventType type, LocalDate on, Integer weeks, String level, String body, Judgement judgement,
                       String measures, LocalDate measuresDueOn, String motivation, String text,
                       Boolean signedByComplainant, Integer satisfaction) {
    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(on, "on");
        level = Complainant.blankToNull(level);
        body = Complainant.blankToNull(body);
        measures = Complainant.blankToNull(measures);
        motivation = Complainant.blankToNull(motivation);
        text = Complainant.blankToNull(text);
    }

    public static NewEvent of(EventType type, LocalDate on) {
        return new NewEvent(type, on, null, null, null, null, null, null, null, null, null, null);
    }
}
