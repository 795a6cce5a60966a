package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Nieuwe gebeurtenis: one timeline entry with its type-specific fields (null when not given). Also the stored
 * payload of an event.
 *
 * @param codes the duties the event is about: DUTY_SET_ASIDE (which duties are set aside), CHECK_CONFIRMED (which
 *     check), TERM_SUSPENDED and TERM_RESUMED (which terms; empty on a resumption: every suspended term)
 * @param reason why: a duty set aside, a term suspended, an extension recorded after its term ran out
 * @param noticeDate for an EXTENSION_ANNOUNCED recorded after its term ran out: the date of the written notice
 * @param noticeReference that notice: a letter's number or a text such as "brief 28-05, kenmerk X"
 * @param consentBy for an extension beyond the regulation's maximum: who consented (the complainant or a
 *     representative), with {@code consentOn} and {@code consentHow} (Wkkgz art. 17 lid 2)
 * @param lodgedOn for REFERRED_EXTERNAL: the day the complaint was lodged with the external body, when known
 * @param measureItems for DECIDED: each measure with its own date (Wkkgz art. 17 lid 1); a payload stored before
 *     measures were items has them in {@code measures} and {@code measuresDueOn} ({@link #measureList()} reads both)
 * @param sentOn for DECIDED: the day the written, reasoned decision was sent or handed to the complainant; the
 *     decision term is met on that day, not on the day of the internal decision (Wkkgz art. 17 lid 1)
 * @param measure for MEASURE_REALISED: which of the case's measures (1-based, in the order the decisions gave them)
 */
@Serdeable
public record NewEvent(EventType type, LocalDate on, Integer weeks, String level, String body, Judgement judgement,
                       String measures, LocalDate measuresDueOn, String motivation, String text,
                       Boolean signedByComplainant, Integer satisfaction, List<String> codes, String reason,
                       LocalDate noticeDate, String noticeReference, String consentBy, LocalDate consentOn,
                       String consentHow, LocalDate lodgedOn, List<Measure> measureItems, LocalDate sentOn,
                       Integer measure) {
    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(on, "on");
        level = Complainant.blankToNull(level);
        body = Complainant.blankToNull(body);
        measures = Complainant.blankToNull(measures);
        motivation = Complainant.blankToNull(motivation);
        text = Complainant.blankToNull(text);
        codes = codes == null ? List.of() : codes.stream().map(Complainant::blankToNull).filter(Objects::nonNull)
                .distinct().toList();
        reason = Complainant.blankToNull(reason);
        noticeReference = Complainant.blankToNull(noticeReference);
        consentBy = Complainant.blankToNull(consentBy);
        consentHow = Complainant.blankToNull(consentHow);
        measureItems = measureItems == null ? List.of() : List.copyOf(measureItems);
    }

    /** The event as recorded before decisions carried measures as items and a day of sending. */
    public NewEvent(EventType type, LocalDate on, Integer weeks, String level, String body, Judgement judgement,
                    String measures, LocalDate measuresDueOn, String motivation, String text,
                    Boolean signedByComplainant, Integer satisfaction, List<String> codes, String reason,
                    LocalDate noticeDate, String noticeReference, String consentBy, LocalDate consentOn,
                    String consentHow, LocalDate lodgedOn) {
        this(type, on, weeks, level, body, judgement, measures, measuresDueOn, motivation, text, signedByComplainant,
                satisfaction, codes, reason, noticeDate, noticeReference, consentBy, consentOn, consentHow, lodgedOn,
                List.of(), null, null);
    }

    /** A decision: the judgement, its reasons, its measures and the day it was sent (Wkkgz art. 17 lid 1). */
    public static NewEvent decision(LocalDate on, Judgement judgement, String motivation, List<Measure> measures,
                                    LocalDate sentOn) {
        return new NewEvent(EventType.DECIDED, on, null, null, null, judgement, null, null, motivation, null, null,
                null, List.of(), null, null, null, null, null, null, null, measures, sentOn, null);
    }

    /** A measure of the case realised, with a short account of what was done. */
    public static NewEvent measureRealised(LocalDate on, int measure, String account) {
        return new NewEvent(EventType.MEASURE_REALISED, on, null, null, null, null, null, null, null, account, null,
                null, List.of(), null, null, null, null, null, null, null, List.of(), null, measure);
    }

    /**
     * The measures this event promises: its items, or the one measure of a payload (or an API client) that gave a
     * single text with one date.
     */
    public List<Measure> measureList() {
        if (!measureItems.isEmpty()) {
            return measureItems;
        }
        return measures == null ? List.of() : List.of(new Measure(measures, measuresDueOn));
    }

    /** The day the decision reached the complainant: the recorded day of sending, else the day of the decision. */
    public LocalDate deliveredOn() {
        return sentOn != null ? sentOn : on;
    }

    public NewEvent(EventType type, LocalDate on, Integer weeks, String level, String body, Judgement judgement,
                    String measures, LocalDate measuresDueOn, String motivation, String text,
                    Boolean signedByComplainant, Integer satisfaction) {
        this(type, on, weeks, level, body, judgement, measures, measuresDueOn, motivation, text, signedByComplainant,
                satisfaction, List.of(), null, null, null, null, null, null, null);
    }

    public static NewEvent of(EventType type, LocalDate on) {
        return new NewEvent(type, on, null, null, null, null, null, null, null, null, null, null);
    }

    /** An event about duties (set aside, a check confirmed, a term suspended or resumed), with its reason. */
    public static NewEvent about(EventType type, LocalDate on, List<String> codes, String reason) {
        return new NewEvent(type, on, null, null, null, null, null, null, null, null, null, null, codes, reason, null,
                null, null, null, null, null);
    }

    /** This extension with the evidence of a written notice sent in time, recorded after the term ran out. */
    public NewEvent withNotice(LocalDate date, String reference, String why) {
        return new NewEvent(type, on, weeks, level, body, judgement, measures, measuresDueOn, motivation, text,
                signedByComplainant, satisfaction, codes, why, date, reference, consentBy, consentOn, consentHow,
                lodgedOn, measureItems, sentOn, measure);
    }

    /** This extension with the complainant's documented consent to a longer one. */
    public NewEvent withConsent(String by, LocalDate date, String how) {
        return new NewEvent(type, on, weeks, level, body, judgement, measures, measuresDueOn, motivation, text,
                signedByComplainant, satisfaction, codes, reason, noticeDate, noticeReference, by, date, how, lodgedOn,
                measureItems, sentOn, measure);
    }

    /** This referral with the day the complaint was lodged with the external body. */
    public NewEvent withLodgedOn(LocalDate date) {
        return new NewEvent(type, on, weeks, level, body, judgement, measures, measuresDueOn, motivation, text,
                signedByComplainant, satisfaction, codes, reason, noticeDate, noticeReference, consentBy, consentOn,
                consentHow, date, measureItems, sentOn, measure);
    }

    /** The complainant's consent to a longer extension is documented: who, when and how. */
    public boolean consentDocumented() {
        return consentBy != null && consentOn != null && consentHow != null;
    }

    /** A written notice is documented: its date, its reference and why it is recorded only now. */
    public boolean noticeDocumented() {
        return noticeDate != null && noticeReference != null && reason != null;
    }
}
