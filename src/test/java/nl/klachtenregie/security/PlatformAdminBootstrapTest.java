package nl.klachtenregie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

/**
 * Production has no default password: without demo mode there are no users, and the first platform administrator
 * comes from the environment, once.
 */
class PlatformAdminBootstrapTest {

    private static Map<String, Object> production() {
        Map<String, Object> props = new HashMap<>(TestDatabase.freshSchemaProperties());
        props.put("klachtenregie.demo.enabled", "false");
        return props;
    }

    @Test
    void withoutDemoModeAndWithoutAnAdministratorSetNobodyCanLogIn() {
        try (ApplicationContext ctx = ApplicationContext.run(production())) {
            UserDirectory users = ctx.getBean(UserDirectory.class);
            TenantDirectory tenants = ctx.getBean(TenantDirectory.class);
            assertFalse(users.anyPlatformAdmin());
            for (String slug : tenants.slugs()) {
                assertFalse(users.anyUserOf(tenants.resolve(slug).id()), slug + " has users");
            }
            assertTrue(users.findByUsername("impuls.medewerker").isEmpty());
        }
    }

    @Test
    void theFirstPlatformAdministratorComesFromTheEnvironment() {
        Map<String, Object> props = production();
        props.put("klachtenregie.platform-admin.username", "beheer");
        props.put("klachtenregie.platform-admin.password", "een-lang-geheim-wachtwoord");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            UserDirectory users = ctx.getBean(UserDirectory.class);
            UserAccount admin = users.findByUsername("beheer").orElseThrow();
            assertEquals(Set.of(Role.PLATFORM_ADMIN), admin.roles());
            assertEquals(null, admin.tenant());
            String hash = users.passwordHash(admin.id()).orElseThrow();
            assertTrue(hash.startsWith("$2a$"), "stored as a bcrypt hash");
            assertFalse(hash.contains("een-lang-geheim-wachtwoord"));
        }
    }

    @Test
    void aWeakAdministratorPasswordStopsTheStartWithTheReason() {
        Map<String, Object> props = production();
        props.put("klachtenregie.platform-admin.username", "beheer");
        props.put("klachtenregie.platform-admin.password", "kort");
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(props).close());
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof nl.klachtenregie.shared.InvalidInputException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof nl.klachtenregie.shared.InvalidInputException, e.toString());
        assertTrue(((nl.klachtenregie.shared.InvalidInputException) cause).fieldErrors().get("password")
                .contains("minstens 10 tekens"));
    }
}
