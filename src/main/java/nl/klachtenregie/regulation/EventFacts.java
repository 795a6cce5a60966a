package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Gebeurtenis (momentopname): one entry of a case's timeline as the rules see it.
 *
 * @param sequence 1-based position in the timeline
 * @param proposed true for the event being recorded now: refusals on its type reject it
 * @param level for ESCALATED: the level escalated to
 * @param body for REFERRED_EXTERNAL: the external body's code
 */
public record EventFacts(
        int sequence,
        String type,
        LocalDate on,
        boolean proposed,
        int weeks,
        String level,
        String body,
        String judgement,
        boolean measuresGiven,
        LocalDate measuresDueOn,
        boolean motivationGiven,
        boolean signedByComplainant,
        int satisfaction) {

    public EventFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(on, "on");
        level = level == null ? "" : level;
        body = body == null ? "" : body;
        judgement = judgement == null ? "" : judgement;
    }

    public boolean hasMeasuresDueDate() {
        return measuresDueOn != null;
    }
}
