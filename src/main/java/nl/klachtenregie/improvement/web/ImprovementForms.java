package nl.klachtenregie.improvement.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.improvement.Effectiveness;
import nl.klachtenregie.improvement.Measure;
import nl.klachtenregie.improvement.MeasureKind;
import nl.klachtenregie.improvement.MeasureLevel;
import nl.klachtenregie.improvement.MeasureStatus;
import nl.klachtenregie.improvement.NewMeasure;
import nl.klachtenregie.improvement.Origin;
import nl.klachtenregie.improvement.OriginType;
import nl.klachtenregie.improvement.Review;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.FieldErrors;
import nl.klachtenregie.web.CsrfForm;

/**
 * The forms of the verbeterregister as a browser posts them (every value a string, so a bad one becomes a message
 * at its field), read into the register's records with every problem collected at once.
 */
final class ImprovementForms {

    private ImprovementForms() {
    }

    /** A measure as typed (new or changed), with the version of the measure the page showed. */
    @Serdeable
    record MeasureForm(@Nullable String title, @Nullable String description, @Nullable String kind,
                       @Nullable String level, @Nullable String originType, @Nullable String originKey,
                       @Nullable String originDescription, @Nullable String complaints, @Nullable String owner,
                       @Nullable String dueOn, @Nullable String status, @Nullable String completedOn,
                       @Nullable String rowVersion, @Nullable String csrfToken) implements CsrfForm {

        static final MeasureForm EMPTY = new MeasureForm(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);

        /** The values to show again, as typed. */
        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("title", orEmpty(title));
            v.put("description", orEmpty(description));
            v.put("kind", orEmpty(kind));
            v.put("level", orEmpty(level));
            v.put("originType", orEmpty(originType));
            v.put("originKey", orEmpty(originKey));
            v.put("originDescription", orEmpty(originDescription));
            v.put("complaints", orEmpty(complaints));
            v.put("owner", orEmpty(owner));
            v.put("dueOn", orEmpty(dueOn));
            v.put("status", orEmpty(status));
            v.put("completedOn", orEmpty(completedOn));
            return v;
        }
    }

    /** The yearly effectiveness review of a measure. */
    @Serdeable
    record ReviewForm(@Nullable String reviewedOn, @Nullable String year, @Nullable String effective,
                      @Nullable String notes, @Nullable String rowVersion, @Nullable String csrfToken)
            implements CsrfForm {

        static final ReviewForm EMPTY = new ReviewForm(null, null, null, null, null, null);

        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("reviewedOn", orEmpty(reviewedOn));
            v.put("year", orEmpty(year));
            v.put("effective", orEmpty(effective));
            v.put("notes", orEmpty(notes));
            return v;
        }
    }

    /** What a form read into: the value, or the problems by field (then the value is null). */
    record Read<T>(@Nullable T value, Map<String, String> errors) {
    }

    /** The form values of a stored measure, for its edit form. */
    static Map<String, String> values(Measure m) {
        return new MeasureForm(m.title(), m.description(), m.kind().name(), m.level().name(), m.origin().type().name(),
                m.origin().key(), m.origin().description(), String.join(", ", m.complaintReferences()), m.owner(),
                m.dueOn() == null ? null : m.dueOn().toString(), m.status().name(),
                m.completedOn() == null ? null : m.completedOn().toString(), null, null).values();
    }

    static Read<NewMeasure> measure(MeasureForm f, java.util.Locale locale) {
        FieldErrors parse = new FieldErrors();
        MeasureKind kind = parse.optionalEnum("kind", f.kind(), MeasureKind.class);
        MeasureLevel level = parse.optionalEnum("level", f.level(), MeasureLevel.class);
        MeasureStatus status = parse.optionalEnum("status", f.status(), MeasureStatus.class);
        OriginType type = parse.optionalEnum("originType", f.originType(), OriginType.class);
        LocalDate dueOn = parse.optionalDate("dueOn", f.dueOn());
        LocalDate completedOn = parse.optionalDate("completedOn", f.completedOn());
        Map<String, String> errors = errorsOf(parse, locale);
        // The key belongs to a breach or a trend; one left behind after choosing another origin is not an answer.
        String key = type == OriginType.KPI_BREACH || type == OriginType.TREND ? f.originKey() : null;
        Origin origin = null;
        try {
            origin = new Origin(type, key, f.originDescription());
        } catch (InvalidInputException e) {
            e.fieldErrors(locale).forEach(errors::putIfAbsent);
        }
        try {
            NewMeasure m = new NewMeasure(f.title(), f.description(), kind, level, origin, references(f.complaints()),
                    f.owner(), dueOn, status, completedOn);
            if (errors.isEmpty()) {
                return new Read<>(m, Map.of());
            }
        } catch (InvalidInputException e) {
            boolean originShown = origin == null;
            e.fieldErrors(locale).forEach((field, message) -> {
                if (!(originShown && field.equals("origin"))) {
                    errors.putIfAbsent(field, message);
                }
            });
        }
        return new Read<>(null, errors);
    }

    static Read<Review> review(ReviewForm f, java.util.Locale locale) {
        FieldErrors parse = new FieldErrors();
        LocalDate on = parse.requiredDate("reviewedOn", f.reviewedOn());
        Effectiveness effective = parse.optionalEnum("effective", f.effective(), Effectiveness.class);
        Integer year = null;
        if (f.year() == null || f.year().isBlank()) {
            parse.add("year", "Vul het jaar van de directiebeoordeling in.");
        } else if (!f.year().strip().matches("\\d{4}")) {
            parse.add("year", "'" + f.year() + "' is geen jaartal.");
        } else {
            year = Integer.valueOf(f.year().strip());
        }
        Map<String, String> errors = errorsOf(parse, locale);
        try {
            // Placeholders where parsing failed, so that the record still reports its own problems.
            Review r = new Review(on == null ? LocalDate.of(2000, 1, 1) : on, year == null ? 2000 : year, effective,
                    f.notes(), null);
            if (errors.isEmpty()) {
                return new Read<>(r, Map.of());
            }
        } catch (InvalidInputException e) {
            e.fieldErrors(locale).forEach(errors::putIfAbsent);
        }
        return new Read<>(null, errors);
    }

    /**
     * Complaint references as typed (separated by commas, semicolons, spaces or new lines), in capitals and each
     * once, as the register keeps them.
     */
    static List<String> references(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[,;\\s]+")).filter(s -> !s.isBlank())
                .map(s -> s.toUpperCase(java.util.Locale.ROOT)).distinct().toList();
    }

    /** The version number the form was loaded with; -1 when absent or unreadable, which no measure has. */
    static int rowVersion(@Nullable String value) {
        Integer v = PageForms.version(value);
        return v == null ? -1 : v;
    }

    private static Map<String, String> errorsOf(FieldErrors parse, java.util.Locale locale) {
        try {
            parse.throwIfAny();
            return new LinkedHashMap<>();
        } catch (InvalidInputException e) {
            return new LinkedHashMap<>(e.fieldErrors(locale));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
