package nl.klachtenregie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A tenant's cases are invisible under any other tenant's path, and an unknown tenant is never "all". */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest extends ApiTestSupport {

    @Test
    void aCaseOfOneTenantIsNotFoundUnderAnotherTenantsPath() {
        Map<String, Object> impulsCase = createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        Object id = impulsCase.get("id");

        Response asKlimkoord = get("/api/tenants/klimkoord/complaints/" + id);
        assertEquals(404, asKlimkoord.status());
        assertTrue(String.valueOf(asKlimkoord.body().get("message")).contains("bestaat niet"));

        Response eventAsKlimkoord = post("/api/tenants/klimkoord/complaints/" + id + "/events",
                ev("ACKNOWLEDGED", "2026-09-02"));
        assertEquals(404, eventAsKlimkoord.status());
        // the refused write left the case untouched
        assertEquals(List.of(), getCase("impuls", id, null).get("events"));
    }

    @Test
    void listsAndKpisOnlyCountTheTenantsOwnCases() {
        createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-08-03"));
        List<?> ownCases = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET(
                "/api/tenants/klimkoord/complaints").basicAuth("klimkoord.medewerker", DEMO_PASSWORD),
                Argument.listOf(Map.class));
        assertTrue(ownCases.isEmpty(), () -> "klimkoord sees: " + ownCases);
        List<?> izwCases = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET(
                "/api/tenants/iederzijnwerk/complaints").basicAuth("iederzijnwerk.medewerker", DEMO_PASSWORD),
                Argument.listOf(Map.class));
        assertEquals(1, izwCases.size());
    }

    @Test
    void anUnknownTenantIsAnErrorNotAllTenants() {
        // A signed-in user only ever reaches their own tenant: any other path, existing or not, is refused.
        createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        Response r = get("/api/tenants/bestaat-niet/complaints");
        assertEquals(403, r.status());
        assertTrue(r.body().get("message").toString().contains("geen toegang"));
        assertEquals(403, post("/api/tenants/bestaat-niet/complaints",
                complaint("FORMAL", "LETTER", "2026-09-01")).status());
        assertEquals(403, get("/api/tenants/bestaat-niet/kpis").status());
    }

    @Test
    void aUserOfOneTenantCannotReachAnotherTenantThroughTheApi() {
        Map<String, Object> impulsCase = createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        Object id = impulsCase.get("id");
        for (String user : List.of("klimkoord.medewerker", "klimkoord.leidinggevende", "klimkoord.kwaliteit",
                "klimkoord.beheerder", "platform.beheerder")) {
            Response read = sendAs(user, io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/complaints/" + id));
            assertEquals(403, read.status(), user);
            Response write = sendAs(user, io.micronaut.http.HttpRequest.POST(
                    "/api/tenants/impuls/complaints/" + id + "/events", ev("ACKNOWLEDGED", "2026-09-02")));
            assertEquals(403, write.status(), user);
            Response list = sendAs(user, io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/complaints"));
            assertEquals(403, list.status(), user);
        }
        assertEquals(List.of(), getCase("impuls", id, null).get("events"));
    }

    @Test
    void theApiWithoutCredentialsAnswers401WithABasicChallenge() {
        Response r = sendAs(null, io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/complaints"));
        assertEquals(401, r.status());
        Response wrong = send(io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/complaints")
                .basicAuth("impuls.medewerker", "fout-wachtwoord"));
        assertEquals(401, wrong.status());
    }

    @Test
    void rolesLimitWhatTheApiAllows() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        // the quality manager reads but does not handle cases; the tenant administrator does neither
        assertEquals(403, sendAs("impuls.kwaliteit",
                io.micronaut.http.HttpRequest.POST("/api/tenants/impuls/complaints", body)).status());
        assertEquals(200, http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/complaints")
                .basicAuth("impuls.kwaliteit", DEMO_PASSWORD), String.class).code());
        assertEquals(403, sendAs("impuls.beheerder",
                io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/complaints")).status());
        assertEquals(201, sendAs("impuls.medewerker",
                io.micronaut.http.HttpRequest.POST("/api/tenants/impuls/complaints", body)).status());
        assertEquals(403, sendAs("impuls.medewerker",
                io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/kpis")).status());
    }
}
