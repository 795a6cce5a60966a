package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.Set;
import nl.klachtenregie.tenant.TenantId;

/**
 * Gebruiker: an account of one tenant ({@code email}: where reminders and notices reach them, or null) ({@code tenant} null only for a platform administrator), with roles.
 * The password hash never leaves the security package.
 */
public record UserAccount(UserId id, @Nullable TenantId tenant, String username, String displayName, Set<Role> roles,
                          boolean active, @Nullable String email) {
    public UserAccount(UserId id, @Nullable TenantId tenant, String username, String displayName, Set<Role> roles,
                       boolean active) {
        this(id, tenant, username, displayName, roles, active, null);
    }

    public UserAccount {
        email = email == null || email.isBlank() ? null : email.strip();
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        if (tenant == null && !roles.equals(Set.of(Role.PLATFORM_ADMIN))) {
            throw new IllegalArgumentException("a user without a tenant can only be a platform administrator");
        }
        if (tenant != null && roles.contains(Role.PLATFORM_ADMIN)) {
            throw new IllegalArgumentException("a platform administrator belongs to no tenant");
        }
    }

    public boolean handlesCases() {
        return roles.contains(Role.STAFF) || roles.contains(Role.MANAGER);
    }
}
