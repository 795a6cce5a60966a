package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.web.FieldErrors;

/**
 * A timeline event as posted. {@code measures}: a list of {@code {description, dueOn}}, or (as before measures were
 * items) one text with {@code measuresDueOn}. {@code sentOn}: the day a decision was sent or handed over (the day of
 * the decision when left out). {@code measure}: for MEASURE_REALISED, which measure (1-based).
 */
@Serdeable
record EventForm(@Nullable String type, @Nullable String on, @Nullable Object weeks, @Nullable String level,
                 @Nullable String body, @Nullable String judgement, @Nullable Object measures,
                 @Nullable String measuresDueOn, @Nullable String motivation, @Nullable String text,
                 @Nullable Object signedByComplainant, @Nullable Object satisfaction,
                 @Nullable Object expectedVersion, @Nullable Object codes, @Nullable String code,
                 @Nullable String reason, @Nullable String noticeDate, @Nullable String noticeReference,
                 @Nullable String consentBy, @Nullable String consentOn, @Nullable String consentHow,
                 @Nullable String lodgedOn, @Nullable String sentOn, @Nullable Object measure) {

    EventForm(String type, String on, Object weeks, String level, String body, String judgement, Object measures,
              String measuresDueOn, String motivation, String text, Object signedByComplainant, Object satisfaction,
              Object expectedVersion, Object codes, String code, String reason, String noticeDate,
              String noticeReference, String consentBy, String consentOn, String consentHow, String lodgedOn) {
        this(type, on, weeks, level, body, judgement, measures, measuresDueOn, motivation, text, signedByComplainant,
                satisfaction, expectedVersion, codes, code, reason, noticeDate, noticeReference, consentBy, consentOn,
                consentHow, lodgedOn, null, null);
    }

    /** The case version the change is based on, when the client sends it (then a concurrent change is a 409). */
    Integer version() {
        FieldErrors errors = new FieldErrors();
        Integer v = errors.optionalInteger("expectedVersion", expectedVersion, 0, Integer.MAX_VALUE);
        errors.throwIfAny();
        return v;
    }

    NewEvent toNewEvent() {
        FieldErrors errors = new FieldErrors();
        EventType t = errors.requiredEnum("type", type, EventType.class);
        var day = errors.requiredDate("on", on);
        Judgement j = errors.optionalEnum("judgement", judgement, Judgement.class);
        var measuresDue = errors.optionalDate("measuresDueOn", measuresDueOn);
        String lvl = errors.optionalText("level", level, 32);
        String bd = errors.optionalText("body", body, 64);
        String msr = measures instanceof String single ? errors.optionalText("measures", single, 5_000) : null;
        List<nl.klachtenregie.complaint.Measure> items = measureItems(errors);
        var sent = errors.optionalDate("sentOn", sentOn);
        Integer which = errors.optionalInteger("measure", measure, 1, 1_000);
        String mot = errors.optionalText("motivation", motivation, 5_000);
        String txt = errors.optionalText("text", text, 10_000);
        Integer wk = errors.optionalInteger("weeks", weeks, 1, 52);
        Boolean signed = errors.optionalBoolean("signedByComplainant", signedByComplainant);
        Integer score = errors.optionalInteger("satisfaction", satisfaction, 1, 5);
        List<String> named = codes(errors);
        String why = errors.optionalText("reason", reason, 2_000);
        var notice = errors.optionalDate("noticeDate", noticeDate);
        String noticeRef = errors.optionalText("noticeReference", noticeReference, 200);
        String consenter = errors.optionalText("consentBy", consentBy, 200);
        var consentDay = errors.optionalDate("consentOn", consentOn);
        String consentWay = errors.optionalText("consentHow", consentHow, 200);
        var lodged = errors.optionalDate("lodgedOn", lodgedOn);
        errors.throwIfAny();
        if (t == EventType.DECIDED && sent == null) {
            sent = day;   // the API's default: sent the day it was decided (the register shows both dates)
        }
        return new NewEvent(t, day, wk, lvl, bd, j, msr, measuresDue, mot, txt, signed, score, named, why, notice,
                noticeRef, consenter, consentDay, consentWay, lodged, items, sent, which);
    }

    /** {@code measures} as a list of {@code {description, dueOn}} objects; empty when it is one text or absent. */
    private List<nl.klachtenregie.complaint.Measure> measureItems(FieldErrors errors) {
        if (measures == null || measures instanceof String) {
            return List.of();
        }
        if (!(measures instanceof java.util.Collection<?> list)) {
            errors.add("measures", "geef de maatregelen als lijst, bijvoorbeeld [{\"description\": \"...\", "
                    + "\"dueOn\": \"2026-12-31\"}]");
            return List.of();
        }
        List<nl.klachtenregie.complaint.Measure> out = new ArrayList<>();
        int i = 0;
        for (Object o : list) {
            String prefix = "measures[" + i + "].";
            if (o instanceof java.util.Map<?, ?> m) {
                Object d = m.get("description");
                Object due = m.get("dueOn");
                String description = errors.optionalText(prefix + "description", d == null ? null : String.valueOf(d),
                        2_000);
                var dueOn = errors.optionalDate(prefix + "dueOn", due == null ? null : String.valueOf(due));
                out.add(new nl.klachtenregie.complaint.Measure(description, dueOn));
            } else if (o instanceof String text) {
                out.add(new nl.klachtenregie.complaint.Measure(text, null));
            } else {
                errors.add(prefix + "description", "geef elke maatregel als {\"description\", \"dueOn\"}");
            }
            i++;
        }
        return out;
    }

    /** {@code codes} as a list of duty codes (or one text, comma-separated), or {@code code} as one. */
    private List<String> codes(FieldErrors errors) {
        List<String> out = new ArrayList<>();
        if (codes instanceof java.util.Collection<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
        } else if (codes instanceof String text) {
            out.addAll(List.of(text.split(",")));
        } else if (codes != null) {
            errors.add("codes", "geef de codes van de plichten als lijst, bijvoorbeeld [\"ACKNOWLEDGE\"]");
        }
        if (code != null && !code.isBlank()) {
            out.add(code);
        }
        List<String> clean = out.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (clean.size() > 30) {
            errors.add("codes", "hoogstens 30 plichten tegelijk");
        }
        for (String c : clean) {
            if (!c.matches("[A-Z][A-Z0-9_]{0,63}")) {
                errors.add("codes", "'" + (c.length() > 70 ? c.substring(0, 70) + "..." : c) + "' is geen code van een "
                        + "plicht (hoofdletters, cijfers en _)");
            }
        }
        return clean;
    }
}
