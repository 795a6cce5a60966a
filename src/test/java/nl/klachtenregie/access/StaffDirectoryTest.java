package nl.klachtenregie.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.kpi.DashboardService;
import nl.klachtenregie.kpi.Granularity;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.Html;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Personeelsoverzicht (issue 16): employees are people, not free text. The beheerder keeps the directory (page and
 * API), linked only to accounts of the same tenant; intake picks from it; a name typed for someone not in it is marked
 * so; "dezelfde persoon" is the directory entry, and a typed "weet ik niet" is nobody.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffDirectoryTest extends PageTestSupport {

    private static final String API = "/api/tenants/klimkoord/staff";
    private static final String ADMIN = "klimkoord.beheerder";

    @Inject
    UserDirectory users;
    @Inject
    TenantDirectory tenants;
    @Inject
    DashboardService dashboards;

    private long userId(String username) {
        return users.findByUsername(username).orElseThrow().id().value();
    }

    private Map<String, Object> entry(String name, String team, Long userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("team", team);
        body.put("userId", userId);
        return body;
    }

    private long addEntry(String name, String team, Long userId) {
        Response r = sendAs(ADMIN, HttpRequest.POST(API, entry(name, team, userId)));
        assertEquals(201, r.status(), () -> String.valueOf(r.body()));
        return ((Number) r.body().get("id")).longValue();
    }

    @Test
    void theAdministratorKeepsTheDirectoryThroughTheApi() {
        long id = addEntry("Karin Klimmer", "Wonen Noord", userId("klimkoord.medewerker"));
        Response read = sendAs("klimkoord.leidinggevende", HttpRequest.GET(API + "/" + id));
        assertEquals(200, read.status());
        assertEquals("Karin Klimmer", read.body().get("name"));
        assertEquals("Wonen Noord", read.body().get("team"));
        assertEquals(userId("klimkoord.medewerker"), ((Number) read.body().get("userId")).longValue());
        assertEquals(true, read.body().get("active"));

        Map<String, Object> change = entry("Karin de Klimmer", "Wonen Zuid", null);
        change.put("active", false);
        Response changed = sendAs(ADMIN, HttpRequest.PUT(API + "/" + id, change));
        assertEquals(200, changed.status(), () -> String.valueOf(changed.body()));
        assertEquals("Karin de Klimmer", changed.body().get("name"));
        assertNull(changed.body().get("userId"));
        assertEquals(false, changed.body().get("active"));

        assertEquals(204, sendAs(ADMIN, HttpRequest.DELETE(API + "/" + id)).status());
        assertEquals(404, sendAs(ADMIN, HttpRequest.GET(API + "/" + id)).status());
    }

    @Test
    void anEntryLinksOnlyToAnAccountOfTheSameTenantAndNeedsAName() {
        Response foreign = sendAs(ADMIN, HttpRequest.POST(API, entry("Iemand Anders", null,
                userId("impuls.medewerker"))));
        assertEquals(400, foreign.status());
        assertTrue(String.valueOf(foreign.body()).contains("userId"), String.valueOf(foreign.body()));
        Response placeholder = sendAs(ADMIN, HttpRequest.POST(API, entry("weet ik niet", null, null)));
        assertEquals(400, placeholder.status());
        assertEquals(400, sendAs(ADMIN, HttpRequest.POST(API, entry(" ", null, null))).status());
        assertFalse(http.toBlocking().retrieve(HttpRequest.GET(API).basicAuth(ADMIN, DEMO_PASSWORD), String.class)
                .contains("Iemand Anders"), "nothing stored");
    }

    @Test
    void onlyTheAdministratorChangesTheDirectoryAndAManagerMayReadIt() {
        assertEquals(403, sendAs("klimkoord.leidinggevende", HttpRequest.POST(API, entry("X Y", null, null)))
                .status());
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET(API).basicAuth("klimkoord.leidinggevende",
                DEMO_PASSWORD), String.class).startsWith("["));
        assertEquals(403, sendAs("klimkoord.medewerker", HttpRequest.GET(API + "/1")).status());
        assertEquals(403, loggedInAs("klimkoord.medewerker").get("/t/klimkoord/beheer/personeel").status());
        Page read = loggedInAs("klimkoord.leidinggevende").get("/t/klimkoord/beheer/personeel");
        assertEquals(200, read.status());
        assertTrue(Html.select(read.body(), "form#staff-form").isEmpty(), "the manager only reads");
    }

    @Test
    void theAdministratorAddsAndChangesAnEntryOnThePage() {
        PageSession admin = loggedInAs(ADMIN);
        Page page = admin.get("/t/klimkoord/beheer/personeel");
        assertEquals(200, page.status());
        Map<String, String> form = new LinkedHashMap<>(Html.one(page.body(), "form#staff-form").formValues());
        form.put("name", "Sem Sporter");
        form.put("team", "Dagbesteding");
        form.put("user", String.valueOf(userId("klimkoord.leidinggevende")));
        Page saved = admin.postRaw("/t/klimkoord/beheer/personeel", form);
        assertEquals(303, saved.status(), saved.body());
        Page list = admin.get(saved.location());
        Html.Element row = Html.one(list.body(), "#staff-list tr[data-name=Sem Sporter]");
        assertTrue(row.text().contains("Dagbesteding"), row.text());
        assertTrue(row.text().contains(users.findByUsername("klimkoord.leidinggevende").orElseThrow().displayName()));

        // A placeholder as name is refused with the field named and the input kept.
        Map<String, String> bad = new LinkedHashMap<>(Html.one(list.body(), "form#staff-form").formValues());
        bad.put("name", "onbekend");
        Page refused = admin.postRaw("/t/klimkoord/beheer/personeel", bad);
        assertEquals(400, refused.status());
        assertTrue(Html.exists(refused.body(), "#error-name"), refused.body());
    }

    @Test
    void intakePicksAnEntryFromTheDirectory() {
        long id = addEntry("Pim Picker", "Ambulant", null);
        PageSession s = loggedInAs("klimkoord.medewerker");
        Page page = s.get("/t/klimkoord/klachten/nieuw");
        Html.Element picker = Html.one(page.body(), "select#f-concernsStaffId");
        assertTrue(picker.text().contains("Pim Picker (Ambulant)"), picker.text());
        Map<String, String> form = new LinkedHashMap<>(Html.one(page.body(), "form#intake-form").formValues());
        form.put("receivedOn", "2026-11-02");
        form.put("complainantName", "Kees Klager");
        form.put("summary", "De begeleider was onvriendelijk.");
        form.put("concernsStaffId", String.valueOf(id));
        Page created = s.postRaw("/t/klimkoord/klachten/nieuw", form);
        assertEquals(303, created.status(), created.body());
        Page detail = s.get(created.location());
        assertEquals("Pim Picker", Html.one(detail.body(), "#concerns-employee").text());
        assertFalse(Html.exists(detail.body(), "#not-in-directory"));
        long caseId = Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1));
        Map<String, Object> c = getCase("klimkoord", caseId, null);
        assertEquals(id, ((Number) c.get("concernsStaffId")).longValue());
    }

    @Test
    void aNameTypedForSomeoneNotInTheDirectoryIsMarkedSo() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-11-02");
        body.put("concernsEmployee", "Vera Vrijetekst");
        long caseId = ((Number) createComplaint("klimkoord", body).get("id")).longValue();
        Page detail = loggedInAs("klimkoord.medewerker").get("/t/klimkoord/klachten/" + caseId);
        Html.Element who = Html.one(detail.body(), "#concerns-employee");
        assertTrue(who.text().startsWith("Vera Vrijetekst"), who.text());
        assertEquals("(niet in het personeelsoverzicht)", Html.one(detail.body(), "#not-in-directory").text());
        assertNull(getCase("klimkoord", caseId, null).get("concernsStaffId"));
        // An unknown entry is a field error, nothing registered.
        Map<String, Object> unknown = complaint("FORMAL", "LETTER", "2026-11-02");
        unknown.put("concernsStaffId", 999_999);
        Response r = post("/api/tenants/klimkoord/complaints", unknown);
        assertEquals(400, r.status(), String.valueOf(r.body()));
    }

    @Test
    void samePersonIsTheDirectoryEntryAndAPlaceholderIsNobody() {
        long id = addEntry("Rita Herhaal", "Wonen West", null);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-10-0" + (5 + i));
            body.put("concernsStaffId", id);
            createComplaint("klimkoord", body);
            Map<String, Object> unknown = complaint("FORMAL", "LETTER", "2026-10-0" + (5 + i));
            unknown.put("concernsEmployee", i == 0 ? "weet ik niet" : "Weet ik niet.");
            createComplaint("klimkoord", unknown);
            Map<String, Object> nvt = complaint("FORMAL", "LETTER", "2026-10-0" + (5 + i));
            nvt.put("concernsEmployee", "n.v.t.");
            createComplaint("klimkoord", nvt);
        }
        Dashboard d = dashboards.dashboard(tenants.resolve("klimkoord"), new Period(Granularity.YEAR, 2026, 1));
        List<Dashboard.TrendFlag> persons = d.flags().stream().filter(f -> f.type().equals("REPEATED_PERSON"))
                .toList();
        assertTrue(persons.stream().anyMatch(f -> f.label().equals("Rita Herhaal") && f.count() == 2
                && f.key().equals("staff:" + id)), persons.toString());
        assertTrue(persons.stream().noneMatch(f -> f.label().toLowerCase().contains("weet")
                || f.label().contains("n.v.t")), persons.toString());
        // The flag's drill-down lists exactly the entry's cases.
        Page list = loggedInAs("klimkoord.kwaliteit").get("/t/klimkoord/klachten?from=2026-01-01&to=2026-12-31&employee="
                + enc("staff:" + id));
        assertTrue(Html.one(list.body(), "#case-count").text().startsWith("2"), Html.one(list.body(), "#case-count")
                .text());
    }
}
