package nl.klachtenregie.profile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gebruikersbeheer: a tenant administrator manages the accounts of their own tenant only, and the platform
 * administrator makes a tenant's first administrator.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdminControllerTest extends PageTestSupport {

    private static final String PASSWORD = "een-lang-wachtwoord";

    @Inject
    UserDirectory users;

    @Inject
    TenantDirectory tenants;

    @Inject
    nl.klachtenregie.audit.AuditLog audit;

    private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anAdministratorCreatesAUserWhoCanThenLogIn() {
        PageSession admin = loggedInAs("impuls.beheerder");
        Page list = admin.get("/t/impuls/gebruikers");
        assertEquals(200, list.status());
        assertTrue(list.contains("data-username=\"impuls.medewerker\""), "the tenant's users are listed");
        assertTrue(list.contains("Medewerker (behandelaar)"), "roles are shown in Dutch");
        assertTrue(list.contains("href=\"/t/impuls/gebruikers\" aria-current=\"page\""), "the menu shows where we are");

        Page created = admin.post("/t/impuls/gebruikers", newUser("impuls.nina", "Nina Nieuw", "STAFF"));
        assertEquals(303, created.status(), created.body());
        assertEquals("/t/impuls/gebruikers?gedaan=aangemaakt", created.location());
        Page after = admin.get(created.location());
        assertNotNull(textOf(after.body(), "admin-done"));
        assertTrue(after.contains("data-username=\"impuls.nina\""));

        PageSession nina = loggedInWith("impuls.nina", PASSWORD);
        assertEquals("/t/impuls/werk", nina.get("/").location());
        UserAccount stored = users.findByUsername("impuls.nina").orElseThrow();
        assertEquals(Set.of(Role.STAFF), stored.roles());
        assertEquals(tenants.resolve("impuls").id(), stored.tenant());
        assertTrue(audit.recent(stored.tenant(), 20).stream().anyMatch(e -> e.action().equals("USER_CREATED")
                && e.subject().equals("impuls.nina") && e.actor().equals("impuls.beheerder")
                && e.detail().contains("STAFF") && !e.detail().contains(PASSWORD)), "the change is in the log");
    }

    @Test
    void severalTickedRolesArriveTogether() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        String body = "username=impuls.twee&displayName=Twee+Rollen&password=" + PASSWORD + "&passwordConfirmation="
                + PASSWORD + "&roles=MANAGER&roles=COMPLIANCE&csrfToken=" + enc(admin.csrfToken());
        assertEquals(303, postBody(admin, "/t/impuls/gebruikers", body).statusCode());
        assertEquals(Set.of(Role.MANAGER, Role.COMPLIANCE),
                users.findByUsername("impuls.twee").orElseThrow().roles());
    }

    @Test
    void aFieldPostedTwiceIsABadRequestNotAnError() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        String body = "username=impuls.dubbel-een&username=impuls.dubbel-twee&displayName=Dubbel&password=" + PASSWORD
                + "&passwordConfirmation=" + PASSWORD + "&roles=STAFF&csrfToken=" + enc(admin.csrfToken());
        HttpResponse<String> r = postBody(admin, "/t/impuls/gebruikers", body);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(users.findByUsername("impuls.dubbel-een").isEmpty()
                && users.findByUsername("impuls.dubbel-twee").isEmpty());
    }

    @Test
    void validationErrorsAreShownNextToTheirFieldsWith400() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "Niet Geldig!");
        form.put("displayName", " ");
        form.put("password", "kort");
        form.put("passwordConfirmation", "anders");
        Page r = admin.post("/t/impuls/gebruikers", form);
        assertEquals(400, r.status());
        for (String field : List.of("username", "displayName", "password", "passwordConfirmation", "roles")) {
            assertNotNull(textOf(r.body(), "error-" + field), () -> "no error for " + field + " in " + r.body());
        }
        assertTrue(r.body().matches("(?s).*<input id=\"username\"[^>]*aria-describedby=\"[^\"]*error-username.*"),
                "the error is linked to its field");
        assertTrue(r.contains("value=\"Niet Geldig!\""), "the form keeps what was typed");
        assertFalse(r.contains("value=\"kort\""), "but never a password");
        assertTrue(users.findByUsername("niet geldig!").isEmpty());

        Page mismatch = admin.post("/t/impuls/gebruikers",
                Map.of("username", "impuls.mis", "displayName", "Mis", "password", PASSWORD,
                        "passwordConfirmation", PASSWORD + "x", "roles", "STAFF"));
        assertEquals(400, mismatch.status());
        assertNotNull(textOf(mismatch.body(), "error-passwordConfirmation"));
        assertNull(textOf(mismatch.body(), "error-password"));
        assertTrue(users.findByUsername("impuls.mis").isEmpty());
    }

    @Test
    void aTakenUserNameIsAConflictWith409() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        // also a name of another tenant: names are unique on the whole platform
        Page r = admin.post("/t/impuls/gebruikers", newUser("klimkoord.medewerker", "Dubbel", "STAFF"));
        assertEquals(409, r.status());
        assertTrue(textOf(r.body(), "error-username").contains("al in gebruik"));
        assertEquals("Mila Medewerker", users.findByUsername("klimkoord.medewerker").orElseThrow().displayName());
    }

    @Test
    void aTenantAdministratorCannotMakeAPlatformAdministrator() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        Page r = admin.post("/t/impuls/gebruikers", newUser("impuls.superuser", "Super", "PLATFORM_ADMIN"));
        assertEquals(400, r.status());
        assertNotNull(textOf(r.body(), "error-roles"));
        assertTrue(users.findByUsername("impuls.superuser").isEmpty());
        assertFalse(admin.get("/t/impuls/gebruikers").contains("value=\"PLATFORM_ADMIN\""), "not even offered");
    }

    @Test
    void onlyTheTenantAdministratorManagesUsers() {
        for (String user : List.of("impuls.medewerker", "impuls.leidinggevende", "impuls.kwaliteit")) {
            PageSession s = loggedInAs(user);
            assertEquals(403, s.get("/t/impuls/gebruikers").status(), user);
            s.get("/login");
            assertEquals(403, s.post("/t/impuls/gebruikers", newUser("impuls.via-" + user.substring(7), "X", "ADMIN"))
                    .status(), user);
        }
        assertTrue(users.findByUsername("impuls.via-medewerker").isEmpty());
        PageSession platform = loggedInAs("platform.beheerder");
        assertEquals(403, platform.get("/t/impuls/gebruikers").status(), "the platform admin sees no tenant pages");
        assertEquals(403, loggedInAs("impuls.beheerder").get("/platform").status());
        assertEquals(303, anonymous().get("/t/impuls/gebruikers").status());
    }

    @Test
    void anAdministratorCannotTouchAnotherTenantsUsersWhateverTheUrlOrId() {
        PageSession admin = loggedInAs("impuls.beheerder");
        assertEquals(403, admin.get("/t/klimkoord/gebruikers").status());
        UserAccount other = users.findByUsername("klimkoord.medewerker").orElseThrow();
        UserAccount platform = users.findByUsername("platform.beheerder").orElseThrow();
        admin.get("/t/impuls/gebruikers");
        assertEquals(403, admin.post("/t/klimkoord/gebruikers/" + other.id().value() + "/deactiveren", Map.of())
                .status());
        for (UserAccount target : List.of(other, platform)) {
            long id = target.id().value();
            assertEquals(404, admin.post("/t/impuls/gebruikers/" + id + "/deactiveren", Map.of()).status());
            assertEquals(404, admin.post("/t/impuls/gebruikers/" + id + "/ontgrendelen", Map.of()).status());
            assertEquals(404, admin.post("/t/impuls/gebruikers/" + id + "/wachtwoord",
                    Map.of("password", "overgenomen-wachtwoord", "passwordConfirmation", "overgenomen-wachtwoord"))
                    .status());
            assertEquals(404, admin.get("/t/impuls/gebruikers/" + id + "/wachtwoord").status());
            assertTrue(users.findByUsername(target.username()).orElseThrow().active());
        }
        // the other tenant's user still logs in with the old password
        assertEquals("/", anonymousLogin("klimkoord.medewerker", DEMO_PASSWORD).location());
        assertEquals("/", anonymousLogin("platform.beheerder", DEMO_PASSWORD).location());
    }

    @Test
    void aDeactivatedUserCannotLogInUntilReactivated() {
        UserAccount u = createUser("impuls.tijdelijk");
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        Page r = admin.post("/t/impuls/gebruikers/" + u.id().value() + "/deactiveren", Map.of());
        assertEquals(303, r.status());
        assertEquals("/t/impuls/gebruikers?gedaan=gedeactiveerd", r.location());
        assertTrue(admin.get(r.location()).contains("data-username=\"impuls.tijdelijk\" data-id=\"" + u.id().value()
                + "\" data-active=\"false\""));
        assertEquals("/login?fout=1", anonymousLogin("impuls.tijdelijk", PASSWORD).location());

        assertEquals(303, admin.post("/t/impuls/gebruikers/" + u.id().value() + "/activeren", Map.of()).status());
        assertEquals("/", anonymousLogin("impuls.tijdelijk", PASSWORD).location());
        List<String> logged = audit.recent(u.tenant(), 20).stream().filter(e -> e.subject().equals("impuls.tijdelijk"))
                .map(e -> e.action()).toList();
        assertTrue(logged.containsAll(List.of("USER_DEACTIVATED", "USER_ACTIVATED")), logged.toString());
    }

    @Test
    void anAdministratorCannotDeactivateThemselves() {
        UserAccount me = users.findByUsername("kwaliteitsprocedure-6-5.beheerder").orElseThrow();
        PageSession admin = loggedInAs(me.username());
        Page list = admin.get("/t/kwaliteitsprocedure-6-5/gebruikers");
        assertFalse(list.contains("/gebruikers/" + me.id().value() + "/deactiveren"), "no button for oneself");
        Page r = admin.post("/t/kwaliteitsprocedure-6-5/gebruikers/" + me.id().value() + "/deactiveren", Map.of());
        assertEquals(422, r.status());
        assertTrue(users.findByUsername(me.username()).orElseThrow().active());
    }

    @Test
    void anAdministratorSetsANewPassword() {
        UserAccount u = createUser("impuls.vergeetachtig");
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = "/t/impuls/gebruikers/" + u.id().value() + "/wachtwoord";
        Page form = admin.get(path);
        assertEquals(200, form.status());
        Page weak = admin.post(path, Map.of("password", "kort", "passwordConfirmation", "kort"));
        assertEquals(400, weak.status());
        assertNotNull(textOf(weak.body(), "error-password"));
        Page r = admin.post(path, Map.of("password", "nieuw-en-lang-genoeg", "passwordConfirmation",
                "nieuw-en-lang-genoeg"));
        assertEquals(303, r.status(), r.body());
        assertEquals("/t/impuls/gebruikers?gedaan=wachtwoord", r.location());
        assertEquals("/login?fout=1", anonymousLogin("impuls.vergeetachtig", PASSWORD).location());
        assertEquals("/", anonymousLogin("impuls.vergeetachtig", "nieuw-en-lang-genoeg").location());
    }

    @Test
    void aLockedNameIsShownAndCanBeUnlocked() {
        UserAccount u = createUser("impuls.geblokkeerd");
        for (int i = 0; i < 5; i++) {
            anonymousLogin("impuls.geblokkeerd", "fout-wachtwoord-" + i);
        }
        assertEquals("/login?fout=1", anonymousLogin("impuls.geblokkeerd", PASSWORD).location(), "locked");
        PageSession admin = loggedInAs("impuls.beheerder");
        Page list = admin.get("/t/impuls/gebruikers");
        assertTrue(list.contains("data-id=\"" + u.id().value() + "\" data-active=\"true\" data-locked=\"true\""));
        Page r = admin.post("/t/impuls/gebruikers/" + u.id().value() + "/ontgrendelen", Map.of());
        assertEquals(303, r.status());
        assertEquals("/t/impuls/gebruikers?gedaan=ontgrendeld", r.location());
        assertEquals("/", anonymousLogin("impuls.geblokkeerd", PASSWORD).location());
    }

    @Test
    void aUserAdministrationPostWithoutCsrfTokenIsRefused() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        Map<String, String> form = newUser("impuls.zonder-token", "Zonder Token", "STAFF");
        Page r = admin.postRaw("/t/impuls/gebruikers", form);
        assertEquals(403, r.status());
        Map<String, String> wrong = new LinkedHashMap<>(form);
        wrong.put("csrfToken", "niet-het-goede-token");
        assertEquals(403, admin.postRaw("/t/impuls/gebruikers", wrong).status());
        assertTrue(users.findByUsername("impuls.zonder-token").isEmpty());
        UserAccount target = createUser("impuls.blijft-actief");
        for (String action : List.of("deactiveren", "ontgrendelen")) {
            assertEquals(403, admin.postRaw("/t/impuls/gebruikers/" + target.id().value() + "/" + action, Map.of())
                    .status(), action);
        }
        assertEquals(403, admin.postRaw("/t/impuls/gebruikers/" + target.id().value() + "/wachtwoord",
                Map.of("password", "overgenomen-wachtwoord", "passwordConfirmation", "overgenomen-wachtwoord"))
                .status());
        assertTrue(users.findByUsername("impuls.blijft-actief").orElseThrow().active());
        assertEquals("/", anonymousLogin("impuls.blijft-actief", PASSWORD).location());
    }

    @Test
    void thePlatformAdministratorCreatesTheFirstAdministratorOfATenant() {
        TenantProfile p = tenants.resolve("impuls").profile();
        Tenant fresh = tenants.create(new TenantProfile("stichting-nieuw", "Stichting Nieuw", p.contact(),
                p.complaintAddress(), p.holidayCalendar(), p.extraClosedDays(), p.escalationLadder(),
                p.externalBodies(), p.categories(), p.serviceLines(), List.of()));
        PageSession platform = loggedInAs("platform.beheerder");
        assertEquals("/platform", platform.get("/").location());
        Page overview = platform.get("/platform");
        assertEquals(200, overview.status());
        assertTrue(overview.contains("<tr data-slug=\"stichting-nieuw\" data-users=\"0\">"));
        assertTrue(overview.contains("<tr data-slug=\"impuls\" data-users=\""));
        assertFalse(overview.contains("/klachten"), "no complaint data or links for the platform administrator");

        Page bad = platform.post("/platform/beheerders", Map.of("tenant", "bestaat-niet", "username", "x",
                "displayName", "", "password", "kort", "passwordConfirmation", "kort"));
        assertEquals(400, bad.status());
        for (String field : List.of("tenant", "username", "displayName", "password")) {
            assertNotNull(textOf(bad.body(), "error-" + field), () -> "no error for " + field);
        }

        Page r = platform.post("/platform/beheerders", Map.of("tenant", "stichting-nieuw", "username",
                "nieuw.beheerder", "displayName", "Nora Nieuw", "password", PASSWORD, "passwordConfirmation",
                PASSWORD));
        assertEquals(303, r.status(), r.body());
        assertEquals("/platform?gedaan=beheerder", r.location());
        assertTrue(platform.get(r.location()).contains("<tr data-slug=\"stichting-nieuw\" data-users=\"1\">"));
        UserAccount created = users.findByUsername("nieuw.beheerder").orElseThrow();
        assertEquals(fresh.id(), created.tenant());
        assertEquals(Set.of(Role.ADMIN), created.roles());

        PageSession nora = loggedInWith("nieuw.beheerder", PASSWORD);
        assertEquals("/t/stichting-nieuw/gebruikers", nora.get("/").location());
        assertEquals(200, nora.get("/t/stichting-nieuw/gebruikers").status());
        Page dup = platform.post("/platform/beheerders", Map.of("tenant", "stichting-nieuw", "username",
                "nieuw.beheerder", "displayName", "Nog Een", "password", PASSWORD, "passwordConfirmation", PASSWORD));
        assertEquals(409, dup.status());
        assertNotNull(textOf(dup.body(), "error-username"));
    }

    @Test
    void thePagesAreTranslatedAndLabelled() {
        PageSession admin = loggedInAs("impuls.beheerder");
        Page nl = admin.get("/t/impuls/gebruikers");
        for (String id : all(nl.body(), "<input id=\"([^\"]+)\"")) {
            assertTrue(nl.contains("<label for=\"" + id + "\""), () -> "no label for " + id);
        }
        assertFalse(nl.body().matches("(?s).*>admin\\.[a-zA-Z.]+<.*"), "no untranslated keys");
        createUser("impuls.formulieren");
        Page withRows = admin.get("/t/impuls/gebruikers");
        List<String> forms = all(withRows.body(), "(<form method=\"post\".*?</form>)");
        assertTrue(forms.size() > 5, "a form per action");
        for (String form : forms) {
            assertTrue(form.contains("name=\"csrfToken\" value=\"" + admin.csrfToken() + "\""), form);
            assertTrue(form.matches("(?s).*<button type=\"submit\"[^>]*>[^<\\s][^<]*</button>.*"), form);
        }
        admin.get("/taal/en?terug=/t/impuls/gebruikers");
        Page en = admin.get("/t/impuls/gebruikers");
        assertTrue(en.contains("Add user"), en.body());
        assertTrue(en.contains("Staff member (case handler)"));
    }

    private Map<String, String> newUser(String username, String displayName, String role) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", displayName);
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("roles", role);
        return form;
    }

    private UserAccount createUser(String username) {
        return users.create(tenants.resolve("impuls").id(), username, "Test " + username, PASSWORD,
                Set.of(Role.STAFF));
    }

    private Page anonymousLogin(String username, String password) {
        PageSession s = anonymous();
        s.get("/login");
        return s.post("/login", Map.of("username", username, "password", password));
    }

    private PageSession loggedInWith(String username, String password) {
        PageSession s = anonymous();
        s.get("/login");
        assertEquals("/", s.post("/login", Map.of("username", username, "password", password)).location(),
                () -> "login of " + username);
        return s;
    }

    /** Posts an exact form body (e.g. with a repeated name) with the session's cookies. */
    private HttpResponse<String> postBody(PageSession s, String path, String body) {
        try {
            return raw.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .header("Cookie", s.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
