package nl.klachtenregie.profile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Nieuwe organisatie: the platform administrator creates a tenant with its first administrator in one step, both
 * or neither; the administrator logs in to an empty tenant with a starter profile.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantOnboardingPageTest extends PageTestSupport {

    private static final String PASSWORD = "een-lang-wachtwoord";

    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;
    @Inject
    AuditLog audit;

    @Test
    void thePlatformAdministratorCreatesATenantWhoseAdministratorLogsInToAnEmptyTenant() {
        PageSession platform = loggedInAs("platform.beheerder");
        Page overview = platform.get("/platform");
        assertTrue(overview.contains("id=\"new-tenant-form\""));
        Page r = platform.post("/platform/organisaties", newTenant("de-linde", "Stichting De Linde", "linde.beheer"));
        assertEquals(303, r.status(), r.body());
        assertEquals("/platform?gedaan=organisatie", r.location());
        Page after = platform.get(r.location());
        assertNotNull(textOf(after.body(), "admin-done"));
        assertTrue(after.contains("data-slug=\"de-linde\" data-users=\"1\""), "listed with its one user");

        Tenant tenant = tenants.resolve("de-linde");
        assertEquals(TenantProfile.starter("de-linde", "Stichting De Linde"), tenant.profile());
        assertEquals(List.of("EMPLOYEE", "TEAM_LEAD", "DIRECTOR"), tenant.profile().levelCodes());
        assertEquals("Overige klachten", tenant.profile().categories().get(0).name());
        UserAccount admin = users.findByUsername("linde.beheer").orElseThrow();
        assertEquals(tenant.id(), admin.tenant());
        assertEquals(Set.of(Role.ADMIN), admin.roles());

        AuditLog.Entry entry = audit.recent(tenant.id(), 5).get(0);
        assertEquals("TENANT_CREATED", entry.action());
        assertEquals("platform.beheerder", entry.actor());
        assertTrue(entry.detail().contains("linde.beheer"), entry.detail());

        PageSession linde = anonymous();
        linde.get("/login");
        assertEquals("/", linde.post("/login", Map.of("username", "linde.beheer", "password", PASSWORD)).location());
        assertEquals("/t/de-linde/gebruikers", linde.get("/").location());
        Page users = linde.get("/t/de-linde/gebruikers");
        assertEquals(200, users.status());
        assertEquals(List.of("linde.beheer"), all(users.body(), "data-username=\"([^\"]+)\""), "only its administrator");
        Page profile = linde.get("/t/de-linde/beheer/profiel");
        assertEquals(200, profile.status());
        assertEquals("OVERIG", PostedForm.of(profile.body(), "profile-form").get("categories-0-code"));
        assertTrue(profile.contains("Stichting De Linde</span>"), "the header names the new tenant");
    }

    @Test
    void aTakenSlugIsAConflictAtTheSlugField() {
        PageSession platform = loggedInAs("platform.beheerder");
        platform.get("/platform");
        Page r = platform.post("/platform/organisaties", newTenant("impuls", "Nog een Impuls", "impuls2.beheer"));
        assertEquals(409, r.status());
        assertTrue(textOf(r.body(), "error-tenant-slug").contains("al een organisatie"));
        assertTrue(r.contains("value=\"Nog een Impuls\""), "the form keeps what was typed");
        assertTrue(users.findByUsername("impuls2.beheer").isEmpty());
        assertEquals("Impuls, welzijn en Educatie", tenants.resolve("impuls").profile().name());
    }

    @Test
    void anInvalidSlugOrAdministratorIsA400AtItsFieldAndNothingIsCreated() {
        PageSession platform = loggedInAs("platform.beheerder");
        platform.get("/platform");
        Map<String, String> form = newTenant("Niet Geldig!", " ", "X");
        form.put("password", "kort");
        form.put("passwordConfirmation", "anders");
        Page r = platform.post("/platform/organisaties", form);
        assertEquals(400, r.status());
        for (String field : List.of("slug", "name", "username", "password", "passwordConfirmation")) {
            assertNotNull(textOf(r.body(), "error-tenant-" + field), () -> "no error for " + field);
        }
        assertTrue(r.contains("value=\"Niet Geldig!\""));
        assertTrue(tenants.find("niet-geldig").isEmpty() && tenants.find("Niet Geldig!").isEmpty());
    }

    @Test
    void aTakenUserNameCreatesNeitherTheTenantNorTheUser() {
        PageSession platform = loggedInAs("platform.beheerder");
        platform.get("/platform");
        Page r = platform.post("/platform/organisaties", newTenant("half-werk", "Half Werk", "impuls.medewerker"));
        assertEquals(409, r.status());
        assertNotNull(textOf(r.body(), "error-tenant-username"));
        assertTrue(tenants.find("half-werk").isEmpty(), "no tenant without its administrator");
        // and the slug is free for a second try
        assertEquals(303, platform.post("/platform/organisaties", newTenant("half-werk", "Half Werk",
                "half.beheer")).status());
        assertTrue(tenants.find("half-werk").isPresent());
    }

    @Test
    void onlyThePlatformAdministratorCreatesTenantsAndOnlyWithTheCsrfToken() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        assertEquals(403, admin.post("/platform/organisaties", newTenant("stiekem", "Stiekem", "stiekem.b")).status());
        PageSession platform = loggedInAs("platform.beheerder");
        platform.get("/platform");
        Map<String, String> forged = newTenant("vervalst", "Vervalst", "vervalst.b");
        forged.put("csrfToken", "niet-de-echte");
        assertEquals(403, platform.post("/platform/organisaties", forged).status());
        assertTrue(tenants.find("stiekem").isEmpty() && tenants.find("vervalst").isEmpty());
    }

    private static Map<String, String> newTenant(String slug, String name, String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("slug", slug);
        form.put("name", name);
        form.put("username", username);
        form.put("displayName", "Eerste Beheerder");
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        return form;
    }
}
