package nl.klachtenregie.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import nl.klachtenregie.shared.InvalidInputException;

/** Collects every field error of a form so the user sees them all at once, not one per try. */
public final class FieldErrors {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;

    private final Map<String, String> errors = new LinkedHashMap<>();

    public <E extends Enum<E>> E requiredEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            errors.put(field, "verplicht; kies uit " + names(type));
            return null;
        }
        return optionalEnum(field, value, type);
    }

    public <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
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

    public LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.put(field, "verplicht (datum als JJJJ-MM-DD)");
            return null;
        }
        return optionalDate(field, value);
    }

    public LocalDate optionalDate(String field, String value) {
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
    public Boolean optionalBoolean(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        errors.put(field, "gebruik true of false (niet '" + value + "')");
        return null;
    }

    public Integer optionalInteger(String field, Object value, int min, int max) {
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

    public String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.put(field, "verplicht");
            return null;
        }
        return optionalText(field, value, maxLength);
    }

    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            errors.put(field, "te lang (hoogstens " + maxLength + " tekens)");
            return null;
        }
        return value.strip();
    }

    /**
     * The violations of a form's field annotations, one message per field. The message is the constraint's own
     * ({@code message} attribute: a literal or a message key of the page's bundle), so users read the same words as
     * when the rules were written out in code. Where a field breaks several rules the first that code would have
     * checked wins: missing, then too long, then the format; a field that already has an error keeps it.
     */
    public void addViolations(Collection<? extends ConstraintViolation<?>> violations) {
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString())
                        .thenComparingInt(v -> rank(v.getConstraintDescriptor().getAnnotation())))
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
    }

    /** The errors so far, field by field, for pages that show message keys rather than throw. */
    public Map<String, String> asMap() {
        return new LinkedHashMap<>(errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    private static int rank(Annotation constraint) {
        if (constraint instanceof NotNull || constraint instanceof NotBlank) {
            return 0;
        }
        return constraint instanceof Size ? 1 : 2;
    }

    public void add(String field, String message) {
        errors.put(field, message);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
