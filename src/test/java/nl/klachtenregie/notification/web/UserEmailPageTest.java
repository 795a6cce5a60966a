package nl.klachtenregie.notification.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * E-mailadres van een gebruiker: the administrator gives a new account an address where its reminders go, changes
 * or removes it later, and every change is in the logboek; an address that is not one is refused at its field with
 * what was typed; another tenant's account is out of reach.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserEmailPageTest extends PageTestSupport {

    private static final String PASSWORD = "een-lang-wachtwoord";

    @Inject
    UserDirectory users;
    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;

    @Test
    void aNewUserIsCreatedWithAnAddressAndTheListShowsIt() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        Page created = admin.post("/t/impuls/gebruikers", newUser("impuls.emma", "Emma Email", " emma@impuls.example "));
        assertEquals(303, created.status(), created.body());
        UserAccount emma = users.findByUsername("impuls.emma").orElseThrow();
        assertEquals("emma@impuls.example", emma.email());

        Page list = admin.get(created.location());
        assertNull(textOf(list.body(), "form-errors"), "a page loaded afresh announces no errors");
        String row = row(list.body(), "impuls.emma");
        assertEquals("emma@impuls.example", PostedForm.unescape(textOfClass(row, "user-email")));
        assertTrue(row.contains("href=\"/t/impuls/gebruikers/" + emma.id().value() + "/email\""), row);
        assertTrue(audit.recent(emma.tenant(), 5).stream().anyMatch(e -> e.action().equals("USER_CREATED")
                && e.subject().equals("impuls.emma") && e.detail().contains("e-mailadres emma@impuls.example")));

        Page without = admin.post("/t/impuls/gebruikers", newUser("impuls.zonder", "Zonder Adres", ""));
        assertEquals(303, without.status(), "the address is optional");
        assertNull(users.findByUsername("impuls.zonder").orElseThrow().email());
        assertEquals("(geen)", textOfClass(row(admin.get(without.location()).body(), "impuls.zonder"), "user-email"),
                "a user without an address says so");
    }

    @Test
    void anInvalidAddressOnTheNewUserFormIsAFieldErrorAndNoAccountIsMade() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        Page r = admin.post("/t/impuls/gebruikers", newUser("impuls.fout", "Fout Adres", "fout adres@impuls"));
        assertEquals(400, r.status());
        assertEquals("Geef één geldig e-mailadres, zoals naam@organisatie.nl, of laat het veld leeg.",
                textOf(r.body(), "error-email"));
        assertTrue(r.body().matches("(?s).*<input id=\"email\"[^>]*aria-describedby=\"email-help error-email\""
                + "[^>]*aria-invalid=\"true\".*"), "the error is tied to its field");
        PostedForm kept = PostedForm.of(r.body(), "new-user-form");
        assertEquals("fout adres@impuls", kept.get("email"));
        assertEquals("impuls.fout", kept.get("username"));
        assertEquals("Fout Adres", kept.get("displayName"));
        assertEquals("", kept.get("password"), "never a password");
        assertTrue(users.findByUsername("impuls.fout").isEmpty(), "nothing created");

        // A header smuggled into an address is refused like any other bad address.
        Page header = admin.post("/t/impuls/gebruikers", newUser("impuls.kop", "Kop", "a@b.nl\r\nBcc: c@d.nl"));
        assertEquals(400, header.status());
        assertTrue(users.findByUsername("impuls.kop").isEmpty());
    }

    @Test
    void theAdministratorChangesAndRemovesAUsersAddressAndTheLogboekSaysSo() {
        UserAccount handler = users.findByUsername("klimkoord.medewerker").orElseThrow();
        String path = "/t/klimkoord/gebruikers/" + handler.id().value() + "/email";
        PageSession admin = loggedInAs("klimkoord.beheerder");
        Page form = admin.get(path);
        assertEquals(200, form.status(), form.body());
        assertNull(textOf(form.body(), "form-errors"));
        assertTrue(form.contains("href=\"/t/klimkoord/gebruikers\" aria-current=\"page\""), "menu: Gebruikers");
        assertEquals(handler.email() == null ? "" : handler.email(), PostedForm.of(form.body(), "email-form")
                .get("email"));

        Page saved = admin.post(path, Map.of("email", "mila@klimkoord.example"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/t/klimkoord/gebruikers?gedaan=email", saved.location());
        assertEquals("Het e-mailadres is opgeslagen.", textOf(admin.get(saved.location()).body(), "admin-done"));
        assertEquals("mila@klimkoord.example", users.find(handler.tenant(), handler.id()).orElseThrow().email());
        AuditLog.Entry set = audit.recent(handler.tenant(), 1).get(0);
        assertEquals("USER_EMAIL_CHANGED", set.action());
        assertEquals("klimkoord.medewerker", set.subject());
        assertEquals("klimkoord.beheerder", set.actor());
        assertEquals("E-mailadres: " + (handler.email() == null ? "(geen)" : handler.email())
                + " → mila@klimkoord.example", set.detail());

        assertEquals("mila@klimkoord.example", PostedForm.of(admin.get(path).body(), "email-form").get("email"));
        admin.post(path, Map.of("email", "mila@klimkoord.example"));
        assertEquals(set.id(), audit.recent(handler.tenant(), 1).get(0).id(), "unchanged: nothing to log");

        assertEquals(303, admin.post(path, Map.of("email", "  ")).status());
        assertNull(users.find(handler.tenant(), handler.id()).orElseThrow().email(), "emptied: no address");
        assertEquals("E-mailadres: mila@klimkoord.example → (geen)", audit.recent(handler.tenant(), 1).get(0)
                .detail());
    }

    @Test
    void anInvalidAddressIsRefusedAtItsFieldWithWhatWasTyped() {
        UserAccount handler = users.findByUsername("iederzijnwerk.medewerker").orElseThrow();
        String path = "/t/iederzijnwerk/gebruikers/" + handler.id().value() + "/email";
        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        admin.get(path);
        assertEquals(303, admin.post(path, Map.of("email", "goed@iederzijnwerk.example")).status());
        Page r = admin.post(path, Map.of("email", "geen-adres"));
        assertEquals(400, r.status());
        assertNotNull(textOf(r.body(), "form-errors"));
        assertEquals("Geef één geldig e-mailadres, zoals naam@organisatie.nl, of laat het veld leeg.",
                textOf(r.body(), "error-email"));
        assertTrue(r.body().contains("aria-describedby=\"email-help error-email\""));
        assertEquals("geen-adres", PostedForm.of(r.body(), "email-form").get("email"));
        assertEquals("goed@iederzijnwerk.example", users.find(handler.tenant(), handler.id()).orElseThrow().email(),
                "the old address stays");
    }

    @Test
    void anotherTenantsAccountIsOutOfReachAndOthersCannotChangeAddresses() {
        UserAccount stranger = users.findByUsername("klimkoord.leidinggevende").orElseThrow();
        String before = stranger.email();
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = "/t/impuls/gebruikers/" + stranger.id().value() + "/email";
        assertEquals(404, admin.get(path).status(), "another tenant's id is not found in this tenant");
        admin.get("/t/impuls/gebruikers");
        assertEquals(404, admin.post(path, Map.of("email", "gekaapt@example.org")).status());
        assertEquals(403, admin.get("/t/klimkoord/gebruikers/" + stranger.id().value() + "/email").status());
        assertEquals(before, users.find(stranger.tenant(), stranger.id()).orElseThrow().email());

        UserAccount handler = users.findByUsername("impuls.medewerker").orElseThrow();
        long own = handler.id().value();
        for (String user : List.of("impuls.medewerker", "impuls.leidinggevende", "impuls.directeur")) {
            PageSession s = loggedInAs(user);
            assertEquals(403, s.get("/t/impuls/gebruikers/" + own + "/email").status(), user);
            assertEquals(403, s.post("/t/impuls/gebruikers/" + own + "/email", Map.of("email", "x@y.nl")).status(),
                    user);
        }
        assertEquals(handler.email(), users.findByUsername("impuls.medewerker").orElseThrow().email());
    }

    private static Map<String, String> newUser(String username, String displayName, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", displayName);
        form.put("email", email);
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("roles", "STAFF");
        return form;
    }

    private static String row(String html, String username) {
        int start = html.indexOf("<tr data-username=\"" + username + "\"");
        assertTrue(start >= 0, "no row for " + username);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String textOfClass(String html, String cls) {
        List<String> found = all(html, "class=\"" + cls + "\"[^>]*>(.*?)</td>");
        assertEquals(1, found.size(), "one ." + cls);
        return found.get(0).replaceAll("<[^>]+>", "").strip();
    }
}
