package nl.klachtenregie.kpi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard over HTTP: the KPIs of IederZijnWerk's rules with their status, numbers that lead to the cases
 * behind them, a proposal for a missed KPI, and clear answers to a bad period or a role without access.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest extends PageTestSupport {

    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    JsonMapper json;
    @Inject
    nl.klachtenregie.improvement.ImprovementRegister register;

    CaseView late;
    CaseView onTime;

    @BeforeAll
    void cases() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        // Received 1 September 2026, decided 20 October: six weeks end on 13 October, so the decision was late.
        late = complaints.create(izw, complaint(ComplaintKind.FORMAL, "BEJEGENING", LocalDate.of(2026, 9, 1)));
        complaints.recordEvent(izw, new ComplaintId(late.id()), NewEvent.of(EventType.ACKNOWLEDGED,
                LocalDate.of(2026, 9, 2)));
        complaints.recordEvent(izw, new ComplaintId(late.id()), decided(LocalDate.of(2026, 10, 20), 2));
        // Received 1 September, decided 6 October: on time.
        onTime = complaints.create(izw, complaint(ComplaintKind.FORMAL, "BEJEGENING", LocalDate.of(2026, 9, 1)));
        complaints.recordEvent(izw, new ComplaintId(onTime.id()), NewEvent.of(EventType.ACKNOWLEDGED,
                LocalDate.of(2026, 9, 3)));
        complaints.recordEvent(izw, new ComplaintId(onTime.id()), decided(LocalDate.of(2026, 10, 6), 4));
        // Oral and informal: not official, so no decision term (a letter would make it official, IederZijnWerk).
        CaseView oral = complaints.create(izw, new NewComplaint(ComplaintKind.INFORMAL, Channel.PHONE,
                LocalDate.of(2026, 3, 2), null, new Complainant("B. Eller", ComplainantRole.CLIENT, null, "0611111111",
                null), "Telefoon niet opgenomen", "AFSPRAKEN", null, null, false, false, false));
        complaints.recordEvent(izw, new ComplaintId(oral.id()), NewEvent.of(EventType.ACKNOWLEDGED,
                LocalDate.of(2026, 3, 4)));
        complaints.create(tenants.resolve("impuls"), new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER,
                LocalDate.of(2026, 9, 1), null, new Complainant("Van Impuls", ComplainantRole.CLIENT, null, null,
                "Straat 2, Oldenzaal"), "Elders", firstCategory("impuls"), null, null, false, false, false));
    }

    @Test
    void complianceOfficerSeesEachKpiOfTheRulesWithValueTargetAndStatus() {
        Page page = loggedInAs("iederzijnwerk.kwaliteit").get("/t/iederzijnwerk/dashboard?periode=2026");
        assertEquals(200, page.status(), page.body());
        String decide = row(page.body(), "AFGEHANDELD_BINNEN_TERMIJN");
        assertTrue(decide.contains("50,0%"), decide);
        assertTrue(decide.contains("≥ 100,0%"), decide);
        assertTrue(decide.contains("data-status=\"breached\""), decide);
        assertTrue(decide.contains("1 van 2 op tijd"), decide);
        String acknowledged = row(page.body(), "ONTVANGSTBEVESTIGING_BINNEN_5_WERKDAGEN");
        assertTrue(acknowledged.contains("data-status=\"met\""), acknowledged);
        assertTrue(page.contains("id=\"total\""));
        assertTrue(textOf(page.body(), "total").contains("3 klachten ontvangen"), textOf(page.body(), "total"));
        assertFalse(page.contains("Van Impuls"), "another tenant's case is never counted or shown");
    }

    @Test
    void theLateNumberOfAKpiLeadsToExactlyTheLateCases() {
        PageSession officer = loggedInAs("iederzijnwerk.kwaliteit");
        Page page = officer.get("/t/iederzijnwerk/dashboard?periode=2026-H2");
        String decide = row(page.body(), "AFGEHANDELD_BINNEN_TERMIJN");
        String link = all(unescape(decide), "href=\"([^\"]+late=DECIDE[^\"]*)\"").get(0);
        Page list = officer.get(link);
        assertEquals(200, list.status());
        assertTrue(list.contains(late.reference()), list.body());
        assertFalse(list.contains(onTime.reference()), "the case decided on time is not behind the late number");
        assertTrue(list.contains("id=\"case-narrowing\""), "the list says it is narrowed");
    }

    @Test
    void breakdownNumbersLeadToTheCasesTheyCount() {
        PageSession officer = loggedInAs("iederzijnwerk.kwaliteit");
        Page page = officer.get("/t/iederzijnwerk/dashboard?periode=2026");
        String link = all(unescape(page.body()), "href=\"(/t/iederzijnwerk/klachten\\?from=2026-01-01&to=2026-12-31"
                + "&category=BEJEGENING)\"").get(0);
        Page list = officer.get(link);
        assertTrue(list.contains(late.reference()) && list.contains(onTime.reference()));
        assertTrue(textOf(list.body(), "case-count").contains("2"), textOf(list.body(), "case-count"));
    }

    @Test
    void aMissedKpiProposesAMeasureForTheVerbeterregister() {
        // The second half-year: its key differs from the year's, which another test answers with a measure.
        Page page = loggedInAs("iederzijnwerk.kwaliteit").get("/t/iederzijnwerk/dashboard?periode=2026-H2");
        String decide = row(page.body(), "AFGEHANDELD_BINNEN_TERMIJN");
        assertTrue(unescape(decide).contains("/t/iederzijnwerk/verbeterregister/nieuw?herkomst=KPI_BREACH&sleutel="
                + "KPI%3AAFGEHANDELD_BINNEN_TERMIJN%3A2026-H2"), decide);
        assertFalse(row(page.body(), "ONTVANGSTBEVESTIGING_BINNEN_5_WERKDAGEN").contains("verbeterregister"),
                "a KPI that is met proposes nothing");
    }

    @Test
    void aCaseOffersTheKwaliteitsmanagerAMeasureForTheVerbeterregisterButNotTheHandler() {
        Page officer = loggedInAs("iederzijnwerk.kwaliteit").get("/t/iederzijnwerk/klachten/" + late.id());
        assertTrue(unescape(officer.body()).contains("/t/iederzijnwerk/verbeterregister/nieuw?herkomst=COMPLAINTS&klachten="
                + late.reference()), "the measure starts from this complaint");
        Page handler = loggedInAs("iederzijnwerk.medewerker").get("/t/iederzijnwerk/klachten/" + late.id());
        assertFalse(handler.contains("id=\"propose-measure\""), "staff have no access to the verbeterregister");
    }

    @Test
    void theVerbeterregisterListsWhatTheDashboardProposesUntilAMeasureAnswersIt() {
        PageSession officer = loggedInAs("iederzijnwerk.kwaliteit");
        Page registerPage = officer.get("/t/iederzijnwerk/verbeterregister");
        assertTrue(textOf(registerPage.body(), "awaiting-heading").endsWith("directiebeoordeling 2026"),
                "a year is written as a year, not as 2.026: " + textOf(registerPage.body(), "awaiting-heading"));
        String before = textOf(registerPage.body(), "proposal-list");
        assertTrue(before.contains("Officiële klachten binnen de gestelde termijn"), before);
        Tenant izw = tenants.resolve("iederzijnwerk");
        register.create(izw, new nl.klachtenregie.improvement.NewMeasure("Termijnbewaking besluiten",
                "Wekelijks de openstaande besluiten nalopen", nl.klachtenregie.improvement.MeasureKind.PREVENTIVE,
                nl.klachtenregie.improvement.MeasureLevel.ORGANISATION, new nl.klachtenregie.improvement.Origin(
                        nl.klachtenregie.improvement.OriginType.KPI_BREACH, "KPI:AFGEHANDELD_BINNEN_TERMIJN:2026",
                        "Besluiten te laat"), List.of(), "Kwaliteitsmanager", LocalDate.of(2026, 12, 31),
                nl.klachtenregie.improvement.MeasureStatus.OPEN, null), "iederzijnwerk.kwaliteit");
        Page after = officer.get("/t/iederzijnwerk/verbeterregister");
        assertFalse(after.body().contains("Officiële klachten binnen de gestelde termijn (6 weken, met verlenging 10 "
                + "weken) afgehandeld: "), "a breach that a measure answers is proposed no more");
        assertFalse(row(officer.get("/t/iederzijnwerk/dashboard?periode=2026").body(), "AFGEHANDELD_BINNEN_TERMIJN")
                .contains("class=\"propose\""), "nor on the dashboard");
    }

    @Test
    void aRepeatedComplaintAboutOneEmployeeLeadsToThoseComplaints() {
        Tenant klimkoord = tenants.resolve("klimkoord");
        String category = klimkoord.profile().categories().get(0).code();
        List<String> references = new java.util.ArrayList<>();
        for (String name : List.of("P. de Vries", "p. de vries")) {
            references.add(complaints.create(klimkoord, new NewComplaint(ComplaintKind.INFORMAL, Channel.PHONE,
                    LocalDate.of(2026, 10, 5), null, new Complainant("M. Elder", ComplainantRole.CLIENT, null,
                    "0612345678", null), "Onvriendelijk", category, null, name, false, false, false)).reference());
        }
        PageSession officer = loggedInAs("klimkoord.kwaliteit");
        Page page = officer.get("/t/klimkoord/dashboard?periode=2026-K4");
        String flag = all(unescape(page.body()), "(?s)(<li data-flag=\"REPEATED_PERSON\">.*?</li>)").get(0);
        assertTrue(flag.contains("2 klachten"), flag);
        Page list = officer.get(all(flag, "href=\"([^\"]*employee=[^\"]*)\"").get(0));
        assertEquals(200, list.status());
        references.forEach(r -> assertTrue(list.contains(r), r + " is one of the complaints behind the flag"));
    }

    @Test
    void chartDataIsInThePageAsJsonThatCannotBreakOutOfItsScript() throws IOException {
        Page page = loggedInAs("iederzijnwerk.kwaliteit").get("/t/iederzijnwerk/dashboard?periode=2026-H2");
        String data = all(page.body(), "(?s)<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>")
                .get(0);
        assertFalse(data.contains("<"));
        @SuppressWarnings("unchecked")
        Map<String, Object> chart = json.readValue(data, Map.class);
        assertEquals(List.of("H1 2024", "H2 2024", "H1 2025", "H2 2025", "H1 2026", "H2 2026"), chart.get("periods"));
        assertEquals(List.of(0, 0, 0, 0, 0, 2), ((List<?>) chart.get("formal")).stream()
                .map(n -> ((Number) n).intValue()).toList());
        assertNotNull(chart.get("kpis"));
        assertTrue(page.contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js"));
        assertEquals(200, loggedInAs("iederzijnwerk.kwaliteit")
                .get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").status(), "Chart.js is served from the WebJar");
    }

    @Test
    void aPeriodThatIsNotAPeriodOrHasNotStartedGetsAClearMessage() {
        PageSession officer = loggedInAs("iederzijnwerk.kwaliteit");
        Page bogus = officer.get("/t/iederzijnwerk/dashboard?periode=2026-Z9");
        assertTrue(bogus.status() == 400 || bogus.status() == 422, String.valueOf(bogus.status()));
        assertTrue(bogus.contains("is geen periode"), bogus.body());
        Page future = officer.get("/t/iederzijnwerk/dashboard?periode=2027");
        assertTrue(future.status() == 400 || future.status() == 422, String.valueOf(future.status()));
        assertTrue(future.contains("nog niet begonnen"), future.body());
    }

    @Test
    void theDirectieSeesTheDashboardButNoCaseLinksAndStaffAndAdministratorsDoNot() {
        Page director = loggedInAs("iederzijnwerk.directeur").get("/t/iederzijnwerk/dashboard?periode=2026");
        assertEquals(200, director.status());
        assertFalse(director.contains("/t/iederzijnwerk/klachten?"), "a director does not read cases");
        assertEquals(200, loggedInAs("iederzijnwerk.leidinggevende").get("/t/iederzijnwerk/dashboard").status());
        assertEquals(403, loggedInAs("iederzijnwerk.medewerker").get("/t/iederzijnwerk/dashboard").status());
        assertEquals(403, loggedInAs("iederzijnwerk.beheerder").get("/t/iederzijnwerk/dashboard").status());
        assertEquals(403, loggedInAs("impuls.kwaliteit").get("/t/iederzijnwerk/dashboard").status(),
                "another tenant's dashboard does not exist for you");
    }

    /** Handlebars escapes '=' in attribute values; links are compared as the browser reads them. */
    private static String unescape(String html) {
        return html.replace("&#x3D;", "=").replace("&amp;", "&");
    }

    private static String row(String html, String kpi) {
        List<String> rows = all(html, "(?s)(<tr data-kpi=\"" + kpi + "\".*?</tr>)");
        assertFalse(rows.isEmpty(), "no row for " + kpi);
        return rows.get(0);
    }

    private String firstCategory(String slug) {
        return tenants.resolve(slug).profile().categories().get(0).code();
    }

    private static NewComplaint complaint(ComplaintKind kind, String category, LocalDate receivedOn) {
        return new NewComplaint(kind, Channel.LETTER, receivedOn, null,
                new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", "0600000000", "Straat 1, Sneek"),
                "Afspraken niet nagekomen", category, null, null, false, false, false);
    }

    private static NewEvent decided(LocalDate on, int satisfaction) {
        return new NewEvent(EventType.DECIDED, on, null, null, null, Judgement.PARTLY_WELL_FOUNDED, null, null,
                "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null, satisfaction);
    }
}
