package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Klachtenreglement voor klanten van Impuls (versie "1": directeur mevrouw J. Hartman, vanaf 2016-01-01;
 * versie "2": Impuls, welzijn en Educatie, directeur mevrouw A. Ten Dam, vanaf 2025-01-01; beide data zijn
 * aannames). Every due date below is computed by hand from the Algemene termijnenwet.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpulsScenarioTest extends ApiTestSupport {

    private static final String T = "impuls";
    private static final String HARTMAN =
            "Impuls, T.a.v. de directeur mevrouw J. Hartman, Wilhelminastraat 5, 7571 CE Oldenzaal";
    private static final String TEN_DAM =
            "Impuls, welzijn en Educatie, T.a.v. de directeur mevrouw A. Ten Dam, Wilhelminastraat 5, 7571 CE Oldenzaal";

    private Map<String, Object> formal(String receivedOn) {
        return createComplaint(T, complaint("FORMAL", "LETTER", receivedOn));
    }

    // ----- Procedure behandeling klacht: zes weken -------------------------------------------------------

    @Test
    void decisionDueSixWeeksAfterSubmissionRollsPastKoningsdag() {
        // 16-03-2026 + 6 weken = maandag 27-04-2026, Koningsdag -> dinsdag 28-04-2026
        var c = formal("2026-03-16");
        var decide = obligation(c, "DECIDE");
        assertEquals("2026-04-28", decide.get("dueOn"));
        assertTrue(((String) decide.get("explanation")).contains("Koningsdag"), () -> decide.get("explanation").toString());
        assertTrue(((String) decide.get("basis")).contains("uiterlijk zes weken, na indiening, afhandelen"));
        var after = event(T, c.get("id"), ev("DECIDED", "2026-04-20", "judgement", "UNFOUNDED"));
        assertEquals("MET", obligation(after, "DECIDE").get("status"));
        assertEquals("2026-04-20", obligation(after, "DECIDE").get("metOn"));
    }

    @Test
    void decisionIsOpenUpToTheDueDateAndOverdueTheDayAfter() {
        var c = formal("2026-03-16");
        Object id = c.get("id");
        assertEquals("OPEN", obligation(getCase(T, id, "2026-04-27"), "DECIDE").get("status"));
        assertEquals("OPEN", obligation(getCase(T, id, "2026-04-28"), "DECIDE").get("status"));
        assertEquals("OVERDUE", obligation(getCase(T, id, "2026-04-29"), "DECIDE").get("status"));
        var late = event(T, id, ev("DECIDED", "2026-04-30", "judgement", "PARTLY_WELL_FOUNDED"));
        assertEquals("MET_LATE", obligation(late, "DECIDE").get("status"));
    }

    @Test
    void overdueCaseIsListedAsOverdueOnlyAfterTheDueDate() {
        var c = formal("2026-03-16");
        long id = ((Number) c.get("id")).longValue();
        // the progress report (due 30-03-2026) is given in time, so only DECIDE can make the case overdue
        assertTrue(listedIds("?overdue=true&asOf=2026-03-31").contains(id));
        event(T, id, ev("PROGRESS_REPORTED", "2026-03-27"));
        assertFalse(listedIds("?overdue=true&asOf=2026-03-31").contains(id));
        assertFalse(listedIds("?overdue=true&asOf=2026-04-28").contains(id));
        assertTrue(listedIds("?overdue=false&asOf=2026-04-28").contains(id));
        assertTrue(listedIds("?overdue=true&asOf=2026-04-29").contains(id));
    }

    private List<Long> listedIds(String query) {
        List<Map<String, Object>> rows = retrieve(
                "/api/tenants/" + T + "/complaints" + query + "&limit=500",
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return rows.stream().map(m -> ((Number) m.get("id")).longValue()).toList();
    }

    @Test
    void extensionIsRefusedBecauseTheRegulationHasNone() {
        var c = formal("2026-03-16");
        var error = refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-04-01", "weeks", 2));
        assertTrue(message(error).contains("uiterlijk zes weken"), () -> message(error));
        var unchanged = getCase(T, c.get("id"), "2026-04-01");
        assertEquals("2026-04-28", obligation(unchanged, "DECIDE").get("dueOn"));
    }

    @Test
    void decisionLetterDescribesTheJudgement() {
        var c = formal("2026-03-16");
        assertTrue(adviceCodes(c).contains("OORDEEL_SCHRIFTELIJK"), () -> c.get("advice").toString());
        assertTrue(adviceCodes(c).contains("ZORGVULDIG_BESPREKEN"), () -> c.get("advice").toString());
        var decided = event(T, c.get("id"), ev("DECIDED", "2026-04-10", "judgement", "WELL_FOUNDED"));
        assertEquals("DECIDED", decided.get("status"));
    }

    @Test
    void decisionWithImprovementMeasureMustSayWithinWhichTerm() {
        // Impuls' own rule ("krijgt u van ons te horen binnen welke termijn") now holds for every tenant (Wkkgz art.
        // 17 lid 1): a measure without its date is bad input before the rules are asked.
        var c = formal("2026-03-16");
        Response error = post("/api/tenants/" + T + "/complaints/" + c.get("id") + "/events", ev("DECIDED",
                "2026-04-10", "judgement", "WELL_FOUNDED", "measures", "Nieuwe werkinstructie voor de intake"));
        assertEquals(400, error.status());
        assertTrue(((Map<?, ?>) error.body().get("fieldErrors")).get("measuresDueOn").toString()
                .contains("de beslissing noemt de termijn van elke maatregel"), () -> error.body().toString());
        var ok = event(T, c.get("id"), ev("DECIDED", "2026-04-10", "judgement", "WELL_FOUNDED",
                "measures", "Nieuwe werkinstructie voor de intake", "measuresDueOn", "2026-06-01"));
        assertEquals("MET", obligation(ok, "DECIDE").get("status"));
    }

    // ----- Procedure behandeling klacht: bevestiging, voortgang, gesprek ---------------------------------

    @Test
    void acknowledgementHasNoTermSoItIsNeverOverdue() {
        var c = formal("2026-03-16");
        var ack = obligation(getCase(T, c.get("id"), "2026-11-20"), "ACKNOWLEDGE");
        assertNull(ack.get("dueOn"));
        assertEquals("OPEN", ack.get("status"));
        var after = event(T, c.get("id"), ev("ACKNOWLEDGED", "2026-03-25"));
        assertEquals("MET", obligation(after, "ACKNOWLEDGE").get("status"));
    }

    @Test
    void progressReportDueTwoWeeksAfterReceiptRollsPastTweedePaasdag() {
        // 23-03-2026 + 2 weken = maandag 06-04-2026, tweede Paasdag -> dinsdag 07-04-2026
        var c = formal("2026-03-23");
        var progress = obligation(c, "PROGRESS_UPDATE");
        assertEquals("2026-04-07", progress.get("dueOn"));
        assertTrue(((String) progress.get("explanation")).contains("tweede Paasdag"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-04-07"), "PROGRESS_UPDATE").get("status"));
        assertEquals("OVERDUE", obligation(getCase(T, c.get("id"), "2026-04-08"), "PROGRESS_UPDATE").get("status"));
        var after = event(T, c.get("id"), ev("PROGRESS_REPORTED", "2026-04-07"));
        assertEquals("MET", obligation(after, "PROGRESS_UPDATE").get("status"));
    }

    @Test
    void progressReportEndingOnGoedeVrijdagRunsOnToTheTuesdayAfterEaster() {
        // 20-03-2026 + 2 weken = vrijdag 03-04-2026, Goede Vrijdag (Atw art. 3 lid 2); weekend; maandag 06-04 tweede
        // Paasdag -> dinsdag 07-04-2026
        var c = formal("2026-03-20");
        var progress = obligation(c, "PROGRESS_UPDATE");
        assertEquals("2026-04-07", progress.get("dueOn"));
        assertTrue(((String) progress.get("explanation")).contains("03-04 Goede Vrijdag (Atw art. 3 lid 2)"),
                progress::toString);
        var onTime = event(T, c.get("id"), ev("PROGRESS_REPORTED", "2026-04-07"));
        assertEquals("MET", obligation(onTime, "PROGRESS_UPDATE").get("status"));
    }

    @Test
    void meetingWithDirectorWithinThreeWeeksOnlyWhenInvited() {
        var c = formal("2026-03-16");
        assertNoObligation(c, "MEETING");
        var invited = event(T, c.get("id"), ev("MEETING_INVITED", "2026-03-18"));
        // 16-03-2026 + 3 weken = maandag 06-04-2026, tweede Paasdag -> dinsdag 07-04-2026
        var meeting = obligation(invited, "MEETING");
        assertEquals("2026-04-07", meeting.get("dueOn"));
        assertTrue(((String) meeting.get("basis")).contains("uiterlijk binnen drie weken"));
        assertEquals("OVERDUE", obligation(getCase(T, c.get("id"), "2026-04-08"), "MEETING").get("status"));
        var held = event(T, c.get("id"), ev("MEETING_HELD", "2026-04-02"));
        assertEquals("MET", obligation(held, "MEETING").get("status"));
    }

    @Test
    void theThreeWeeksBelongToTheDirectorsInvitationNotToATalkAboutAnInformalRemark() {
        // "Afhankelijk van de aard van de klacht kan het zo zijn dat de directeur u uitnodigt voor een persoonlijk
        // gesprek": the procedure for a written (formal) complaint; a talk about a small remark has no such term.
        var remark = createComplaint(T, complaint("INFORMAL", "IN_PERSON", "2026-03-16"));
        var invited = event(T, remark.get("id"), ev("MEETING_INVITED", "2026-03-18"));
        assertNoObligation(invited, "MEETING");
    }

    // ----- Registratie en verslaglegging ------------------------------------------------------------------

    @Test
    void reportOfEveryConversationAsSoonAsPossible() {
        var c = formal("2026-03-16");
        Object id = c.get("id");
        event(T, id, ev("MEETING_INVITED", "2026-03-18"));
        var first = event(T, id, ev("MEETING_HELD", "2026-03-25"));
        var report = obligation(first, "RECORD_REPORT");
        assertNull(report.get("dueOn"));
        assertEquals("OPEN", report.get("status"));
        assertTrue(adviceCodes(first).contains("VERSLAG_KWALITEITSMEDEWERKER"));
        var second = event(T, id, ev("MEETING_HELD", "2026-03-30"));
        assertEquals(2, obligations(second, "RECORD_REPORT").size());
        var one = event(T, id, ev("REPORT_RECORDED", "2026-03-31", "signedByComplainant", true));
        assertEquals(List.of("MET", "OPEN"),
                obligations(one, "RECORD_REPORT").stream().map(o -> o.get("status")).toList());
        var both = event(T, id, ev("REPORT_RECORDED", "2026-04-01", "signedByComplainant", false));
        assertTrue(obligations(both, "RECORD_REPORT").stream().allMatch(o -> "MET".equals(o.get("status"))));
        assertTrue(both.get("registrationRequired").equals(Boolean.TRUE));
    }

    // ----- Kleine dingen die direct op te lossen zijn -----------------------------------------------------

    @Test
    void informalRemarkNeedsANoteCollectedByTheTeamLead() {
        var c = createComplaint(T, complaint("INFORMAL", "IN_PERSON", "2026-03-16"));
        var note = obligation(c, "RECORD_REPORT");
        assertNull(note.get("dueOn"));
        assertTrue(((String) note.get("basis")).contains("aantekening"));
        assertNoObligation(c, "DECIDE");
        assertNoObligation(c, "PROGRESS_UPDATE");
        assertEquals(Boolean.TRUE, c.get("registrationRequired"));
        assertTrue(strings(c, "registrationReasons").stream()
                .anyMatch(r -> r.contains("verzameld door de leidinggevende")), () -> c.toString());
        var noted = event(T, c.get("id"), ev("REPORT_RECORDED", "2026-03-16", "text", "Klant geholpen met rooster"));
        assertEquals("MET", obligation(noted, "RECORD_REPORT").get("status"));
    }

    @Test
    void complaintSolvedWithTheEmployeeNeedsNoFormalHandling() {
        // 07-09-2026: progress due 21-09, talk due 28-09, handling due Mon 19-10-2026
        var c = formal("2026-09-07");
        Object id = c.get("id");
        event(T, id, ev("ACKNOWLEDGED", "2026-09-08"));
        event(T, id, ev("MEETING_INVITED", "2026-09-09"));
        assertEquals("2026-09-28", obligation(getCase(T, id, "2026-09-10"), "MEETING").get("dueOn"));
        var resolved = event(T, id, ev("RESOLVED_INFORMALLY", "2026-09-11"));
        assertEquals("RESOLVED_INFORMALLY", resolved.get("status"));
        var later = getCase(T, id, "2026-11-20");
        assertEquals("WAIVED", obligation(later, "DECIDE").get("status"));
        assertEquals("WAIVED", obligation(later, "PROGRESS_UPDATE").get("status"));
        assertEquals("WAIVED", obligation(later, "MEETING").get("status"));
        assertEquals("MET", obligation(later, "ACKNOWLEDGE").get("status"));
        var closed = event(T, id, ev("CLOSED", "2026-09-14", "satisfaction", 5));
        assertEquals("CLOSED", closed.get("status"));

        // solved, but the client asks the leidinggevende for help after all: the procedure's terms apply again
        // 14-09-2026 + 2 weeks = Mon 28-09-2026; + 6 weeks = Mon 26-10-2026
        var again = formal("2026-09-14");
        event(T, again.get("id"), ev("RESOLVED_INFORMALLY", "2026-09-15"));
        var reopened = event(T, again.get("id"), ev("ESCALATED", "2026-09-16", "level", "TEAM_LEAD"));
        assertEquals("IN_PROGRESS", reopened.get("status"));
        var onTime = getCase(T, again.get("id"), "2026-09-28");
        assertEquals("OPEN", obligation(onTime, "PROGRESS_UPDATE").get("status"));
        assertEquals("OPEN", obligation(onTime, "DECIDE").get("status"));
        assertEquals("2026-10-26", obligation(onTime, "DECIDE").get("dueOn"));
    }

    // ----- Formele klacht schriftelijk; geadresseerde per versie ---------------------------------------

    @Test
    void formalComplaintMustBeSubmittedInWriting() {
        var r = post("/api/tenants/" + T + "/complaints", complaint("FORMAL", "PHONE", "2026-03-16"));
        assertEquals(422, r.status(), () -> r.body().toString());
        assertTrue(message(r.body()).contains("schriftelijk"), () -> r.body().toString());
        var inPerson = post("/api/tenants/" + T + "/complaints", complaint("FORMAL", "IN_PERSON", "2026-03-16"));
        assertEquals(422, inPerson.status());
        assertEquals(201, post("/api/tenants/" + T + "/complaints", complaint("FORMAL", "EMAIL", "2026-03-16")).status());
    }

    @Test
    void addresseeFollowsTheVersionInForceOnReceipt() {
        var old = formal("2024-12-16");
        assertEquals("1", old.get("regulationVersion"));
        assertEquals(HARTMAN, old.get("addressee"));
        // 16-12-2024 + 6 weken = maandag 27-01-2025
        assertEquals("2025-01-27", obligation(old, "DECIDE").get("dueOn"));
        event(T, old.get("id"), ev("PROGRESS_REPORTED", "2024-12-20"));
        // events after version 2 took effect do not move the case to version 2
        var later = event(T, old.get("id"), ev("ACKNOWLEDGED", "2025-01-08"));
        assertEquals("1", later.get("regulationVersion"));
        assertEquals(HARTMAN, later.get("addressee"));
        var decided = event(T, old.get("id"), ev("DECIDED", "2025-01-20", "judgement", "UNFOUNDED"));
        assertEquals("1", decided.get("regulationVersion"));
        assertEquals("MET", obligation(decided, "DECIDE").get("status"));

        var current = formal("2025-01-06");
        assertEquals("2", current.get("regulationVersion"));
        assertEquals(TEN_DAM, current.get("addressee"));
        // 06-01-2025 + 6 weken = maandag 17-02-2025
        assertEquals("2025-02-17", obligation(current, "DECIDE").get("dueOn"));
    }

    // ----- De klachtenprocedure; het interne deel ------------------------------------------------------

    @Test
    void escalationLadderRunsFromEmployeeToTeamLeadToDirector() {
        var c = createComplaint(T, complaint("INFORMAL", "IN_PERSON", "2026-03-16"));
        Object id = c.get("id");
        assertEquals("EMPLOYEE", c.get("escalationLevel"));
        assertEquals(List.of("TEAM_LEAD"), strings(c, "escalationOptions"));
        refusedEvent(T, id, ev("ESCALATED", "2026-03-17", "level", "DIRECTOR"));
        var lead = event(T, id, ev("ESCALATED", "2026-03-17", "level", "TEAM_LEAD"));
        assertEquals("TEAM_LEAD", lead.get("escalationLevel"));
        assertEquals(List.of("DIRECTOR"), strings(lead, "escalationOptions"));
        var director = event(T, id, ev("ESCALATED", "2026-03-20", "level", "DIRECTOR"));
        assertEquals("DIRECTOR", director.get("escalationLevel"));
        assertTrue(strings(director, "escalationOptions").isEmpty());
    }

    @Test
    void formalComplaintGoesToTheDirector() {
        var c = formal("2026-03-16");
        assertTrue(strings(c, "escalationOptions").contains("DIRECTOR"), () -> c.get("escalationOptions").toString());
        var director = event(T, c.get("id"), ev("ESCALATED", "2026-03-17", "level", "DIRECTOR"));
        assertEquals("DIRECTOR", director.get("escalationLevel"));
    }

    // ----- Onafhankelijke klachtencommissie --------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void independentCommitteeMayBeApproachedAtAnyMoment() {
        var c = createComplaint(T, complaint("INFORMAL", "IN_PERSON", "2026-03-16"));
        var bodies = (List<Map<String, Object>>) c.get("externalBodies");
        assertEquals(1, bodies.size());
        assertEquals("PROVINCIALE_KLACHTENCOMMISSIE_WELZIJN", bodies.get(0).get("code"));
        assertEquals("p/a Spectrum CMO, Postbus 8007, 6880 CA Velp", bodies.get(0).get("address"));
        // "op elk moment": also straight from the first rung of the ladder
        var referred = event(T, c.get("id"), ev("REFERRED_EXTERNAL", "2026-03-18",
                "body", "PROVINCIALE_KLACHTENCOMMISSIE_WELZIJN"));
        assertEquals("REFERRED_EXTERNAL", referred.get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProvincialCommitteeIsNamedForTheWelzijnswerkOnly() {
        // "Voor het welzijnswerk kunt u contact opnemen met de directie van Impuls of schrijf naar Provinciale
        // Klachtencommissie Welzijn": not for Educatie, which that committee does not cover.
        var welzijn = complaint("INFORMAL", "IN_PERSON", "2026-03-16");
        welzijn.put("serviceLine", "WELZIJNSWERK");
        assertEquals(List.of("PROVINCIALE_KLACHTENCOMMISSIE_WELZIJN"), bodyCodes(createComplaint(T, welzijn)));
        var educatie = complaint("INFORMAL", "IN_PERSON", "2026-03-16");
        educatie.put("serviceLine", "EDUCATIE");
        var c = createComplaint(T, educatie);
        assertTrue(((List<Map<String, Object>>) c.get("externalBodies")).isEmpty(), () -> c.toString());
        refusedEvent(T, c.get("id"), ev("REFERRED_EXTERNAL", "2026-03-18", "body",
                "PROVINCIALE_KLACHTENCOMMISSIE_WELZIJN"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDirectorOfTheCasesOwnVersionIsTheOneNamed() {
        // Version 1 names "de directeur mevrouw J. Hartman", version 2 "mevrouw A. Ten Dam": a case keeps its version.
        var old = formal("2023-12-18");
        assertEquals(Map.of("DIRECTOR", "mevrouw J. Hartman"), old.get("levelHolders"));
        var current = formal("2025-01-06");
        assertEquals(Map.of("DIRECTOR", "mevrouw A. Ten Dam"), current.get("levelHolders"));
    }

    // ----- Wie kunnen klagen? ---------------------------------------------------------------------------

    @Test
    void onlyClientsRepresentativesAndNextOfKinMayComplain() {
        for (String role : List.of("CLIENT", "REPRESENTATIVE", "NEXT_OF_KIN")) {
            var body = complaint("FORMAL", "LETTER", "2026-03-16");
            complainant(body).put("role", role);
            assertEquals(Boolean.TRUE, createComplaint(T, body).get("admissible"), role);
        }
        var body = complaint("FORMAL", "LETTER", "2026-03-16");
        complainant(body).put("role", "OTHER");
        var c = createComplaint(T, body);
        assertEquals(Boolean.FALSE, c.get("admissible"));
        assertTrue(strings(c, "admissibilityReasons").stream().anyMatch(r -> r.contains("nabestaande")));
        var declared = event(T, c.get("id"), ev("DECLARED_NOT_ADMISSIBLE", "2026-03-20",
                "motivation", "De klager is geen klant, vertegenwoordiger of nabestaande."));
        assertEquals("WAIVED", obligation(getCase(T, c.get("id"), "2026-11-20"), "DECIDE").get("status"));
        assertEquals("NOT_ADMISSIBLE", declared.get("status"));
    }

    // ----- Wat Impuls doet met klachten: halfjaarrapportages en kengetallen ------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void halfYearReportsAndTermKpisAreReported() {
        // the 2024 complaints of this class are all handled in time. 18-03-2024 + 2 weken = maandag 01-04-2024,
        // tweede Paasdag -> dinsdag 02-04-2024; + 6 weken = maandag 29-04-2024
        var c = formal("2024-03-18");
        assertEquals("2024-04-02", obligation(c, "PROGRESS_UPDATE").get("dueOn"));
        assertEquals("2024-04-29", obligation(c, "DECIDE").get("dueOn"));
        event(T, c.get("id"), ev("PROGRESS_REPORTED", "2024-03-28"));
        event(T, c.get("id"), ev("DECIDED", "2024-04-22", "judgement", "UNFOUNDED"));
        var r = get("/api/tenants/" + T + "/kpis?year=2024");
        assertEquals(200, r.status(), () -> r.body().toString());
        var kpis = (List<Map<String, Object>>) r.body().get("kpis");
        var decide = kpis.stream().filter(k -> "ON_TIME:DECIDE".equals(k.get("measure"))).findFirst().orElseThrow();
        assertEquals("GE", decide.get("comparator"));
        assertEquals(1.0, ((Number) decide.get("value")).doubleValue(), 1e-9);
        assertEquals(Boolean.TRUE, decide.get("met"));
        assertTrue(kpis.stream().anyMatch(k -> "ON_TIME:PROGRESS_UPDATE".equals(k.get("measure"))));
        var reports = (List<Map<String, Object>>) r.body().get("reportDuties");
        assertEquals(List.of("HALF_YEAR", "HALF_YEAR"), reports.stream().map(x -> x.get("period")).toList());
        assertTrue(reports.stream().anyMatch(x -> ((String) x.get("basis")).contains("halfjaarrapportage")));
        assertTrue(reports.stream().anyMatch(x -> ((String) x.get("basis")).contains("directiebeoordeling")));
    }
}
