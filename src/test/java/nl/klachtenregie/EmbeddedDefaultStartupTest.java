package nl.klachtenregie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.TenantDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded default (H2 in MySQL mode, a file database) starts, migrates and imports the seed tenants, so the
 * README's run command works without a database server.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDefaultStartupTest extends ApiTestSupport {

    @Inject
    TenantDirectory tenants;
    @Inject
    nl.klachtenregie.kpi.DashboardService dashboards;
    @Inject
    nl.klachtenregie.report.ReportService reports;
    @Inject
    nl.klachtenregie.security.UserDirectory users;

    @Override
    public Map<String, String> getProperties() {
        try {
            String dir = Files.createTempDirectory("kr-h2").toString();
            // Same URL options as application.yml, only the folder differs.
            return Map.of("datasources.default.url", "jdbc:h2:file:" + dir
                            + "/klachtenregie;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "micronaut.server.port", "-1", "klachtenregie.clock.fixed-date", TestDatabase.TODAY,
                    "klachtenregie.demo.enabled", "true", "klachtenregie.security.bcrypt-cost", "4");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSeedTenantsAreImportedOnStartUp() {
        assertTrue(tenants.slugs().containsAll(List.of("iederzijnwerk", "impuls", "klimkoord",
                "kwaliteitsprocedure-6-5")), () -> tenants.slugs().toString());
    }

    @Test
    void aComplaintCanBeHandledOnTheEmbeddedDatabase() {
        Map<String, Object> c = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-06-01"));
        Map<String, Object> after = event("iederzijnwerk", c.get("id"), ev("ACKNOWLEDGED", "2026-06-03"));
        assertEquals("MET", obligation(after, "ACKNOWLEDGE").get("status"));
        Response kpis = get("/api/tenants/iederzijnwerk/kpis?year=2026");
        assertEquals(200, kpis.status());
        List<Map> overdue = retrieve(
                "/api/tenants/iederzijnwerk/complaints?overdue=true&asOf=2026-07-14", Argument.listOf(Map.class));
        assertEquals(1, overdue.size());
    }

    @Test
    void dashboardAndReportsRunTheirQueriesOnTheEmbeddedDatabase() {
        Map<String, Object> c = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-03-02"));
        event("iederzijnwerk", c.get("id"), ev("ACKNOWLEDGED", "2026-03-03"));
        var izw = tenants.resolve("iederzijnwerk");
        var dashboard = dashboards.dashboard(izw, nl.klachtenregie.kpi.Period.parse("2026-H1"));
        assertTrue(dashboard.breakdowns().total() >= 1);
        assertTrue(dashboard.kpis().stream().anyMatch(k -> "ON_TIME:ACKNOWLEDGE".equals(k.measure())
                && k.numerator() >= 1), () -> dashboard.kpis().toString());
        var me = new nl.klachtenregie.security.CurrentUser(new nl.klachtenregie.security.UserId(1L),
                "iederzijnwerk.kwaliteit", "Kwaliteit", "iederzijnwerk",
                java.util.Set.of(nl.klachtenregie.security.Role.COMPLIANCE));
        var year = nl.klachtenregie.kpi.Period.parse("2026");
        for (var kind : reports.kinds(izw)) {
            var file = reports.pdf(izw, new nl.klachtenregie.report.ReportService.Request(kind.code(), year, false), me);
            assertTrue(file.content().length > 1000, kind.code());
        }
        var workbook = reports.workbook(izw, new nl.klachtenregie.report.ReportService.Request("TOTAALOVERZICHT", year,
                true), me);
        assertTrue(workbook.content().length > 1000);
    }

    @Test
    void theLoginLockOutWorksOnTheEmbeddedDatabase() {
        String name = "iederzijnwerk.medewerker";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, basic(name, "fout-wachtwoord-" + i), "attempt " + i);
        }
        assertEquals(401, basic(name, DEMO_PASSWORD), "locked");
        assertEquals(401, basic("iederzijnwerk.bestaat-niet", "fout"), "a name that does not exist is counted too");
        var user = users.findByUsername(name).orElseThrow();
        assertTrue(users.locked(user.tenant()).contains(user.id()));
        users.unlock(user.tenant(), user.id());
        assertEquals(200, basic(name, DEMO_PASSWORD), "unlocked");
    }

    private int basic(String username, String password) {
        try {
            return http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET(
                    "/api/tenants/iederzijnwerk/complaints").basicAuth(username, password), String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
