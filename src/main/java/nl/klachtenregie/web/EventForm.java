package nl.klachtenregie.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewEvent;

/** A timeline event as posted. */
@Serdeable
record EventForm(@Nullable String type, @Nullable String on, @Nullable Object weeks, @Nullable String level,
                 @Nullable String body, @Nullable String judgement, @Nullable String measures,
                 @Nullable String measuresDueOn, @Nullable String motivation, @Nullable String text,
                 @Nullable Object signedByComplainant, @Nullable Object satisfaction,
                 @Nullable Object expectedVersion) {

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
        String msr = errors.optionalText("measures", measures, 5_000);
        String mot = errors.optionalText("motivation", motivation, 5_000);
        String txt = errors.optionalText("text", text, 10_000);
        Integer wk = errors.optionalInteger("weeks", weeks, 1, 52);
        Boolean signed = errors.optionalBoolean("signedByComplainant", signedByComplainant);
        Integer score = errors.optionalInteger("satisfaction", satisfaction, 1, 5);
        errors.throwIfAny();
        return new NewEvent(t, day, wk, lvl, bd, j, msr, measuresDue, mot, txt, signed, score);
    }
}
