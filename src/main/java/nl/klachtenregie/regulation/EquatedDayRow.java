package nl.klachtenregie.regulation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/**
 * Gelijkgestelde dag as stored: one row of {@code equated_day}, platform-wide. The column {@code created_at} is left
 * to the database.
 *
 * @param addedBy the platform administrator who added it; null for a day of the bundled list
 */
@MappedEntity("equated_day")
record EquatedDayRow(@Id LocalDate equatedOn, String source, @Nullable String addedBy) {
}
