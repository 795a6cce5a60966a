package nl.klachtenregie.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Organisatie as stored: one row of {@code tenant}, its profile as JSON. The column {@code created_at} is left to the
 * database.
 *
 * @param rowVersion raised by every saved profile; a plain column, not a {@code @Version}: the check against an
 *     editor's version is {@code ProfileService}'s, under the tenant's row lock
 */
@MappedEntity("tenant")
record TenantRow(@Id @GeneratedValue @Nullable Long id, String slug, String name, String profileJson,
                 int rowVersion) {
}
