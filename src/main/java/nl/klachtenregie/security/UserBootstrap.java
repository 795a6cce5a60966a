package nl.klachtenregie.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eerste gebruikers. Production has no default password: the first platform administrator comes from
 * {@code KLACHTENREGIE_PLATFORM_ADMIN_USERNAME} and {@code KLACHTENREGIE_PLATFORM_ADMIN_PASSWORD} when none exists
 * yet. Demo users (one per role per tenant, all with the demo password) are created only when
 * {@code klachtenregie.demo.enabled} is true, as the run command sets it, and only for tenants without users.
 */
@Singleton
class UserBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);

    /** The demo accounts of each tenant: name suffix, display name, roles. */
    record DemoUser(String suffix, String displayName, Set<Role> roles) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("medewerker", "Mila Medewerker", Set.of(Role.STAFF)),
            new DemoUser("leidinggevende", "Lars Leidinggevende", Set.of(Role.MANAGER)),
            new DemoUser("kwaliteit", "Kim Kwaliteitsmanager", Set.of(Role.COMPLIANCE)),
            new DemoUser("beheerder", "Bram Beheerder", Set.of(Role.ADMIN)),
            new DemoUser("directeur", "Dirk Directeur", Set.of(Role.DIRECTOR)));

    private final UserDirectory users;
    private final TenantDirectory tenants;
    private final boolean demo;
    private final String demoPassword;
    private final String adminUsername;
    private final String adminPassword;

    UserBootstrap(UserDirectory users, TenantDirectory tenants,
                  @Value("${klachtenregie.demo.enabled:false}") boolean demo,
                  @Value("${klachtenregie.demo.password:demo-wachtwoord}") String demoPassword,
                  @Value("${klachtenregie.platform-admin.username:}") String adminUsername,
                  @Value("${klachtenregie.platform-admin.password:}") String adminPassword) {
        this.users = users;
        this.tenants = tenants;
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    // After the seed import (order 0), which creates the tenants the demo users belong to.
    @EventListener
    @Order(100)
    void onStartup(StartupEvent event) {
        if (!adminUsername.isBlank() && !users.anyPlatformAdmin()) {
            users.create(null, adminUsername, "Platformbeheerder", adminPassword, Set.of(Role.PLATFORM_ADMIN));
            LOG.info("Platform administrator '{}' created", adminUsername);
        }
        if (!demo) {
            return;
        }
        String hash = null;
        for (String slug : tenants.slugs()) {
            Tenant tenant = tenants.resolve(slug);
            if (users.anyUserOf(tenant.id())) {
                continue;
            }
            if (hash == null) {
                hash = users.checkedHash(demoPassword);
            }
            for (DemoUser d : DEMO_USERS) {
                UserAccount u = users.createWithHash(tenant.id(), slug + "." + d.suffix(), d.displayName(), hash,
                        d.roles());
                // example.org is reserved for examples: demo mail can never reach a real person.
                users.setEmail(tenant.id(), u.id(), u.username() + "@example.org");
            }
            LOG.warn("Demo users created for {} (password '{}'): demo only, never in production", slug,
                    demoPassword);
        }
        if (users.findByUsername("platform.beheerder").isEmpty() && !users.anyPlatformAdmin()) {
            users.createWithHash(null, "platform.beheerder", "Platformbeheerder",
                    hash == null ? users.checkedHash(demoPassword) : hash, Set.of(Role.PLATFORM_ADMIN));
        }
    }
}
