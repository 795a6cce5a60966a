package nl.klachtenregie.web;

import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.shared.Text;

/**
 * The signed-in user's own tenant, which the path must name. The tenant access rule has already refused any other
 * slug; the administration pages check again, so a page can never act on a tenant taken from the path alone.
 */
public final class OwnTenant {

    private OwnTenant() {
    }

    public static Tenant of(TenantDirectory tenants, String pathTenant, CurrentUser me) {
        if (me.tenantSlug() == null || !me.tenantSlug().equals(pathTenant)) {
            throw new NotFoundException(Text.of("error.tenant.notYours"));
        }
        return tenants.resolve(me.tenantSlug());
    }
}
