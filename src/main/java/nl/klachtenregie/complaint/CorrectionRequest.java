package nl.klachtenregie.complaint;

import java.util.Map;

/**
 * Correctieverzoek: the fields of intake to correct, by their API name ({@link Corrections#FIELDS}: {@code kind},
 * {@code receivedOn}, {@code complainant.email}, ...) with their new value as text (a date as yyyy-MM-dd, a code, a
 * boolean as true/false; null or blank clears an optional field), the case's row version the change is based on, and
 * why. A field posted with the value it already has is no change.
 *
 * @param expectedVersion {@link CaseView#version()} as the user saw it; required
 * @param reason required when the kind, the received date or the category changes
 */
public record CorrectionRequest(Map<String, String> changes, Integer expectedVersion, String reason) {

    public CorrectionRequest {
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(changes));
    }
}
