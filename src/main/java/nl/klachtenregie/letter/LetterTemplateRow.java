package nl.klachtenregie.letter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Eigen briefsjabloon as stored: one row of {@code letter_template}, unchecked (a stored template is checked when it
 * is turned into a {@link LetterTemplate}). The column {@code updated_at} is left to the database.
 */
@MappedEntity("letter_template")
record LetterTemplateRow(@Id @GeneratedValue @Nullable Long id, long tenantId, LetterKind kind, String subject,
                         String body) {
}
