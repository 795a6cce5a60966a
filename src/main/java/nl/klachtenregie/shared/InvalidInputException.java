package nl.klachtenregie.shared;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Ongeldige invoer: the request is malformed (answered with 400 and one message per field). */
public class InvalidInputException extends RuntimeException {

    private final transient Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("Ongeldige invoer: " + fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public List<String> fields() {
        return fieldErrors.keySet().stream().sorted().toList();
    }
}
