package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ingelogde gebruiker: who makes the request, read from the authentication the security filter established.
 * {@code tenantSlug} is null for a platform administrator.
 */
public record CurrentUser(UserId id, String username, String displayName, @Nullable String tenantSlug,
                          Set<Role> roles) {

    static final String ATTR_USER_ID = "userId";
    static final String ATTR_TENANT = "tenant";
    static final String ATTR_NAME = "name";
    static final String ATTR_CREDENTIALS_VERSION = "credentialsVersion";

    public CurrentUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** @throws IllegalStateException when the authentication was not made by this application */
    public static CurrentUser of(Authentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        Object id = authentication.getAttributes().get(ATTR_USER_ID);
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("authentication without user id");
        }
        Object tenant = authentication.getAttributes().get(ATTR_TENANT);
        Object name = authentication.getAttributes().get(ATTR_NAME);
        Set<Role> roles = authentication.getRoles().stream().map(Role::valueOf).collect(Collectors.toSet());
        return new CurrentUser(new UserId(n.longValue()), authentication.getName(),
                name == null ? authentication.getName() : name.toString(), tenant == null ? null : tenant.toString(),
                roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean handlesCases() {
        return has(Role.STAFF) || has(Role.MANAGER);
    }

    /**
     * Toezicht: sees the dashboard, the verbeterregister and the reports (kwaliteitsmanager, leidinggevende,
     * directie).
     */
    public boolean oversees() {
        return has(Role.COMPLIANCE) || has(Role.MANAGER) || has(Role.DIRECTOR);
    }

    public boolean readsCases() {
        return handlesCases() || has(Role.COMPLIANCE);
    }
}
