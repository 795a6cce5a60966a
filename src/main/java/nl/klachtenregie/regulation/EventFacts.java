package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Gebeurtenis (momentopname): one entry of a case's timeline as the rules see it.
 *
 * @param sequence 1-based position in the timeline
 * @param proposed true for the event being recorded now: refusals on its type reject it
 * @param level for ESCALATED: the level escalated to
 * @param body for REFERRED_EXTERNAL: the external body's code
 * @param codes the obligation codes the event is about (DUTY_SET_ASIDE, CHECK_CONFIRMED, TERM_SUSPENDED,
 *     TERM_RESUMED); empty for other events
 * @param consentGiven for EXTENSION_ANNOUNCED: the complainant's consent to a longer extension is documented
 *     (Wkkgz art. 17 lid 2)
 * @param lodgedOn for REFERRED_EXTERNAL: the day the complaint was lodged with the external body, when known
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
        int satisfaction,
        List<String> codes,
        boolean consentGiven,
        LocalDate lodgedOn) {

    public EventFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(on, "on");
        level = level == null ? "" : level;
        body = body == null ? "" : body;
        judgement = judgement == null ? "" : judgement;
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** An event without codes, consent or lodging date (the facts of rule tests written before those existed). */
    public EventFacts(int sequence, String type, LocalDate on, boolean proposed, int weeks, String level, String body,
                      String judgement, boolean measuresGiven, LocalDate measuresDueOn, boolean motivationGiven,
                      boolean signedByComplainant, int satisfaction) {
        this(sequence, type, on, proposed, weeks, level, body, judgement, measuresGiven, measuresDueOn,
                motivationGiven, signedByComplainant, satisfaction, List.of(), false, null);
    }

    public boolean hasMeasuresDueDate() {
        return measuresDueOn != null;
    }

    /** The day a term that runs from this event starts: the day lodged with the external body when known. */
    public LocalDate startOn() {
        return lodgedOn != null ? lodgedOn : on;
    }
}
