package nl.klachtenregie.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ongeldige invoer: the request is malformed (answered with 400 and one message per field). A field's message is a
 * {@link Text}, shown in the reader's language; the exception's message (for the log) and {@link #fieldErrors()}
 * are Dutch.
 */
public class InvalidInputException extends RuntimeException {

    private final transient Map<String, Text> fieldErrors;

    private InvalidInputException(Map<String, Text> fieldErrors, boolean texts) {
        super("Ongeldige invoer: " + fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().dutch())
                .collect(Collectors.joining("; ")));
        Map<String, Text> kept = new LinkedHashMap<>();
        fieldErrors.forEach((field, text) -> kept.put(java.util.Objects.requireNonNull(field),
                java.util.Objects.requireNonNull(text)));
        this.fieldErrors = java.util.Collections.unmodifiableMap(kept);
    }

    /** Messages that are already words (not in a bundle). */
    public InvalidInputException(Map<String, String> fieldErrors) {
        this(plain(fieldErrors), true);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    /** One field's message from the message source, shown in the reader's language. */
    public static InvalidInputException of(String field, Text message) {
        return new InvalidInputException(Map.of(field, message), true);
    }

    /** Messages from the message source (or {@link Text#plain}), one per field. */
    public static InvalidInputException because(Map<String, Text> fieldErrors) {
        return new InvalidInputException(fieldErrors, true);
    }

    private static Map<String, Text> plain(Map<String, String> fieldErrors) {
        Map<String, Text> texts = new LinkedHashMap<>();
        fieldErrors.forEach((field, message) -> texts.put(field, Text.plain(message)));
        return texts;
    }

    /** Each field's message in Dutch. */
    public Map<String, String> fieldErrors() {
        return fieldErrors(Messages.DUTCH);
    }

    /** Each field's message in the reader's language. */
    public Map<String, String> fieldErrors(Locale locale) {
        Map<String, String> shown = new LinkedHashMap<>();
        fieldErrors.forEach((field, text) -> shown.put(field, text.in(locale)));
        return java.util.Collections.unmodifiableMap(shown);
    }

    /** Each field's message as a text, to pass on. */
    public Map<String, Text> texts() {
        return fieldErrors;
    }

    public List<String> fields() {
        return fieldErrors.keySet().stream().sorted().toList();
    }
}
