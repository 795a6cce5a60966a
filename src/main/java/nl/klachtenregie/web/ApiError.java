package nl.klachtenregie.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The body of every API error: one message a person can read, the separate reasons, and per-field messages
 * for bad input.
 */
@Serdeable
public record ApiError(int status, String message, List<String> reasons, Map<String, String> fieldErrors) {
}
