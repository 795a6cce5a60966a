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
                "/api/tenants/klimkoord/complaints"), Argument.listOf(Map.class));
        assertTrue(ownCases.isEmpty(), () -> "klimkoord sees: " + ownCases);
        List<?> izwCases = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET(
                "/api/tenants/iederzijnwerk/complaints"), Argument.listOf(Map.class));
        assertEquals(1, izwCases.size());
    }

    @Test
    void anUnknownTenantIsAnErrorNotAllTenants() {
        createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        Response r = get("/api/tenants/bestaat-niet/complaints");
        assertEquals(404, r.status());
        assertEquals("Onbekende organisatie 'bestaat-niet'", r.body().get("message"));
        assertEquals(404, post("/api/tenants/bestaat-niet/complaints",
                complaint("FORMAL", "LETTER", "2026-09-01")).status());
        assertEquals(404, get("/api/tenants/bestaat-niet/kpis").status());
    }
}
