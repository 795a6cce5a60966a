package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Wijziging binnen een correctie as stored: one row of {@code complaint_correction_change}.
 *
 * @param kind {@link Correction.Kind}: a corrected field, a term that moved, or the regulation version
 * @param fieldName the field's API name ({@code complainant.email}), the duty's code, or {@code regulationVersion}
 * @param label what a term promises in words (the obligation's label), else null
 * @param oldValue the value before, as text (ISO date, code, "true"/"false"); null for none
 * @param newValue the value after, as text; null for none
 */
@MappedEntity("complaint_correction_change")
record CorrectionChangeRow(@Id @GeneratedValue @Nullable Long id,
                           long tenantId,
                           long correctionId,
                           int seq,
                           Correction.Kind kind,
                           String fieldName,
                           @Nullable String label,
                           @Nullable String oldValue,
                           @Nullable String newValue) {
}
