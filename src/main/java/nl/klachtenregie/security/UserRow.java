package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Gebruiker as stored: one row of {@code app_user}. The column {@code created_at} is left to the database.
 *
 * @param tenantId null only for a platform administrator
 * @param roles the role names, comma-separated
 * @param credentialsVersion raised by every password reset, which ends the sessions started before it
 */
@MappedEntity("app_user")
record UserRow(@Id @GeneratedValue @Nullable Long id, @Nullable Long tenantId, String username, String displayName,
               String passwordHash, String roles, boolean active, int credentialsVersion, @Nullable String email) {
}
