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

    @Test
    void formalComplaintAboutAnEmployeeFollowsStepFiveNotTheInformalTalk() {
        var body = complaint("FORMAL", "LETTER", "2026-03-16");
        body.put("concernsEmployee", "medewerker P. Jansen");
        var c = createComplaint(T, body);
        assertNoObligation(c, "MEETING");
        assertEquals("2026-04-28", obligation(c, "DECIDE").get("dueOn"));
        var held = event(T, c.get("id"), ev("MEETING_HELD", "2026-03-20"));
        assertNoObligation(held, "MEETING");
        assertNoObligation(held, "RECORD_REPORT");
    }

    // ----- Afgehandeld zonder oordeel ---------------------------------------------------------------------

    @Test
    void complaintDeclaredNotAdmissibleNeedsNoJudgementButTheMelderHearsTheOutcome() {
        // 16-03-2026 + 6 weken = 28-04-2026 (Koningsdag); declared not admissible on 20-03
        var c = formal("2026-03-16");
        var declared = event(T, c.get("id"), ev("DECLARED_NOT_ADMISSIBLE", "2026-03-20",
                "motivation", "De klacht gaat over een andere organisatie."));
        assertEquals("NOT_ADMISSIBLE", declared.get("status"));
        var later = getCase(T, c.get("id"), "2026-11-20");
        assertEquals("WAIVED", obligation(later, "DECIDE").get("status"));
        var feedback = obligation(later, "COMMUNICATE_SOLUTION");
        assertEquals("OPEN", feedback.get("status"));
        var told = event(T, c.get("id"), ev("SOLUTION_COMMUNICATED", "2026-03-23", "text", "Brief: niet ontvankelijk"));
        assertEquals("MET", obligation(told, "COMMUNICATE_SOLUTION").get("status"));
        assertEquals("WAIVED", obligation(told, "DECIDE").get("status"));

        var informal = informal("2026-03-16");
        var informalDeclared = event(T, informal.get("id"), ev("DECLARED_NOT_ADMISSIBLE", "2026-03-18",
                "motivation", "Geen uiting van ontevredenheid over de organisatie."));
        assertEquals("WAIVED", obligation(informalDeclared, "DECIDE").get("status"));
        assertEquals("OPEN", obligation(informalDeclared, "INFORM_MANAGEMENT").get("status"));
    }

    @Test
    void complaintSolvedInformallyKeepsTheJudgementStepTwoAsksFor() {
        var body = complaint("INFORMAL", "IN_PERSON", "2026-03-16");
        body.put("concernsEmployee", "medewerker Q. de Boer");
        var c = createComplaint(T, body);
        // Step 2: "beoordeelt de melding en bepaalt of de klacht gegrond is": also when it is solved informally.
        var refused = refusedEvent(T, c.get("id"), ev("RESOLVED_INFORMALLY", "2026-03-17"));
        assertTrue(((String) refused.get("message")).contains("bepaalt of de klacht gegrond is"), refused::toString);
        var resolved = event(T, c.get("id"), ev("RESOLVED_INFORMALLY", "2026-03-17", "judgement", "PARTLY_WELL_FOUNDED"));
        assertEquals("RESOLVED_INFORMALLY", resolved.get("status"));
        @SuppressWarnings("unchecked")
        var last = ((List<Map<String, Object>>) resolved.get("events")).get(0);
        assertEquals("PARTLY_WELL_FOUNDED", last.get("judgement"));
        assertEquals("WAIVED", obligation(resolved, "DECIDE").get("status"));
        // the director still talks with the employee about the behaviour, and management is still told
        assertEquals("OPEN", obligation(resolved, "MEETING").get("status"));
        assertEquals("OPEN", obligation(resolved, "INFORM_MANAGEMENT").get("status"));

        // a formal complaint solved informally, then escalated to the director after all: the judgement is due again
        // 16-03-2026 + 6 weken = maandag 27-04-2026, Koningsdag -> dinsdag 28-04-2026
        var f = formal("2026-03-16");
        var solved = event(T, f.get("id"), ev("RESOLVED_INFORMALLY", "2026-03-18"));
        assertEquals("WAIVED", obligation(solved, "DECIDE").get("status"));
        event(T, f.get("id"), ev("ESCALATED", "2026-03-19", "level", "DIRECTOR"));
        var reopened = getCase(T, f.get("id"), "2026-04-28");
        assertEquals("IN_PROGRESS", reopened.get("status"));
        assertEquals("OPEN", obligation(reopened, "DECIDE").get("status"));
        assertEquals("2026-04-28", obligation(reopened, "DECIDE").get("dueOn"));
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
    void theStatutorySixWeeksRollPastGoedeVrijdagAndTweedePaasdag() {
        // 23-02-2026 + 6 weken = maandag 06-04-2026, tweede Paasdag -> dinsdag 07-04-2026
        var easter = obligation(formal("2026-02-23"), "DECIDE");
        assertEquals("2026-04-07", easter.get("dueOn"));
        assertTrue(((String) easter.get("explanation")).contains("tweede Paasdag"));
        assertEquals("Wkkgz art. 17 lid 1", easter.get("statute"));
        // 20-02-2026 + 6 weken = vrijdag 03-04-2026, Goede Vrijdag (Atw art. 3 lid 2), weekend, tweede Paasdag
        var goodFriday = obligation(formal("2026-02-20"), "DECIDE");
        assertEquals("2026-04-07", goodFriday.get("dueOn"));
        assertEquals("6 weken na 20-02-2026 (Wkkgz art. 17 lid 1): 03-04-2026; 03-04 Goede Vrijdag (Atw art. 3 lid 2), "
                + "04-04 zaterdag, 05-04 zondag, 06-04 tweede Paasdag (Atw art. 3 lid 1), verschoven naar 07-04-2026 "
                + "(Atw art. 1)", goodFriday.get("explanation"));
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
        // vrijdag 16-10-2026 + 6 weken = vrijdag 27-11-2026: de termijn loopt vandaag (22-11-2026) nog
        var c = formal("2026-10-16");
        Object id = c.get("id");
        assertEquals("2026-11-27", obligation(c, "DECIDE").get("dueOn"));
        var tooLong = refusedEvent(T, id, ev("EXTENSION_ANNOUNCED", "2026-11-20", "weeks", 5));
        assertFalse(message(tooLong).isBlank());
        var extended = event(T, id, ev("EXTENSION_ANNOUNCED", "2026-11-20", "weeks", 4));
        // 16-10-2026 + (6 + 4) weken = vrijdag 25-12-2026, eerste Kerstdag; 26-12 tweede Kerstdag, weekend
        // -> maandag 28-12-2026
        var decide = obligation(extended, "DECIDE");
        assertEquals("2026-12-28", decide.get("dueOn"));
        assertTrue(((String) decide.get("explanation")).contains("Kerstdag"), () -> decide.toString());
        assertEquals("OPEN", obligation(getCase(T, id, "2026-12-20"), "DECIDE").get("status"));
        var second = refusedEvent(T, id, ev("EXTENSION_ANNOUNCED", "2026-11-21", "weeks", 2));
        assertTrue(message(second).toLowerCase().contains("verleng"), () -> message(second));
        assertEquals("2026-12-28", obligation(getCase(T, id, "2026-11-21"), "DECIDE").get("dueOn"));
    }

    @Test
    void extensionMustBeAnnouncedBeforeTheTermEnds() {
        // 16-03-2026: due 28-04-2026; announced on 29-04 is too late, and recording now (22-11-2026) an extension
        // dated within the term is too late as well: the term has run out
        var late = formal("2026-03-16");
        refusedEvent(T, late.get("id"), ev("EXTENSION_ANNOUNCED", "2026-04-29", "weeks", 4));
        var backdated = refusedEvent(T, late.get("id"), ev("EXTENSION_ANNOUNCED", "2026-04-28", "weeks", 2));
        assertTrue(message(backdated).contains("28-04-2026"), () -> message(backdated));
        assertEquals("2026-04-28", obligation(getCase(T, late.get("id"), "2026-04-29"), "DECIDE").get("dueOn"));
        // maandag 12-10-2026 + 6 weken = maandag 23-11-2026: today, within the term, it is in time;
        // 12-10-2026 + 8 weken = maandag 07-12-2026
        var onTime = formal("2026-10-12");
        var extended = event(T, onTime.get("id"), ev("EXTENSION_ANNOUNCED", "2026-11-22", "weeks", 2));
        assertEquals("2026-12-07", obligation(extended, "DECIDE").get("dueOn"));
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
