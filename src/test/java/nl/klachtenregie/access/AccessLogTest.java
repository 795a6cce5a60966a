package nl.klachtenregie.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.CaseReads;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.Html;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Inzagelog (NEN 7513, issue 16): every read of a case (page, API, letter, attachment, export row) is logged with who,
 * when and how; the kwaliteitsmanager sees a case's reads on the case page and lists the reads of a user or a case
 * over a period; nobody else sees the log; reads are kept five years.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest extends PageTestSupport {

    private static final String T = "kwaliteitsprocedure-6-5";
    private static final String STAFF = T + ".medewerker";
    private static final String QUALITY = T + ".kwaliteit";

    @Inject
    CaseReads reads;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put(MovableClock.PROPERTY, "true");
        return props;
    }

    private long userId(String username) {
        return users.findByUsername(username).orElseThrow().id().value();
    }

    private String displayName(String username) {
        return users.findByUsername(username).orElseThrow().displayName();
    }

    private long newCase(String receivedOn) {
        return ((Number) createComplaint(T, complaint("FORMAL", "LETTER", receivedOn)).get("id")).longValue();
    }

    private List<CaseReads.Read> readsOf(long caseId) {
        return reads.reads(tenants.resolve(T).id(), null, caseId, LocalDate.parse("2000-01-01"),
                LocalDate.parse("2100-01-01"), 1000);
    }

    @Test
    void everyKindOfReadIsLoggedWithWhoWhenAndHow() {
        clock.set("2026-11-03");
        long c = newCase("2026-11-02");
        long staff = userId(STAFF);
        PageSession s = loggedInAs(STAFF);
        assertEquals(200, s.get("/t/" + T + "/klachten/" + c).status());
        assertEquals(200, sendAs(STAFF, HttpRequest.GET("/api/tenants/" + T + "/complaints/" + c)).status());
        Page page = s.get("/t/" + T + "/klachten/" + c);
        Html.Element letter = Html.one(page.body(), "form.letter-form[data-kind=ACKNOWLEDGEMENT]");
        assertEquals(303, s.postRaw(letter.attr("action"), letter.formValues()).status());
        String pdf = Html.one(s.get("/t/" + T + "/klachten/" + c).body(), "a.letter-pdf").attr("href");
        assertEquals(200, s.download(pdf).statusCode());
        // The attachment download (another helper's) logs through the same method.
        reads.record(tenants.resolve(T).id(), staff, c, CaseReads.What.ATTACHMENT);

        List<CaseReads.Read> logged = readsOf(c).stream().filter(r -> r.userId() != null && r.userId() == staff)
                .toList();
        for (CaseReads.What what : List.of(CaseReads.What.PAGE, CaseReads.What.API, CaseReads.What.LETTER,
                CaseReads.What.ATTACHMENT)) {
            assertTrue(logged.stream().anyMatch(r -> r.what() == what), what + " in " + logged);
        }
        logged.forEach(r -> {
            assertNotNull(r.at());
            assertEquals(displayName(STAFF), r.userName());
        });
        // A list is not a read of each case.
        long before = readsOf(c).size();
        s.get("/t/" + T + "/klachten");
        assertEquals(before, readsOf(c).size());
    }

    @Test
    void anExportOfTheFullRegisterLogsEveryCaseItShowsInOneGo() {
        clock.set("2026-11-03");
        long a = newCase("2026-10-01");
        long b = newCase("2026-10-02");
        PageSession quality = loggedInAs(QUALITY);
        assertEquals(200, quality.download("/t/" + T + "/rapportages/totaaloverzicht.xlsx?periode=2026&volledig=ja")
                .statusCode());
        long q = userId(QUALITY);
        for (long c : List.of(a, b)) {
            assertTrue(readsOf(c).stream().anyMatch(r -> r.what() == CaseReads.What.EXPORT && r.userId() == q),
                    "export read of " + c);
        }
    }

    @Test
    void theQualityManagerListsTheReadsOfAUserAndOfACaseOverAPeriod() {
        clock.set("2026-09-01");
        long c = newCase("2026-09-01");
        PageSession staff = loggedInAs(STAFF);
        staff.get("/t/" + T + "/klachten/" + c);
        clock.set("2026-11-04");
        staff.get("/t/" + T + "/klachten/" + c);
        String reference = String.valueOf(getCase(T, c, null).get("reference"));

        PageSession quality = loggedInAs(QUALITY);
        Page byUser = quality.get("/t/" + T + "/inzagelog?user=" + STAFF + "&from=2026-11-01&to=2026-11-30");
        assertEquals(200, byUser.status(), byUser.body());
        Html.Element table = Html.one(byUser.body(), "table#access-log");
        List<Html.Element> rows = table.select("tbody tr");
        assertTrue(rows.stream().anyMatch(r -> r.text().contains(reference) && r.text().contains(displayName(STAFF))
                && r.text().contains("dossierpagina") && r.text().contains("04-11-2026")), table.text());
        assertTrue(rows.stream().noneMatch(r -> r.text().contains("01-09-2026")), "outside the period");

        Page byCase = quality.get("/t/" + T + "/inzagelog?case=" + reference + "&from=2026-08-01&to=2026-11-30");
        List<Html.Element> caseRows = Html.one(byCase.body(), "table#access-log").select("tbody tr");
        assertTrue(caseRows.stream().anyMatch(r -> r.text().contains("01-09-2026")), byCase.body());
        assertTrue(caseRows.stream().anyMatch(r -> r.text().contains("04-11-2026")), byCase.body());
        caseRows.forEach(r -> assertTrue(r.text().contains(reference)));
        // Names and references, no internal ids or ISO timestamps.
        String text = Html.one(byCase.body(), "main").text();
        assertFalse(text.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), text);
        assertFalse(Html.one(byCase.body(), "table#access-log").text().contains("/" + c), text);

        // The case page shows its reads to the kwaliteitsmanager, with a link to the log.
        Page casePage = quality.get("/t/" + T + "/klachten/" + c);
        Html.Element section = Html.one(casePage.body(), "#case-reads");
        assertTrue(section.text().contains(displayName(STAFF)), section.text());

        // An unknown reference is said, not a 500.
        Page unknown = quality.get("/t/" + T + "/inzagelog?case=XXXX-1999-0001");
        assertEquals(200, unknown.status());
        assertTrue(unknown.body().contains("geen dossier met dit kenmerk"));
    }

    @Test
    void nobodyButTheQualityManagerSeesTheLog() {
        clock.set("2026-11-03");
        long c = newCase("2026-11-02");
        for (String user : List.of(STAFF, T + ".leidinggevende", T + ".beheerder", T + ".directeur")) {
            assertEquals(403, loggedInAs(user).get("/t/" + T + "/inzagelog").status(), user);
        }
        Page handlerView = loggedInAs(STAFF).get("/t/" + T + "/klachten/" + c);
        assertFalse(Html.exists(handlerView.body(), "#case-reads"), "no reads section for a medewerker");
        // Another tenant's quality manager never reaches this tenant's log.
        assertEquals(403, loggedInAs("impuls.kwaliteit").get("/t/" + T + "/inzagelog").status());
    }

    @Test
    void readsAreKeptFiveYearsAndThenPurged() {
        clock.set("2020-01-02");
        long c = newCase("2020-01-02");
        reads.record(tenants.resolve(T).id(), userId(STAFF), c, CaseReads.What.PAGE);
        clock.set("2024-12-31");
        reads.purge();
        assertEquals(1, readsOf(c).stream().filter(r -> r.at().toString().startsWith("2020")).count(),
                "under five years: kept");
        clock.set("2025-01-03");
        reads.purge();
        assertEquals(0, readsOf(c).stream().filter(r -> r.at().toString().startsWith("2020")).count(),
                "over five years: purged");
        clock.set("2026-11-03");
    }
}
