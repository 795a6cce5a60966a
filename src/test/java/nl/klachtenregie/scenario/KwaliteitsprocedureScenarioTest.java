package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Procedure 6.5 Klachtenafhandeling intern (organisation not named). Formal complaints follow procedure 6.4,
 * which is not supplied: the terms are those of the Wkkgz art. 17 (six weeks; once at most four weeks more,
 * announced before the term ends). Every due date below is computed by hand from the Algemene termijnenwet.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KwaliteitsprocedureScenarioTest extends ApiTestSupport {

    private static final String T = "kwaliteitsprocedure-6-5";

    private Map<String, Object> formal(String receivedOn) {
        return createComplaint(T, complaint("FORMAL", "LETTER", receivedOn));
    }

    private Map<String, Object> informal(String receivedOn) {
        return createComplaint(T, complaint("INFORMAL", "IN_PERSON", receivedOn));
    }

    // ----- Werkwijze: registratie in het Totaaloverzicht ---------------------------------------------------

    @Test
    void everyInformalAndFormalComplaintIsRegisteredInTheTotaaloverzicht() {
        for (var c : List.of(informal("2026-03-16"), formal("2026-03-16"))) {
            assertEquals(Boolean.TRUE, c.get("registrationRequired"), () -> c.toString());
            assertTrue(strings(c, "registrationReasons").stream()
                    .anyMatch(r -> r.contains("Totaaloverzicht, tab 'Klachten'")), () -> c.toString());
        }
    }

    // ----- Stap 1-3: informeel geuite klacht --------------------------------------------------------------

    @Test
    void employeeReportsAnInformalComplaintToManagementWithoutATerm() {
        var c = informal("2026-03-16");
        var inform = obligation(getCase(T, c.get("id"), "2026-11-20"), "INFORM_MANAGEMENT");
        assertNull(inform.get("dueOn"));
        assertEquals("OPEN", inform.get("status"));
        assertTrue(((String) inform.get("basis")).contains("meldt de medewerker de klacht bij de directie"));
        var informed = event(T, c.get("id"), ev("MANAGEMENT_INFORMED", "2026-03-16"));
        assertEquals("MET", obligation(informed, "INFORM_MANAGEMENT").get("status"));
    }

    @Test
    void directorAssessesWhetherAnInformalComplaintIsWellFounded() {
        var c = informal("2026-03-16");
        var decide = obligation(c, "DECIDE");
        assertNull(decide.get("dueOn"));
        assertTrue(((String) decide.get("basis")).contains("bepaalt of de klacht gegrond is"));
        assertTrue(adviceCodes(c).contains("NADERE_INFORMATIE"));
        assertTrue(adviceCodes(c).contains("ZO_SNEL_MOGELIJK_VERHELPEN"));
        assertNoObligation(c, "COMMUNICATE_SOLUTION");
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-11-20"), "DECIDE").get("status"));
        var decided = event(T, c.get("id"), ev("DECIDED", "2026-03-19", "judgement", "WELL_FOUNDED"));
        assertEquals("MET", obligation(decided, "DECIDE").get("status"));
    }

    @Test
    void informalComplaintHasNoTermToExtend() {
        var c = informal("2026-03-16");
        var error = refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-03-20", "weeks", 2));
        assertTrue(message(error).contains("geen termijn"), () -> message(error));
    }

    @Test
    void improvementMeasuresForTheWholeOrganisationGoToTheVerbeterregister() {
        var c = informal("2026-03-16");
        assertTrue(adviceCodes(c).contains("VERBETERREGISTER"));
        assertTrue(adviceCodes(formal("2026-03-16")).contains("VERBETERREGISTER"));
    }

    // ----- Stap 4: informele klacht over medewerkers -----------------------------------------------------

    @Test
    void complaintAboutEmployeeBehaviourIsDiscussedAndAgreementsRecorded() {
        var body = complaint("INFORMAL", "IN_PERSON", "2026-03-16");
        body.put("concernsEmployee", "medewerker P. Jansen");
        var c = createComplaint(T, body);
        var meeting = obligation(c, "MEETING");
        assertNull(meeting.get("dueOn"));
        assertTrue(((String) meeting.get("basis")).contains("individueel gesprek"));
        assertNoObligation(c, "RECORD_REPORT");
        var held = event(T, c.get("id"), ev("MEETING_HELD", "2026-03-20"));
        assertEquals("MET", obligation(held, "MEETING").get("status"));
        var record = obligation(held, "RECORD_REPORT");
        assertEquals("OPEN", record.get("status"));
        assertTrue(((String) record.get("basis")).contains("personeelsdossier"));
        var recorded = event(T, c.get("id"), ev("REPORT_RECORDED", "2026-03-23", "text", "Afspraak over bejegening"));
        assertEquals("MET", obligation(recorded, "RECORD_REPORT").get("status"));

        assertNoObligation(informal("2026-03-16"), "MEETING");
    }

    // ----- Stap 5: formeel geuite klacht (Wkkgz art. 17, procedure 6.4 niet meegeleverd) ----------------

    @Test
    void formalComplaintDecidedWithinSixWeeksRollsPastKoningsdag() {
        // 16-03-2026 + 6 weken = maandag 27-04-2026, Koningsdag -> dinsdag 28-04-2026
        var c = formal("2026-03-16");
        var decide = obligation(c, "DECIDE");
        assertEquals("2026-04-28", decide.get("dueOn"));
        assertTrue(((String) decide.get("explanation")).contains("Koningsdag"));
        assertTrue(((String) decide.get("basis")).contains("Wkkgz art. 17"));
        assertTrue(((String) decide.get("basis")).contains("procedure 6.4 niet meegeleverd"));
        assertTrue(((String) c.get("addressee")).contains("procedure 6.4"));
        var decided = event(T, c.get("id"), ev("DECIDED", "2026-04-28", "judgement", "UNFOUNDED"));
        assertEquals("MET", obligation(decided, "DECIDE").get("status"));
    }

    @Test
    void formalComplaintTermRollsPastTweedePaasdagButNotGoedeVrijdag() {
        // 23-02-2026 + 6 weken = maandag 06-04-2026, tweede Paasdag -> dinsdag 07-04-2026
        var easter = obligation(formal("2026-02-23"), "DECIDE");
        assertEquals("2026-04-07", easter.get("dueOn"));
        assertTrue(((String) easter.get("explanation")).contains("tweede Paasdag"));
        // 20-02-2026 + 6 weken = vrijdag 03-04-2026, Goede Vrijdag: geen feestdag in de Algemene termijnenwet
        var goodFriday = obligation(formal("2026-02-20"), "DECIDE");
        assertEquals("2026-04-03", goodFriday.get("dueOn"));
        assertFalse(((String) goodFriday.get("explanation")).contains("verschoven"));
    }

    @Test
    void decisionIsOpenUntilTheDueDateAndOverdueAfter() {
        var c = formal("2026-03-16");
        Object id = c.get("id");
        assertEquals("OPEN", obligation(getCase(T, id, "2026-04-28"), "DECIDE").get("status"));
        assertEquals("OVERDUE", obligation(getCase(T, id, "2026-04-29"), "DECIDE").get("status"));
        var late = event(T, id, ev("DECIDED", "2026-05-04", "judgement", "WELL_FOUNDED",
                "measures", "Werkinstructie aangepast", "measuresDueOn", "2026-06-01"));
        assertEquals("MET_LATE", obligation(late, "DECIDE").get("status"));
    }

    @Test
    void decisionTermMayBeExtendedOnceByAtMostFourWeeks() {
        var c = formal("2026-03-16");
        Object id = c.get("id");
        var tooLong = refusedEvent(T, id, ev("EXTENSION_ANNOUNCED", "2026-04-20", "weeks", 5));
        assertFalse(message(tooLong).isBlank());
        var extended = event(T, id, ev("EXTENSION_ANNOUNCED", "2026-04-20", "weeks", 4));
        // 16-03-2026 + (6 + 4) weken = maandag 25-05-2026, tweede Pinksterdag -> dinsdag 26-05-2026
        var decide = obligation(extended, "DECIDE");
        assertEquals("2026-05-26", decide.get("dueOn"));
        assertTrue(((String) decide.get("explanation")).contains("tweede Pinksterdag"), () -> decide.toString());
        assertEquals("OPEN", obligation(getCase(T, id, "2026-05-20"), "DECIDE").get("status"));
        var second = refusedEvent(T, id, ev("EXTENSION_ANNOUNCED", "2026-05-04", "weeks", 2));
        assertTrue(message(second).toLowerCase().contains("verleng"), () -> message(second));
        assertEquals("2026-05-26", obligation(getCase(T, id, "2026-05-04"), "DECIDE").get("dueOn"));
    }

    @Test
    void extensionMustBeAnnouncedBeforeTheTermEnds() {
        var late = formal("2026-03-16");
        refusedEvent(T, late.get("id"), ev("EXTENSION_ANNOUNCED", "2026-04-29", "weeks", 4));
        assertEquals("2026-04-28", obligation(getCase(T, late.get("id"), "2026-04-29"), "DECIDE").get("dueOn"));
        // on the last day of the term it is still in time: 16-03-2026 + 8 weken = maandag 11-05-2026
        var onTime = formal("2026-03-16");
        var extended = event(T, onTime.get("id"), ev("EXTENSION_ANNOUNCED", "2026-04-28", "weeks", 2));
        assertEquals("2026-05-11", obligation(extended, "DECIDE").get("dueOn"));
    }

    @Test
    void handlingOfAFormalComplaintIsFedBackToTheReporter() {
        var c = formal("2026-03-16");
        var feedback = obligation(c, "COMMUNICATE_SOLUTION");
        assertNull(feedback.get("dueOn"));
        assertTrue(((String) feedback.get("basis")).contains("teruggekoppeld aan de melder"));
        event(T, c.get("id"), ev("DECIDED", "2026-04-10", "judgement", "PARTLY_WELL_FOUNDED"));
        var told = event(T, c.get("id"), ev("SOLUTION_COMMUNICATED", "2026-04-13", "text", "Brief met de afhandeling"));
        assertEquals("MET", obligation(told, "COMMUNICATE_SOLUTION").get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void externalComplaintsCommitteeIsNamedAndDirectorSuppliesInformation() {
        var c = formal("2026-03-16");
        var bodies = (List<Map<String, Object>>) c.get("externalBodies");
        assertEquals(1, bodies.size());
        assertEquals("EXTERNE_KLACHTENCOMMISSIE", bodies.get(0).get("code"));
        assertEquals("Externe klachtencommissie (niet genoemd in procedure 6.5)", bodies.get(0).get("name"));
        assertFalse(adviceCodes(c).contains("INFORMATIE_EXTERNE_KLACHTENCOMMISSIE"));
        var referred = event(T, c.get("id"), ev("REFERRED_EXTERNAL", "2026-03-20", "body", "EXTERNE_KLACHTENCOMMISSIE"));
        assertEquals("REFERRED_EXTERNAL", referred.get("status"));
        assertTrue(adviceCodes(referred).contains("INFORMATIE_EXTERNE_KLACHTENCOMMISSIE"));
    }

    @Test
    void escalationRunsFromEmployeeToDirector() {
        var c = informal("2026-03-16");
        assertEquals("EMPLOYEE", c.get("escalationLevel"));
        assertEquals(List.of("DIRECTOR"), strings(c, "escalationOptions"));
        var up = event(T, c.get("id"), ev("ESCALATED", "2026-03-17", "level", "DIRECTOR"));
        assertEquals("DIRECTOR", up.get("escalationLevel"));
        assertTrue(strings(up, "escalationOptions").isEmpty());
    }

    // ----- Stap 6 en 7: jaarlijkse evaluatie -------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void yearlyEvaluationAndEffectivenessReviewAreReported() {
        // 2024 holds only this formal complaint, decided in time: 18-03-2024 + 6 weken = maandag 29-04-2024
        var c = formal("2024-03-18");
        assertEquals("2024-04-29", obligation(c, "DECIDE").get("dueOn"));
        event(T, c.get("id"), ev("DECIDED", "2024-04-22", "judgement", "UNFOUNDED"));
        var r = get("/api/tenants/" + T + "/kpis?year=2024");
        assertEquals(200, r.status(), () -> r.body().toString());
        var kpis = (List<Map<String, Object>>) r.body().get("kpis");
        var decide = kpis.stream().filter(k -> "ON_TIME:DECIDE".equals(k.get("measure"))).findFirst().orElseThrow();
        assertEquals(1.0, ((Number) decide.get("value")).doubleValue(), 1e-9);
        assertEquals(Boolean.TRUE, decide.get("met"));
        var reports = (List<Map<String, Object>>) r.body().get("reportDuties");
        assertEquals(List.of("YEAR", "YEAR"), reports.stream().map(x -> x.get("period")).toList());
        assertTrue(reports.stream().anyMatch(x -> ((String) x.get("basis")).contains("Evaluatie en bijstelling")));
        assertTrue(reports.stream().anyMatch(x -> ((String) x.get("basis")).contains("op effectiviteit beoordeeld")));
    }
}
