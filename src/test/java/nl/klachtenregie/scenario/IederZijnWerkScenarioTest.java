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

/** IederZijnWerk Ambulant, Klachtenprocedure (version "1"), driven through the JSON API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IederZijnWerkScenarioTest extends ApiTestSupport {

    private static final String T = "iederzijnwerk";

    private static Map<String, Object> official(String receivedOn) {
        var body = complaint("FORMAL", "LETTER", receivedOn);
        body.put("serviceLine", "AMBULANT");
        return body;
    }

    // --- Ontvangstbevestiging ------------------------------------------------------------------------------

    @Test
    void acknowledgementWithinFiveWorkingDaysSkipsKoningsdag() {
        // Wed 22-04-2026: 23 (1), 24 (2), 25/26 weekend, 27 Koningsdag skipped, 28 (3), 29 (4), 30 (5) -> 30-04
        var body = complaint("INFORMAL", "PHONE", "2026-04-22");
        body.put("serviceLine", "DAGBESTEDING");
        var c = createComplaint(T, body);
        assertEquals("1", c.get("regulationVersion"));
        var ack = obligation(c, "ACKNOWLEDGE");
        assertEquals("2026-04-30", ack.get("dueOn"));
        assertEquals("5 werkdagen na 22-04-2026; 27-04 Koningsdag (Atw art. 3 lid 1) overgeslagen", ack.get("explanation"));
        // Tue 21-04-2026: 22, 23, 24, (weekend, 27 Koningsdag), 28, 29 -> 29-04
        var tuesday = createComplaint(T, complaint("INFORMAL", "PHONE", "2026-04-21"));
        assertEquals("2026-04-29", obligation(tuesday, "ACKNOWLEDGE").get("dueOn"));
        assertEquals("5 werkdagen na 21-04-2026; 27-04 Koningsdag (Atw art. 3 lid 1) overgeslagen",
                obligation(tuesday, "ACKNOWLEDGE").get("explanation"));
        assertTrue(((String) ack.get("basis")).contains("Binnen vijf werkdagen"));
        assertTrue(((String) advice(c, "ONTVANGSTBEVESTIGING").get("text")).contains("procedure toe"));
        var after = event(T, c.get("id"), ev("ACKNOWLEDGED", "2026-04-30"));
        assertEquals("MET", obligation(after, "ACKNOWLEDGE").get("status"));
    }

    @Test
    void acknowledgementWithinFiveWorkingDaysSkipsGoedeVrijdagAndTweedePaasdag() {
        // Thu 02-04-2026: Fri 03-04 Goede Vrijdag (Atw art. 3 lid 2) and Mon 06-04 tweede Paasdag skipped, 07..10, 13
        var c = createComplaint(T, official("2026-04-02"));
        var ack = obligation(c, "ACKNOWLEDGE");
        assertEquals("2026-04-13", ack.get("dueOn"));
        assertEquals("5 werkdagen na 02-04-2026; 03-04 Goede Vrijdag (Atw art. 3 lid 2), 06-04 tweede Paasdag (Atw "
                + "art. 3 lid 1) overgeslagen", ack.get("explanation"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-04-13"), "ACKNOWLEDGE").get("status"));
        assertEquals("OVERDUE", obligation(getCase(T, c.get("id"), "2026-04-14"), "ACKNOWLEDGE").get("status"));
        var late = event(T, c.get("id"), ev("ACKNOWLEDGED", "2026-04-14"));
        assertEquals("MET_LATE", obligation(late, "ACKNOWLEDGE").get("status"));
    }

    @Test
    void judgementWithinSixWeeksOfThursday2AprilPassesHemelvaartTheEquatedFridayAndTheWeekend() {
        // 02-04-2026 + 6 weeks = Thu 14-05 Hemelvaartsdag; Fri 15-05 gelijkgesteld (Besluit gelijkstelling 2026-2028);
        // weekend -> Mon 18-05-2026
        var c = createComplaint(T, official("2026-04-02"));
        var decide = obligation(c, "DECIDE");
        assertEquals("2026-05-18", decide.get("dueOn"));
        assertTrue(((String) decide.get("explanation")).contains("14-05 Hemelvaartsdag (Atw art. 3 lid 1), 15-05 "
                + "gelijkgesteld (Besluit gelijkstelling 2026-2028), 16-05 zaterdag, 17-05 zondag, verschoven naar "
                + "18-05-2026"), decide::toString);
        // Fri 20-02-2026 + 6 weeks = Goede Vrijdag 03-04; weekend; tweede Paasdag -> Tue 07-04-2026
        var february = createComplaint(T, official("2026-02-20"));
        assertEquals("2026-04-07", obligation(february, "DECIDE").get("dueOn"));
    }

    // --- Officiële klacht: 6 weken, één verlenging van 4 weken ---------------------------------------------

    @Test
    void writtenOfficialComplaintIsJudgedWithinSixWeeks() {
        // Tue 24-03-2026 + 6 weeks = Tue 05-05-2026 (5 mei) -> Wed 06-05-2026
        var c = createComplaint(T, official("2026-03-24"));
        var decide = obligation(c, "DECIDE");
        assertEquals("2026-05-06", decide.get("dueOn"));
        assertEquals("6 weken na 24-03-2026: 05-05-2026; 05-05 Bevrijdingsdag 5 mei (Atw art. 3 lid 1), verschoven naar "
                + "06-05-2026 (Atw art. 1, door het reglement toegepast)", decide.get("explanation"));
        // an extension can be announced up to the last day of the term, not after it
        assertTrue(strings(getCase(T, c.get("id"), "2026-05-06"), "nextActions").contains("EXTENSION_ANNOUNCED"));
        assertFalse(strings(getCase(T, c.get("id"), "2026-05-07"), "nextActions").contains("EXTENSION_ANNOUNCED"));
        var decided = event(T, c.get("id"), ev("DECIDED", "2026-05-06", "judgement", "PARTLY_WELL_FOUNDED",
                "measures", "Vaste begeleider", "measuresDueOn", "2026-06-01"));
        assertEquals("DECIDED", decided.get("status"));
        assertEquals("MET", obligation(decided, "DECIDE").get("status"));
        assertEquals("2026-05-06", obligation(decided, "DECIDE").get("metOn"));
    }

    @Test
    void decisionIsOpenOnTheDueDateAndOverdueTheDayAfter() {
        // Tue 01-09-2026 + 6 weeks = Tue 13-10-2026
        var c = createComplaint(T, official("2026-09-01"));
        assertEquals("2026-10-13", obligation(c, "DECIDE").get("dueOn"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-10-13"), "DECIDE").get("status"));
        assertEquals("OVERDUE", obligation(getCase(T, c.get("id"), "2026-10-14"), "DECIDE").get("status"));
        var late = event(T, c.get("id"), ev("DECIDED", "2026-10-20", "judgement", "UNFOUNDED"));
        assertEquals("MET_LATE", obligation(late, "DECIDE").get("status"));
    }

    @Test
    void oneExtensionOfFourWeeksMovesTheJudgementToTenWeeksAfterReceipt() {
        // Fri 16-10-2026 + 6 weeks = Fri 27-11-2026, still running today (22-11-2026).
        // + 10 weeks = Fri 25-12-2026, eerste Kerstdag; 26-12 tweede Kerstdag, then the weekend -> Mon 28-12-2026
        var c = createComplaint(T, official("2026-10-16"));
        assertEquals("2026-11-27", obligation(c, "DECIDE").get("dueOn"));
        var extended = event(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-11-20", "weeks", 4));
        var decide = obligation(extended, "DECIDE");
        assertEquals("2026-12-28", decide.get("dueOn"));
        assertTrue(((String) decide.get("explanation")).contains("4 weken verlenging"));
        assertTrue(((String) decide.get("explanation")).contains("Kerstdag"), () -> decide.toString());
        assertFalse(strings(extended, "nextActions").contains("EXTENSION_ANNOUNCED"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-12-28"), "DECIDE").get("status"));
        assertEquals("OVERDUE", obligation(getCase(T, c.get("id"), "2026-12-29"), "DECIDE").get("status"));

        var second = refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-11-21", "weeks", 4));
        assertTrue(((String) second.get("message")).contains("maximaal 10 weken"), second::toString);
        assertEquals("2026-12-28", obligation(getCase(T, c.get("id"), null), "DECIDE").get("dueOn"));
    }

    @Test
    void extensionMustBeAskedWithinTheSixWeeks() {
        // Mon 05-01-2026 + 6 weeks = Mon 16-02-2026: asking on 17-02 is too late, and so is recording on 22-11-2026
        // an extension dated within the term (the term has run out)
        var c = createComplaint(T, official("2026-01-05"));
        assertEquals("2026-02-16", obligation(c, "DECIDE").get("dueOn"));
        var late = refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-02-17", "weeks", 4));
        assertTrue(((String) late.get("message")).contains("16-02-2026"), late::toString);
        var backdated = refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-02-16", "weeks", 4));
        assertTrue(((String) backdated.get("message")).contains("16-02-2026"), backdated::toString);
        assertEquals("2026-02-16", obligation(getCase(T, c.get("id"), null), "DECIDE").get("dueOn"));
        // Mon 12-10-2026 + 6 weeks = Mon 23-11-2026: asked within the term, today
        var running = createComplaint(T, official("2026-10-12"));
        var onTime = event(T, running.get("id"), ev("EXTENSION_ANNOUNCED", "2026-11-22", "weeks", 4));
        // 12-10-2026 + 10 weeks = Mon 21-12-2026
        assertEquals("2026-12-21", obligation(onTime, "DECIDE").get("dueOn"));
    }

    @Test
    void extensionLongerThanFourWeeksIsRefused() {
        var c = createComplaint(T, official("2026-06-08"));
        var refused = refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-06-15", "weeks", 6));
        assertTrue(((String) refused.get("message")).contains("één verlenging van 4 weken"), refused::toString);
        assertEquals("2026-07-20", obligation(getCase(T, c.get("id"), null), "DECIDE").get("dueOn"));
    }

    @Test
    void oralInformalComplaintHasNoSixWeekTermAndCannotBeExtended() {
        var body = complaint("INFORMAL", "IN_PERSON", "2026-06-10");
        body.put("serviceLine", "HUISHOUDENPLUS");
        var c = createComplaint(T, body);
        assertNoObligation(c, "DECIDE");
        assertTrue(((String) advice(c, "MONDELING_OFFICIEEL_VRAGEN").get("text")).contains("'officiële' klacht"));
        assertFalse(hasAdvice(c, "SCHRIFTELIJK_IS_OFFICIEEL"));
        assertFalse(strings(c, "nextActions").contains("EXTENSION_ANNOUNCED"));
        refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-06-11", "weeks", 4));
        var phoned = createComplaint(T, complaint("INFORMAL", "PHONE", "2026-06-10"));
        assertNoObligation(phoned, "DECIDE");
    }

    @Test
    void writtenComplaintIsOfficialWhateverItsKindAndIsJudgedWithinSixWeeks() {
        // recorded as INFORMAL, but sent by e-mail: "Een klacht wordt beschouwd als officieel wanneer deze schriftelijk
        // wordt ingediend". Mon 19-10-2026 + 6 weeks = Mon 30-11-2026.
        var c = createComplaint(T, complaint("INFORMAL", "EMAIL", "2026-10-19"));
        assertEquals("INFORMAL", c.get("kind"));
        var decide = obligation(c, "DECIDE");
        assertEquals("2026-11-30", decide.get("dueOn"));
        assertTrue(((String) decide.get("basis")).contains("6 weken de tijd om schriftelijk op de klacht te reageren"));
        assertTrue(((String) advice(c, "SCHRIFTELIJK_IS_OFFICIEEL").get("text")).contains("officiële klacht"));
        assertFalse(hasAdvice(c, "MONDELING_OFFICIEEL_VRAGEN"));
        // the extension policy of an official complaint: once 4 weeks, 19-10-2026 + 10 weeks = Mon 28-12-2026
        assertTrue(strings(c, "nextActions").contains("EXTENSION_ANNOUNCED"));
        var extended = event(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-11-20", "weeks", 4));
        assertEquals("2026-12-28", obligation(extended, "DECIDE").get("dueOn"));
        var second = refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-11-20", "weeks", 4));
        assertTrue(((String) second.get("message")).contains("maximaal 10 weken"), second::toString);

        // the same for the web form and a letter
        for (String channel : List.of("WEB_FORM", "LETTER")) {
            // Wed 10-06-2026 + 6 weeks = Wed 22-07-2026
            var w = createComplaint(T, complaint("INFORMAL", channel, "2026-06-10"));
            assertEquals("2026-07-22", obligation(w, "DECIDE").get("dueOn"), channel);
            var decided = event(T, w.get("id"), ev("DECIDED", "2026-07-15", "judgement", "UNFOUNDED"));
            assertEquals("MET", obligation(decided, "DECIDE").get("status"), channel);
        }
    }

    @Test
    void complaintSolvedTogetherNeedsNoOfficialJudgement() {
        // Mon 05-10-2026 + 6 weeks = Mon 16-11-2026; solved together with the employee on 09-10
        var c = createComplaint(T, official("2026-10-05"));
        var resolved = event(T, c.get("id"), ev("RESOLVED_INFORMALLY", "2026-10-09"));
        assertEquals("RESOLVED_INFORMALLY", resolved.get("status"));
        assertEquals("WAIVED", obligation(resolved, "DECIDE").get("status"));
        assertEquals("WAIVED", obligation(getCase(T, c.get("id"), "2026-11-20"), "DECIDE").get("status"));
        // informing the directie and the acknowledgement still apply to every complaint
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-10-09"), "ACKNOWLEDGE").get("status"));
        assertEquals("OPEN", obligation(resolved, "INFORM_MANAGEMENT").get("status"));

        // solved, then the complainant turns to the coordinator after all: the official procedure applies again.
        // Mon 12-10-2026 + 6 weeks = Mon 23-11-2026
        var again = createComplaint(T, official("2026-10-12"));
        event(T, again.get("id"), ev("RESOLVED_INFORMALLY", "2026-10-14"));
        var reopened = event(T, again.get("id"), ev("ESCALATED", "2026-10-20", "level", "TEAM_LEAD"));
        assertEquals("IN_PROGRESS", reopened.get("status"));
        var decide = obligation(getCase(T, again.get("id"), "2026-11-20"), "DECIDE");
        assertEquals("2026-11-23", decide.get("dueOn"));
        assertEquals("OPEN", decide.get("status"));
    }

    // --- Mondelinge officiële klacht -----------------------------------------------------------------------

    @Test
    void oralOfficialComplaintRecordsNameAddressPhoneAndDescription() {
        var noPhone = complaint("FORMAL", "PHONE", "2026-07-06");
        complainant(noPhone).remove("phone");
        assertTrue(refusedCreate(T, noPhone).contains("het telefoonnummer van de klager ontbreekt"));

        var noAddress = complaint("FORMAL", "IN_PERSON", "2026-07-06");
        complainant(noAddress).put("address", "");
        assertTrue(refusedCreate(T, noAddress).contains("het adres en de woonplaats van de klager ontbreken"));

        var noName = complaint("FORMAL", "PHONE", "2026-07-06");
        complainant(noName).remove("name");
        String message = refusedCreate(T, noName);
        assertTrue(message.contains("de naam van de klager ontbreekt"), message);
        assertTrue(message.contains("naam, adres, woonplaats, telefoonnummer en een beschrijving van de klacht"));

        var complete = createComplaint(T, complaint("FORMAL", "PHONE", "2026-07-06"));
        assertEquals("2026-08-17", obligation(complete, "DECIDE").get("dueOn"));

        // a written complaint needs no phone number
        var letter = complaint("FORMAL", "LETTER", "2026-07-06");
        complainant(letter).remove("phone");
        createComplaint(T, letter);
    }

    @SuppressWarnings("unchecked")
    @Test
    void oralOfficialComplaintWithoutDescriptionIsRefused() {
        // The API already requires a summary for every complaint (400 on the field); the DRL rule for the
        // description is the regulation's own backstop, checked in IederZijnWerkRulesTest.
        var blank = complaint("FORMAL", "PHONE", "2026-07-07");
        blank.put("summary", " ");
        Response r = post("/api/tenants/" + T + "/complaints", blank);
        assertEquals(400, r.status(), () -> r.body().toString());
        assertTrue(((Map<String, Object>) r.body().get("fieldErrors")).containsKey("summary"), () -> r.body().toString());
    }

    // --- Niet in behandeling --------------------------------------------------------------------------------

    @Test
    void theOneYearLimitOfKlachtenportaalZorgIsAnAdviceAndACheckNotAVerdict() {
        // "Klachten kunnen worden ingediend over gebeurtenissen van maximaal een jaar geleden" stands in the paragraph on
        // Klachtenportaal Zorg: IederZijnWerk still handles the complaint of its own client.
        var old = official("2026-02-10");
        old.put("incidentOn", "2025-02-09");
        var c = createComplaint(T, old);
        assertEquals(true, c.get("admissible"));
        assertEquals("2026-03-24", obligation(c, "DECIDE").get("dueOn"));
        assertTrue(((String) advice(c, "EEN_JAAR_KPZ").get("text")).contains("maximaal een jaar geleden"));
        var check = obligation(c, "CHECK_ONE_YEAR_KPZ");
        assertEquals("OPEN", check.get("status"));
        assertTrue(strings(c, "nextActions").contains("CHECK_CONFIRMED"));
        var confirmed = event(T, c.get("id"), ev("CHECK_CONFIRMED", "2026-02-12", "code", "CHECK_ONE_YEAR_KPZ"));
        assertEquals("MET", obligation(confirmed, "CHECK_ONE_YEAR_KPZ").get("status"));
        assertEquals("2026-03-24", obligation(confirmed, "DECIDE").get("dueOn"));

        var exactlyAYear = official("2026-02-10");
        exactlyAYear.put("incidentOn", "2025-02-10");
        var fine = createComplaint(T, exactlyAYear);
        assertNoObligation(fine, "CHECK_ONE_YEAR_KPZ");
        assertEquals("2026-03-24", obligation(fine, "DECIDE").get("dueOn"));
    }

    @Test
    void notTakingAComplaintIntoTreatmentNeedsADetailedMotivation() {
        var c = createComplaint(T, official("2026-08-04"));
        assertNoObligation(c, "NOTIFY_NOT_ADMISSIBLE");
        var refused = refusedEvent(T, c.get("id"), ev("DECLARED_NOT_ADMISSIBLE", "2026-08-10"));
        assertTrue(((String) refused.get("message")).contains("gedetailleerde motivatie"), refused::toString);
        var declared = event(T, c.get("id"), ev("DECLARED_NOT_ADMISSIBLE", "2026-08-10", "motivation",
                "De klacht gaat over een andere zorgaanbieder."));
        assertEquals("WAIVED", obligation(declared, "DECIDE").get("status"));
        var notify = obligation(declared, "NOTIFY_NOT_ADMISSIBLE");
        // 04-08-2026 + 6 weeks = Tue 15-09-2026
        assertEquals("2026-09-15", notify.get("dueOn"));
        assertEquals("MET", notify.get("status"));
    }

    @Test
    void arbeidscoachingComplaintsAreReferredToTheirOwnProcedureNotDeclaredNotAdmissible() {
        var body = official("2026-05-11");
        body.put("serviceLine", "ARBEIDSCOACHING");
        var c = createComplaint(T, body);
        assertEquals(true, c.get("admissible"));
        assertTrue(strings(c, "admissibilityReasons").isEmpty());
        assertTrue(((String) advice(c, "ARBEIDSCOACHING").get("text")).contains("www.iederzijnwerk.nl"));
        assertNoObligation(c, "DECIDE");
        assertNoObligation(c, "NOTIFY_NOT_ADMISSIBLE");
        assertTrue(bodyCodes(c).contains("ARBEIDSCOACHING_PROCEDURE"));
        assertEquals("OPEN", obligation(c, "REFER_OWN_PROCEDURE").get("status"));
        @SuppressWarnings("unchecked")
        var procedure = ((List<Map<String, Object>>) c.get("externalBodies")).stream()
                .filter(b -> "ARBEIDSCOACHING_PROCEDURE".equals(b.get("code"))).findFirst().orElseThrow();
        assertEquals("IederZijnWerk, Nummer 15, 8775 XD Nijhuizum", procedure.get("address"));
        var referred = event(T, c.get("id"), ev("REFERRED_EXTERNAL", "2026-05-12", "body", "ARBEIDSCOACHING_PROCEDURE"));
        assertEquals("REFERRED_EXTERNAL", referred.get("status"));
        assertEquals("MET", obligation(referred, "REFER_OWN_PROCEDURE").get("status"));
        // Its own procedure takes over: what was running here ends with the referral and the case can be closed.
        assertEquals("WAIVED", obligation(referred, "ACKNOWLEDGE").get("status"));
        assertTrue(((String) obligation(referred, "ACKNOWLEDGE").get("explanation")).contains("doorverwezen naar "
                + "ARBEIDSCOACHING_PROCEDURE"));
    }

    // --- Directie, schriftelijke informatie, nabespreking ---------------------------------------------------

    @Test
    void directieIsInformedOfEveryComplaintAndWritesToTheComplainantAfterwards() {
        var c = createComplaint(T, official("2026-10-05"));
        var inform = obligation(c, "INFORM_MANAGEMENT");
        assertNull(inform.get("dueOn"));
        assertEquals("OPEN", inform.get("status"));
        assertNoObligation(c, "COMMUNICATE_SOLUTION");
        assertTrue(((String) advice(c, "SCHRIFTELIJKE_INFORMATIE").get("text")).contains("doorlooptijd"));
        var informed = event(T, c.get("id"), ev("MANAGEMENT_INFORMED", "2026-10-06"));
        assertEquals("MET", obligation(informed, "INFORM_MANAGEMENT").get("status"));

        var decided = event(T, c.get("id"), ev("DECIDED", "2026-10-26", "judgement", "WELL_FOUNDED"));
        var communicate = obligation(decided, "COMMUNICATE_SOLUTION");
        assertEquals("OPEN", communicate.get("status"));
        assertNull(communicate.get("dueOn"));
        assertTrue(hasAdvice(decided, "NABESPREKING"));
        var written = event(T, c.get("id"), ev("SOLUTION_COMMUNICATED", "2026-10-28", "text", "Brief directie"));
        assertEquals("MET", obligation(written, "COMMUNICATE_SOLUTION").get("status"));
        var closed = event(T, c.get("id"), ev("CLOSED", "2026-11-02", "satisfaction", 4));
        assertEquals("CLOSED", closed.get("status"));
    }

    @Test
    void handlerIsToldWhereComplaintsGoAndThatOthersAreContactedOnlyWithConsent() {
        var body = official("2026-10-12");
        complainant(body).put("role", "OTHER");
        var c = createComplaint(T, body);
        assertEquals("IederZijnWerk Ambulant, T.a.v. de directie, Nummer 15, 8775 XD Nijhuizum; e-mail "
                + "info@iederzijnwerk.nl; telefoon 0515 543623; klachtenformulier op www.iederzijnwerk.nl",
                c.get("addressee"));
        assertTrue(((String) advice(c, "TOESTEMMING").get("text")).contains("na toestemming"));
        assertTrue(((String) advice(c, "KLAGER").get("text")).contains("wettelijk vertegenwoordiger"));
        var client = createComplaint(T, official("2026-10-12"));
        assertFalse(hasAdvice(client, "KLAGER"));
    }

    // --- Escalatie: medewerker -> coördinator/leidinggevende -> directie -> KPZ -> Geschillencommissie ------

    @Test
    void complaintClimbsTheLadderAndReachesTheGeschillencommissieOnlyAfterTheKlachtenfunctionaris() {
        var c = createComplaint(T, official("2026-09-07"));
        assertEquals("EMPLOYEE", c.get("escalationLevel"));
        assertEquals(List.of("COMPLAINTS_OFFICER", "TEAM_LEAD"), strings(c, "escalationOptions").stream().sorted().toList());
        assertEquals(List.of("KPZ_KLACHTENFUNCTIONARIS"), bodyCodes(c));
        var tooEarly = refusedEvent(T, c.get("id"), ev("ESCALATED", "2026-09-08", "level", "DISPUTES_COMMITTEE"));
        assertTrue(((String) tooEarly.get("message")).contains("DISPUTES_COMMITTEE"), tooEarly::toString);

        var lead = event(T, c.get("id"), ev("ESCALATED", "2026-09-08", "level", "TEAM_LEAD"));
        assertEquals(List.of("COMPLAINTS_OFFICER", "DIRECTOR"), strings(lead, "escalationOptions").stream().sorted().toList());
        var director = event(T, c.get("id"), ev("ESCALATED", "2026-09-10", "level", "DIRECTOR"));
        assertEquals(List.of("COMPLAINTS_OFFICER"), strings(director, "escalationOptions"));
        refusedEvent(T, c.get("id"), ev("ESCALATED", "2026-09-11", "level", "DISPUTES_COMMITTEE"));
        var kpz = event(T, c.get("id"), ev("ESCALATED", "2026-09-14", "level", "COMPLAINTS_OFFICER"));
        assertEquals(List.of("DISPUTES_COMMITTEE"), strings(kpz, "escalationOptions"));
        assertTrue(bodyCodes(kpz).contains("KPZ_GESCHILLENCOMMISSIE"));
        var disputes = event(T, c.get("id"), ev("ESCALATED", "2026-10-01", "level", "DISPUTES_COMMITTEE"));
        assertEquals("DISPUTES_COMMITTEE", disputes.get("escalationLevel"));
        assertTrue(strings(disputes, "escalationOptions").isEmpty());
        var referred = event(T, c.get("id"), ev("REFERRED_EXTERNAL", "2026-10-01", "body", "KPZ_GESCHILLENCOMMISSIE"));
        assertEquals("REFERRED_EXTERNAL", referred.get("status"));
    }

    @Test
    void klachtenportaalZorgMayBeEngagedAtAnyTime() {
        var body = complaint("INFORMAL", "PHONE", "2026-09-21");
        var c = createComplaint(T, body);
        assertTrue(strings(c, "escalationOptions").contains("COMPLAINTS_OFFICER"));
        // The klachtenfunctionaris supports; IederZijnWerk's own handling and its terms go on.
        var referred = event(T, c.get("id"), ev("REFERRED_EXTERNAL", "2026-09-22", "body", "KPZ_KLACHTENFUNCTIONARIS"));
        assertEquals("IN_PROGRESS", referred.get("status"));
        assertEquals("OPEN", obligation(referred, "INFORM_MANAGEMENT").get("status"));
        assertFalse(strings(referred, "nextActions").contains("CLOSED"));
        var escalated = event(T, c.get("id"), ev("ESCALATED", "2026-09-22", "level", "COMPLAINTS_OFFICER"));
        assertEquals("COMPLAINTS_OFFICER", escalated.get("escalationLevel"));
        // the Geschillencommissie only now, after the klachtenfunctionaris
        refusedEvent(T, createComplaint(T, complaint("INFORMAL", "PHONE", "2026-09-21")).get("id"),
                ev("REFERRED_EXTERNAL", "2026-09-22", "body", "KPZ_GESCHILLENCOMMISSIE"));
        assertTrue(bodyCodes(escalated).contains("KPZ_GESCHILLENCOMMISSIE"));
    }
    @jakarta.inject.Inject
    nl.klachtenregie.report.ReportService reports;
    @jakarta.inject.Inject
    nl.klachtenregie.tenant.TenantDirectory tenants;

    @Test
    void theJaarrapportageListsComplaintsNotHandledWithinTheSixWeeksExtendedOnesIncluded() {
        // 2024 is used by this test only. "het aantal ingediende klachten dat niet binnen de gestelde termijn van 6 weken
        // is afgehandeld, met toelichting": against the 6 weeks, so a complaint handled within its extension is listed.
        // Mon 02-09-2024 + 6 weeks = Mon 14-10-2024; extended by 4 weeks to Mon 11-11-2024, decided 01-11-2024.
        var extended = createComplaint(T, official("2024-09-02"));
        // recorded only now, on the evidence of the letter sent in time
        event(T, extended.get("id"), ev("EXTENSION_ANNOUNCED", "2024-10-10", "weeks", 4, "text",
                "Wachten op het verslag van de dagbesteding", "noticeDate", "2024-10-10", "noticeReference",
                "brief 10-10-2024", "reason", "Bij het overzetten van het oude register ingevoerd"));
        var decided = event(T, extended.get("id"), ev("DECIDED", "2024-11-01", "judgement", "UNFOUNDED"));
        assertEquals("MET", obligation(decided, "DECIDE").get("status"));
        var onTime = createComplaint(T, official("2024-09-09"));
        event(T, onTime.get("id"), ev("DECIDED", "2024-09-20", "judgement", "UNFOUNDED"));

        var report = reports.report(tenants.resolve(T), new nl.klachtenregie.report.ReportService.Request(
                "JAARRAPPORTAGE_KLACHTEN", nl.klachtenregie.kpi.Period.parse("2024"), false),
                nl.klachtenregie.report.ReportFixtures.user(T, nl.klachtenregie.security.Role.COMPLIANCE));
        var late = report.sections().stream().filter(x -> "LATE".equals(x.code())).findFirst().orElseThrow();
        assertEquals("1 van 2", late.figures().stream().filter(f -> f.label().equals(
                "Niet binnen de gestelde termijn afgehandeld")).findFirst().orElseThrow().value());
        var table = report.table("te-laat").orElseThrow();
        assertEquals(1, table.rows().size());
        assertEquals(extended.get("reference"), table.rows().get(0).get(0));
        String terms = table.rows().get(0).get(3).toString();
        assertTrue(terms.contains("gestelde termijn 14-10-2024, verlengd tot 11-11-2024, gedaan 01-11-2024 (binnen de "
                + "verlengde termijn)"), terms);
        assertEquals("Wachten op het verslag van de dagbesteding", table.rows().get(0).get(6));
    }

    @SuppressWarnings("unchecked")
    @Test
    void performanceIsMeasuredAgainstTheTerms() {
        // 2025 is used by this test only.
        // Mon 03-03-2025: acknowledgement due 10-03 (met 05-03), judgement due 14-04 (met 10-04).
        var onTime = createComplaint(T, official("2025-03-03"));
        assertEquals("2025-03-10", obligation(onTime, "ACKNOWLEDGE").get("dueOn"));
        assertEquals("2025-04-14", obligation(onTime, "DECIDE").get("dueOn"));
        event(T, onTime.get("id"), ev("ACKNOWLEDGED", "2025-03-05"));
        event(T, onTime.get("id"), ev("DECIDED", "2025-04-10", "judgement", "UNFOUNDED"));
        // Mon 02-06-2025: 3, 4, 5, 6, (09-06 tweede Pinksterdag), 10 -> acknowledgement due 10-06, met late 12-06;
        // judgement due Mon 14-07-2025, met late 18-07.
        var late = createComplaint(T, official("2025-06-02"));
        var ack = obligation(late, "ACKNOWLEDGE");
        assertEquals("2025-06-10", ack.get("dueOn"));
        assertEquals("5 werkdagen na 02-06-2025; 09-06 tweede Pinksterdag (Atw art. 3 lid 1) overgeslagen",
                ack.get("explanation"));
        assertEquals("2025-07-14", obligation(late, "DECIDE").get("dueOn"));
        event(T, late.get("id"), ev("ACKNOWLEDGED", "2025-06-12"));
        var decided = event(T, late.get("id"), ev("DECIDED", "2025-07-18", "judgement", "WELL_FOUNDED"));
        assertEquals("MET_LATE", obligation(decided, "DECIDE").get("status"));

        Response r = get("/api/tenants/" + T + "/kpis?year=2025");
        assertEquals(200, r.status(), () -> r.body().toString());
        var report = r.body();
        var decide = kpi(report, "ON_TIME:DECIDE");
        assertEquals("GE", decide.get("comparator"));
        assertEquals(1.0, ((Number) decide.get("target")).doubleValue());
        assertEquals(0.5, ((Number) decide.get("value")).doubleValue());
        assertEquals(false, decide.get("met"));
        var acknowledge = kpi(report, "ON_TIME:ACKNOWLEDGE");
        assertEquals(0.5, ((Number) acknowledge.get("value")).doubleValue());
        assertEquals(false, acknowledge.get("met"));

        var duties = (List<Map<String, Object>>) report.get("reportDuties");
        assertEquals(1, duties.size());
        assertEquals("YEAR", duties.get(0).get("period"));
        assertEquals("directie", duties.get(0).get("audience"));
        var sections = (List<String>) duties.get(0).get("sections");
        assertEquals(4, sections.size());
        assertEquals("het totaal aantal ingediende klachten", sections.get(0));
        assertTrue(sections.get(3).contains("klanttevredenheid"));
    }
}
