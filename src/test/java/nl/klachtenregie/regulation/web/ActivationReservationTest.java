package nl.klachtenregie.regulation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Klimkoord reserves activating a regulation version to its directeur-bestuurder ("De exclusieve bevoegdheid om
 * opdracht te geven tot het doen van aanpassingen ... is toegekend aan de Directeur-bestuurder"). Its administrator
 * can therefore not get round that: not by changing who may activate, not by making a director's account, not by
 * setting the director's password.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivationReservationTest extends PageTestSupport {

    private static final String PASSWORD = "een-lang-wachtwoord";

    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;

    private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theAdministratorCannotTakeTheReservationAway() throws Exception {
        PageSession admin = loggedInAs("klimkoord.beheerder");
        String path = "/t/klimkoord/beheer/profiel";
        PostedForm form = PostedForm.of(admin.get(path).body(), "profile-form").set("activationRoles", List.of("ADMIN"));
        assertEquals(403, post(admin, path, form).statusCode());
        assertEquals(List.of("DIRECTOR"), tenants.resolve("klimkoord").profile().activationRoles());
    }

    @Test
    void theAdministratorCannotMakeADirectorNorSetTheDirectorsPassword() {
        PageSession admin = loggedInAs("klimkoord.beheerder");
        admin.get("/t/klimkoord/gebruikers");
        Page made = admin.post("/t/klimkoord/gebruikers", newUser("klimkoord.tweede-directeur", "DIRECTOR"));
        assertEquals(403, made.status());
        assertTrue(made.contains("vaststellen"), made.body());
        assertTrue(users.findByUsername("klimkoord.tweede-directeur").isEmpty());

        long director = users.findByUsername("klimkoord.directeur").orElseThrow().id().value();
        admin.get("/t/klimkoord/gebruikers/" + director + "/wachtwoord");
        Page reset = admin.post("/t/klimkoord/gebruikers/" + director + "/wachtwoord",
                Map.of("password", PASSWORD, "passwordConfirmation", PASSWORD));
        assertEquals(403, reset.status());
        assertFalse(loginWorks("klimkoord.directeur", PASSWORD), "the director's password is unchanged");

        // Other accounts are the administrator's to manage as before.
        assertEquals(303, admin.post("/t/klimkoord/gebruikers", newUser("klimkoord.nieuw", "STAFF")).status());
    }

    @Test
    void whereTheAdministratorActivatesAnAdministratorMayMakeADirector() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/gebruikers");
        assertEquals(303, admin.post("/t/impuls/gebruikers", newUser("impuls.directie", "DIRECTOR")).status());
        assertEquals(java.util.Set.of(Role.DIRECTOR), users.findByUsername("impuls.directie").orElseThrow().roles());
    }

    private boolean loginWorks(String username, String password) {
        PageSession s = anonymous();
        s.get("/login");
        return "/".equals(s.post("/login", Map.of("username", username, "password", password)).location());
    }

    private static Map<String, String> newUser(String username, String role) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", "Nieuwe gebruiker");
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("roles", role);
        return form;
    }

    private HttpResponse<String> post(PageSession s, String path, PostedForm form) throws IOException,
            InterruptedException {
        return raw.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", s.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(form.encoded())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
