package nl.klachtenregie.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.shared.InvalidInputException;

/** Collects every field error of a form so the user sees them all at once, not one per try. */
final class FieldErrors {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    private final Map<String, String> errors = new LinkedHashMap<>();

    <E extends Enum<E>> E requiredEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            errors.put(field, "verplicht; kies uit " + names(type));
            return null;
        }
        return optionalEnum(field, value, type);
    }

    <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip())) {
                return e;
            }
        }
        errors.put(field, "onbekende waarde '" + value + "'; kies uit " + names(type));
        return null;
    }

    LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.put(field, "verplicht (datum als JJJJ-MM-DD)");
            return null;
        }
        return optionalDate(field, value);
    }

    LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // ISO allows years like -5000 or +999999999, which the database would silently mangle.
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                errors.put(field, "'" + value + "' ligt buiten " + MIN_YEAR + "-" + MAX_YEAR);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + value + "' is geen geldige datum (JJJJ-MM-DD)");
            return null;
        }
    }

    /** JSON true/false only: "ja" or 1 is an error, not a silent false that would lose a registration duty. */
    Boolean optionalBoolean(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        errors.put(field, "gebruik true of false (niet '" + value + "')");
        return null;
    }

    Integer optionalInteger(String field, Object value, int min, int max) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() >= min && n.longValue() <= max) {
            return n.intValue();
        }
        errors.put(field, "een geheel getal van " + min + " tot en met " + max + " (niet '" + value + "')");
        return null;
    }

    String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.put(field, "verplicht");
            return null;
        }
        return optionalText(field, value, maxLength);
    }

    String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            errors.put(field, "te lang (hoogstens " + maxLength + " tekens)");
            return null;
        }
        return value.strip();
    }

    /** A case id from a path: a positive number, else 400 naming the value. */
    static ComplaintId complaintId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return new ComplaintId(value);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw InvalidInputException.of("id", "'" + id + "' is geen geldig dossiernummer");
    }

    void add(String field, String message) {
        errors.put(field, message);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
