package nl.klachtenregie.tenant;

import java.util.Objects;

/** Organisatie: a tenant of the platform, resolved from its slug. */
public record Tenant(TenantId id, TenantProfile profile) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
    }

    public String slug() {
        return profile.slug();
    }
}
