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
 * Stichting Klimkoord, Procedure Klachtenmanagement (6 mei 2024), driven through the JSON API.
 *
 * <p>History matters here ("herhaaldelijk over hetzelfde onderwerp of dezelfde persoon"): every test that
 * asserts on registration uses categories and employees no other test in this class uses.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KlimkoordScenarioTest extends ApiTestSupport {

    private static final String T = "klimkoord";

    private Map<String, Object> informal(String receivedOn, String category) {
        var body = complaint("INFORMAL", "WEB_FORM", receivedOn);
        body.put("category", category);
        return body;
    }

    @Test
    void acknowledgementIsAlwaysGivenButHasNoTermSoItIsNeverOverdue() {
        var c = createComplaint(T, informal("2026-01-12", "BEJEGENING"));
        assertEquals("2024-05-06", c.get("regulationVersion"));
        var ack = obligation(c, "ACKNOWLEDGE");
        assertNull(ack.get("dueOn"));
        assertEquals("OPEN", ack.get("status"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-11-20"), "ACKNOWLEDGE").get("status"));
        assertTrue(((String) ack.get("basis")).contains("ontvangstbevestiging"));
        var after = event(T, c.get("id"), ev("ACKNOWLEDGED", "2026-02-20"));
        assertEquals("MET", obligation(after, "ACKNOWLEDGE").get("status"));
        assertEquals("2026-02-20", obligation(after, "ACKNOWLEDGE").get("metOn"));
    }

    @Test
    void contactWithinFourteenDaysRollsOverTheWeekend() {
        // received Saturday 07-03-2026; + 14 days = Saturday 21-03 -> Monday 23-03
        var c = createComplaint(T, informal("2026-03-07", "BEJEGENING"));
        var contact = obligation(c, "CONTACT");
        assertEquals("2026-03-23", contact.get("dueOn"));
        // The 14 days are Klimkoord's own term: the roll-over of the Algemene termijnenwet (art. 1) is this version's
        // visible choice, and the explanation says so.
        assertEquals("14 dagen na 07-03-2026: 21-03-2026; 21-03 zaterdag, 22-03 zondag, verschoven naar 23-03-2026 "
                + "(Atw art. 1, door het reglement toegepast)", contact.get("explanation"));
        var after = event(T, c.get("id"), ev("CONTACTED", "2026-03-23"));
        assertEquals("MET", obligation(after, "CONTACT").get("status"));
    }

    @Test
    void contactWithinFourteenDaysRollsOverKoningsdagAndLateContactIsMetLate() {
        // received Monday 13-04-2026; + 14 days = Monday 27-04 Koningsdag -> 28-04
        var c = createComplaint(T, informal("2026-04-13", "BEJEGENING"));
        var contact = obligation(c, "CONTACT");
        assertEquals("2026-04-28", contact.get("dueOn"));
        assertTrue(((String) contact.get("explanation")).contains("27-04 Koningsdag"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-04-28"), "CONTACT").get("status"));
        assertEquals("OVERDUE", obligation(getCase(T, c.get("id"), "2026-04-29"), "CONTACT").get("status"));
        var after = event(T, c.get("id"), ev("CONTACTED", "2026-04-29"));
        assertEquals("MET_LATE", obligation(after, "CONTACT").get("status"));
    }

    @Test
    void stepsAreCommunicatedWithinThirtyDaysRolledOverChristmas() {
        // received Wednesday 26-11-2025; + 30 days = Friday 26-12 tweede Kerstdag, then the weekend -> 29-12
        var c = createComplaint(T, informal("2025-11-26", "BEJEGENING"));
        assertEquals("2025-12-10", obligation(c, "CONTACT").get("dueOn"));
        var solution = obligation(c, "COMMUNICATE_SOLUTION");
        assertEquals("2025-12-29", solution.get("dueOn"));
        assertEquals("30 dagen na 26-11-2025: 26-12-2025; 26-12 tweede Kerstdag (Atw art. 3 lid 1), 27-12 zaterdag, "
                + "28-12 zondag, verschoven naar 29-12-2025 (Atw art. 1, door het reglement toegepast)",
                solution.get("explanation"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2025-12-29"), "COMMUNICATE_SOLUTION").get("status"));
        assertEquals("OVERDUE",
                obligation(getCase(T, c.get("id"), "2025-12-30"), "COMMUNICATE_SOLUTION").get("status"));
        event(T, c.get("id"), ev("CONTACTED", "2025-12-08"));
        var after = event(T, c.get("id"), ev("SOLUTION_COMMUNICATED", "2025-12-22", "text", "Nieuwe afspraken"));
        assertEquals("MET", obligation(after, "CONTACT").get("status"));
        assertEquals("MET", obligation(after, "COMMUNICATE_SOLUTION").get("status"));
    }

    @Test
    void informalComplaintResolvedInConsultationNeedNotBeRegistered() {
        var c = createComplaint(T, informal("2026-02-02", "INFORMATIEVOORZIENING"));
        assertEquals(false, c.get("registrationRequired"));
        assertTrue(strings(c, "registrationReasons").isEmpty());
        assertNoObligation(c, "INFORM_MANAGEMENT");
        var after = event(T, c.get("id"), ev("RESOLVED_INFORMALLY", "2026-02-05"));
        assertEquals("RESOLVED_INFORMALLY", after.get("status"));
        assertEquals(false, after.get("registrationRequired"));
    }

    @Test
    void unwantedBehaviourMustBeRegisteredAndReportedToTheKwaliteitsmanager() {
        var body = informal("2026-05-18", "ONGEWENST_GEDRAG");
        body.put("unwantedBehaviour", true);
        var c = createComplaint(T, body);
        assertEquals(true, c.get("registrationRequired"));
        assertEquals(List.of("De klacht houdt verband met ongewenst gedrag (zie Gedragscode): registreren en melden "
                + "bij de Kwaliteitsmanager (Procedure Klachtenmanagement 4.2 en 6.1)"), strings(c, "registrationReasons"));
        var inform = obligation(c, "INFORM_MANAGEMENT");
        assertNull(inform.get("dueOn"));
        assertEquals("OPEN", inform.get("status"));
        var after = event(T, c.get("id"), ev("MANAGEMENT_INFORMED", "2026-05-19"));
        assertEquals("MET", obligation(after, "INFORM_MANAGEMENT").get("status"));
    }

    @Test
    void complaintInTheCategoryOngewenstGedragIsUnwantedBehaviourEvenWithoutTheFlag() {
        // 03-03-2025: more than twelve months before the other ONGEWENST_GEDRAG complaint of this class (18-05-2026)
        var body = informal("2025-03-03", "ONGEWENST_GEDRAG");
        body.put("unwantedBehaviour", false);
        var c = createComplaint(T, body);
        assertEquals(true, c.get("registrationRequired"));
        assertEquals(List.of("De klacht houdt verband met ongewenst gedrag (zie Gedragscode): registreren en melden "
                + "bij de Kwaliteitsmanager (Procedure Klachtenmanagement 4.2 en 6.1)"), strings(c, "registrationReasons"));
        var inform = obligation(c, "INFORM_MANAGEMENT");
        assertNull(inform.get("dueOn"));
        assertEquals("OPEN", inform.get("status"));
    }

    private static final String NOT_RESOLVED_WITH_EMPLOYEE = "De klacht is niet in overleg tussen melder en directe "
            + "medewerker of betrokkene opgelost (geëscaleerd voorbij de medewerker of doorverwezen naar Klachtenportaal "
            + "Zorg), dus de uitzondering op de registratie geldt niet: 'De Kwaliteitsmanager houdt een registratie bij "
            + "waarin in- en extern gemelde klachten worden bijgehouden'; registreren en melden bij de Kwaliteitsmanager "
            + "(Procedure Klachtenmanagement 4.2 en 6.1)";

    @Test
    void informalComplaintTakenToTheLeidinggevendeIsNoLongerExemptFromRegistration() {
        // BEREIKBAARHEID: no other complaint of this class in the twelve months before 07-09-2026
        var c = createComplaint(T, informal("2026-09-07", "BEREIKBAARHEID"));
        assertEquals(false, c.get("registrationRequired"));
        assertNoObligation(c, "INFORM_MANAGEMENT");

        var escalated = event(T, c.get("id"), ev("ESCALATED", "2026-09-09", "level", "TEAM_LEAD"));
        assertEquals(true, escalated.get("registrationRequired"));
        assertEquals(List.of(NOT_RESOLVED_WITH_EMPLOYEE), strings(escalated, "registrationReasons"));
        var inform = obligation(escalated, "INFORM_MANAGEMENT");
        assertNull(inform.get("dueOn"));
        assertEquals("OPEN", inform.get("status"));
        assertEquals("OPEN", obligation(getCase(T, c.get("id"), "2026-11-20"), "INFORM_MANAGEMENT").get("status"));
        var informed = event(T, c.get("id"), ev("MANAGEMENT_INFORMED", "2026-09-10"));
        assertEquals("MET", obligation(informed, "INFORM_MANAGEMENT").get("status"));

        // resolved by the leidinggevende: still not resolved "in overleg tussen melder en directe medewerker"
        var resolved = event(T, c.get("id"), ev("RESOLVED_INFORMALLY", "2026-09-15"));
        assertEquals(true, resolved.get("registrationRequired"));
        assertEquals(List.of(NOT_RESOLVED_WITH_EMPLOYEE), strings(resolved, "registrationReasons"));
    }

    @Test
    void informalComplaintReferredToKlachtenportaalZorgMustBeRegisteredAndReported() {
        // 02-06-2025: more than twelve months before the other BEREIKBAARHEID complaint of this class (07-09-2026)
        var c = createComplaint(T, informal("2025-06-02", "BEREIKBAARHEID"));
        assertEquals(false, c.get("registrationRequired"));
        var referred = event(T, c.get("id"), ev("REFERRED_EXTERNAL", "2025-06-04", "body", "KPZ_KLACHTENFUNCTIONARIS"));
        // Klachtenportaal Zorg handles it "namens Stichting Klimkoord": Klimkoord's own duties run on.
        assertEquals("IN_PROGRESS", referred.get("status"));
        assertEquals("EMPLOYEE", referred.get("escalationLevel"));
        assertEquals(true, referred.get("registrationRequired"));
        assertEquals(List.of(NOT_RESOLVED_WITH_EMPLOYEE), strings(referred, "registrationReasons"));
        assertEquals("OPEN", obligation(referred, "INFORM_MANAGEMENT").get("status"));
    }

    @Test
    void informalResolutionMakesTheTalkWithTheLeidinggevendeMoot() {
        var c = createComplaint(T, informal("2026-10-05", "COMMUNICATIEWIJZE"));
        var escalated = event(T, c.get("id"), ev("ESCALATED", "2026-10-06", "level", "TEAM_LEAD"));
        assertEquals("OPEN", obligation(escalated, "MEETING").get("status"));
        event(T, c.get("id"), ev("CONTACTED", "2026-10-07"));
        var resolved = event(T, c.get("id"), ev("RESOLVED_INFORMALLY", "2026-10-08"));
        assertEquals("RESOLVED_INFORMALLY", resolved.get("status"));
        assertEquals("WAIVED", obligation(resolved, "MEETING").get("status"));
        assertNoObligation(resolved, "RECORD_REPORT");
        // the performance terms are not waived: contact was made, the steps must still be communicated
        assertEquals("MET", obligation(resolved, "CONTACT").get("status"));
        // 05-10-2026 + 30 days = Wednesday 04-11-2026
        var onDueDate = getCase(T, c.get("id"), "2026-11-04");
        assertEquals("2026-11-04", obligation(onDueDate, "COMMUNICATE_SOLUTION").get("dueOn"));
        assertEquals("OPEN", obligation(onDueDate, "COMMUNICATE_SOLUTION").get("status"));
        assertNoObligation(resolved, "DECIDE");

        // resolved with the employee, then the complainant asks for the leidinggevende after all: the talk is due
        var again = createComplaint(T, informal("2026-10-12", "COMMUNICATIEWIJZE"));
        event(T, again.get("id"), ev("RESOLVED_INFORMALLY", "2026-10-13"));
        var reopened = event(T, again.get("id"), ev("ESCALATED", "2026-10-20", "level", "TEAM_LEAD"));
        assertEquals("IN_PROGRESS", reopened.get("status"));
        assertEquals("OPEN", obligation(reopened, "MEETING").get("status"));
    }

    @Test
    void repeatedComplaintAboutTheSamePersonMustBeRegisteredAndReported() {
        var first = informal("2026-06-01", "ZORGVERLENING");
        first.put("concernsEmployee", "Zorgverlener A. de Vries");
        var c1 = createComplaint(T, first);
        assertEquals(false, c1.get("registrationRequired"), () -> "first alone: " + c1.get("registrationReasons"));
        assertNoObligation(c1, "INFORM_MANAGEMENT");

        var second = informal("2026-07-01", "WACHTTIJDEN");
        second.put("concernsEmployee", "Zorgverlener A. de Vries");
        var c2 = createComplaint(T, second);
        assertEquals(true, c2.get("registrationRequired"));
        assertEquals(List.of("Er wordt herhaaldelijk over dezelfde persoon geklaagd: registreren en melden bij de "
                + "Kwaliteitsmanager (Procedure Klachtenmanagement 4.2 en 6.1)"), strings(c2, "registrationReasons"));
        assertEquals("OPEN", obligation(c2, "INFORM_MANAGEMENT").get("status"));
    }

    @Test
    void repeatedComplaintAboutTheSameSubjectMustBeRegistered() {
        var c1 = createComplaint(T, informal("2026-08-03", "TRAININGSAANBOD"));
        assertEquals(false, c1.get("registrationRequired"));
        var c2 = createComplaint(T, informal("2026-08-10", "TRAININGSAANBOD"));
        assertEquals(true, c2.get("registrationRequired"));
        assertTrue(strings(c2, "registrationReasons").get(0).contains("herhaaldelijk over hetzelfde onderwerp"));
        assertEquals(1, obligations(c2, "INFORM_MANAGEMENT").size());
    }

    @Test
    void formalComplaintIsHandledByKlachtenportaalZorgUnderItsOwnRulesAndRegistered() {
        var c = createComplaint(T, complaint("FORMAL", "EMAIL", "2026-03-02"));
        assertEquals(true, c.get("registrationRequired"));
        assertTrue(strings(c, "registrationReasons").stream()
                .anyMatch(r -> r.startsWith("Formele klachten die door de Klachtenfunctionaris van Klachtenportaal "
                        + "Zorg worden opgepakt")));
        // KPZ's own procedure applies: no Klimkoord handling terms on a formal complaint
        assertNoObligation(c, "CONTACT");
        assertNoObligation(c, "COMMUNICATE_SOLUTION");
        assertNoObligation(c, "DECIDE");
        assertTrue(((String) advice(c, "KPZ_REGLEMENT").get("text"))
                .contains("https://klachtenportaalzorg.nl/klachtenprocedure-wkkgz-wmo-en-jeugdzorg/"));
        assertTrue(((String) c.get("addressee")).contains("info@klachtenportaalzorg.nl"));
    }

    @Test
    void klimkoordFollowsTheWkkgzSixWeeksFromTheDayTheComplaintWasLodgedWithKlachtenportaalZorg() {
        // Klimkoord stays the zorgaanbieder: the case records the day lodged there (02-03-2026) and watches the six
        // weeks of Wkkgz art. 17 lid 1 from that day: 13-04-2026 (a Monday).
        var c = createComplaint(T, complaint("FORMAL", "EMAIL", "2026-03-05"));
        var referred = event(T, c.get("id"), ev("REFERRED_EXTERNAL", "2026-03-06", "body", "KPZ_KLACHTENFUNCTIONARIS",
                "lodgedOn", "2026-03-02"));
        assertEquals("IN_PROGRESS", referred.get("status"));
        var follow = obligation(referred, "FOLLOW_EXTERNAL_DECISION");
        assertEquals("2026-03-02", follow.get("fromOn"));
        assertEquals("2026-04-13", follow.get("dueOn"));
        assertEquals("Wkkgz art. 17 lid 1", follow.get("statute"));
        assertTrue(((String) follow.get("explanation")).startsWith("6 weken na 02-03-2026 (Wkkgz art. 17 lid 1)"),
                follow::toString);
        assertEquals("OVERDUE", obligation(getCase(T, c.get("id"), "2026-04-14"), "FOLLOW_EXTERNAL_DECISION")
                .get("status"));
        // not closed while Klachtenportaal Zorg has not given its outcome
        assertFalse(strings(referred, "nextActions").contains("CLOSED"));
        var outcome = event(T, c.get("id"), ev("EXTERNAL_OUTCOME_RECEIVED", "2026-04-10", "text",
                "Klachtenportaal Zorg: klacht opgelost na bemiddeling"));
        assertEquals("MET", obligation(outcome, "FOLLOW_EXTERNAL_DECISION").get("status"));
        assertEquals("REFERRED_EXTERNAL", outcome.get("status"));
        assertTrue(strings(outcome, "nextActions").contains("CLOSED"));
        // a lodging date after the referral cannot be right
        var other = createComplaint(T, complaint("FORMAL", "EMAIL", "2026-03-05"));
        refusedEvent(T, other.get("id"), ev("REFERRED_EXTERNAL", "2026-03-06", "body", "KPZ_KLACHTENFUNCTIONARIS",
                "lodgedOn", "2026-03-09"));
    }

    @Test
    void anInformalComplaintTakenToKlachtenportaalZorgCountsAsAFormalComplaint() {
        // 6.2 "< 1 formele klachten per jaar": Klachtenportaal Zorg handles it as a formal complaint.
        // 2024: no other complaint of this class about information within twelve months
        var taken = createComplaint(T, informal("2024-06-03", "INFORMATIEVOORZIENING"));
        assertEquals(false, taken.get("countsAsFormal"));
        var escalated = event(T, taken.get("id"), ev("ESCALATED", "2024-06-04", "level", "COMPLAINTS_OFFICER"));
        assertEquals(true, escalated.get("countsAsFormal"));
        var referred = createComplaint(T, informal("2024-06-04", "INFORMATIEVOORZIENING"));
        var after = event(T, referred.get("id"), ev("REFERRED_EXTERNAL", "2024-06-05", "body",
                "KPZ_KLACHTENFUNCTIONARIS"));
        assertEquals(true, after.get("countsAsFormal"));
        assertEquals(true, createComplaint(T, complaint("FORMAL", "EMAIL", "2026-05-04")).get("countsAsFormal"));
    }

    @Test
    void theCatchAllCategoryIsNotTheSameSubject() {
        // "herhaaldelijk over hetzelfde onderwerp": two complaints filed under "Overige algemene zaken" are not.
        var c1 = createComplaint(T, informal("2026-08-03", "OVERIG"));
        assertEquals(false, c1.get("registrationRequired"));
        var c2 = createComplaint(T, informal("2026-08-10", "OVERIG"));
        assertEquals(false, c2.get("registrationRequired"), () -> c2.get("registrationReasons").toString());
    }

    @Test
    void theSamePersonIsRecognisedWhateverTheSpellingOfTheName() {
        // "herhaaldelijk ... over dezelfde persoon": case, spaces, initials and diacritics do not make another person.
        // 2024, categories no other complaint of this class uses within twelve months
        var first = informal("2024-07-01", "ZORGVERLENING");
        first.put("concernsEmployee", "Jan de Vriës");
        createComplaint(T, first);
        var second = informal("2024-07-08", "TRAININGSAANBOD");
        second.put("concernsEmployee", "J.  de vries");
        var c2 = createComplaint(T, second);
        assertEquals(true, c2.get("registrationRequired"), () -> c2.get("registrationReasons").toString());
        assertEquals(List.of("Er wordt herhaaldelijk over dezelfde persoon geklaagd: registreren en melden bij de "
                + "Kwaliteitsmanager (Procedure Klachtenmanagement 4.2 en 6.1)"), strings(c2, "registrationReasons"));
        var other = informal("2024-07-08", "WACHTTIJDEN");
        other.put("concernsEmployee", "P. de Vries");
        assertEquals(false, createComplaint(T, other).get("registrationRequired"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void complainantMayGoToKlachtenportaalZorgAtAnyTimeNamingKlimkoordAsZorgaanbieder() {
        var c = createComplaint(T, informal("2026-04-01", "BEJEGENING"));
        assertEquals("EMPLOYEE", c.get("escalationLevel"));
        assertTrue(strings(c, "escalationOptions").containsAll(List.of("TEAM_LEAD", "COMPLAINTS_OFFICER")));
        assertEquals(List.of("KPZ_KLACHTENFUNCTIONARIS"), bodyCodes(c));
        var kpz = ((List<Map<String, Object>>) c.get("externalBodies")).get(0);
        assertEquals("info@klachtenportaalzorg.nl", kpz.get("email"));
        assertEquals("https://www.klachtenportaalzorg.nl", kpz.get("url"));
        assertTrue(((String) advice(c, "KPZ_ZORGAANBIEDER").get("text"))
                .contains("Stichting Klimkoord de zorgaanbieder is"));
        // straight from the employee to the klachtenfunctionaris, skipping the leidinggevende
        var after = event(T, c.get("id"), ev("ESCALATED", "2026-04-02", "level", "COMPLAINTS_OFFICER"));
        assertEquals("COMPLAINTS_OFFICER", after.get("escalationLevel"));
        assertTrue(strings(after, "escalationOptions").isEmpty());
    }

    @Test
    void confidentialComplaintGetsOnlyALimitedAnswerInGeneralTerms() {
        var body = informal("2026-04-07", "BEJEGENING");
        body.put("confidential", true);
        var c = createComplaint(T, body);
        assertTrue(((String) advice(c, "VERTROUWELIJK").get("text")).contains("vrij algemene termen"));
        var open = createComplaint(T, informal("2026-04-08", "BEJEGENING"));
        assertFalse(hasAdvice(open, "VERTROUWELIJK"));
    }

    @Test
    void agreementsMadeWithTheLeidinggevendeAreRecordedInWriting() {
        var c = createComplaint(T, informal("2026-05-04", "COMMUNICATIEWIJZE"));
        // a talk with the employee himself needs no written record
        var talked = event(T, c.get("id"), ev("MEETING_HELD", "2026-05-06"));
        assertNoObligation(talked, "RECORD_REPORT");
        assertNoObligation(talked, "MEETING");

        var escalated = event(T, c.get("id"), ev("ESCALATED", "2026-05-07", "level", "TEAM_LEAD"));
        assertEquals("TEAM_LEAD", escalated.get("escalationLevel"));
        assertEquals(List.of("COMPLAINTS_OFFICER"), strings(escalated, "escalationOptions"));
        var meeting = obligation(escalated, "MEETING");
        assertEquals("OPEN", meeting.get("status"));
        assertNull(meeting.get("dueOn"));
        assertNoObligation(escalated, "RECORD_REPORT");

        var held = event(T, c.get("id"), ev("MEETING_HELD", "2026-05-12"));
        assertEquals("MET", obligation(held, "MEETING").get("status"));
        var report = obligation(held, "RECORD_REPORT");
        assertEquals("OPEN", report.get("status"));
        assertNull(report.get("dueOn"));
        assertTrue(((String) report.get("basis")).contains("schriftelijk vastgelegd"));

        var recorded = event(T, c.get("id"), ev("REPORT_RECORDED", "2026-05-13", "signedByComplainant", false));
        assertEquals("MET", obligation(recorded, "RECORD_REPORT").get("status"));
        assertEquals("2026-05-13", obligation(recorded, "RECORD_REPORT").get("metOn"));
    }

    @Test
    void theLadderHasNoDirectorRung() {
        var c = createComplaint(T, informal("2026-05-20", "BEJEGENING"));
        var refused = refusedEvent(T, c.get("id"), ev("ESCALATED", "2026-05-21", "level", "DIRECTOR"));
        assertTrue(((String) refused.get("message")).contains("DIRECTOR"), () -> refused.toString());
        refusedEvent(T, c.get("id"), ev("EXTENSION_ANNOUNCED", "2026-05-21", "weeks", 2));
    }
    @SuppressWarnings("unchecked")
    @Test
    void performanceIndicatorsAreMeasuredPerYear() {
        // 2024 is used by this test only. Informal 02-09-2024: contact due 16-09 (met 10-09), solution due 02-10
        // (met late on 15-10); one formal complaint, while the target is "< 1 formele klachten per jaar".
        var c = createComplaint(T, informal("2024-09-02", "OVERIG"));
        assertEquals("2024-09-16", obligation(c, "CONTACT").get("dueOn"));
        assertEquals("2024-10-02", obligation(c, "COMMUNICATE_SOLUTION").get("dueOn"));
        event(T, c.get("id"), ev("CONTACTED", "2024-09-10"));
        event(T, c.get("id"), ev("SOLUTION_COMMUNICATED", "2024-10-15", "text", "Excuses en nieuwe planning"));
        createComplaint(T, complaint("FORMAL", "EMAIL", "2024-10-07"));

        Response r = get("/api/tenants/" + T + "/kpis?year=2024");
        assertEquals(200, r.status(), () -> r.body().toString());
        var report = r.body();
        assertEquals("2024-05-06", report.get("regulationVersion"));
        var formal = kpi(report, "FORMAL_COMPLAINTS");
        assertEquals("< 1 formele klachten per jaar", formal.get("label"));
        assertEquals("LT", formal.get("comparator"));
        assertEquals(1.0, ((Number) formal.get("value")).doubleValue());
        assertEquals(false, formal.get("met"));
        var contact = kpi(report, "ON_TIME:CONTACT");
        assertEquals("GE", contact.get("comparator"));
        assertEquals(1.0, ((Number) contact.get("value")).doubleValue());
        assertEquals(true, contact.get("met"));
        var solution = kpi(report, "ON_TIME:COMMUNICATE_SOLUTION");
        assertEquals(0.0, ((Number) solution.get("value")).doubleValue());
        assertEquals(false, solution.get("met"));

        var duties = (List<Map<String, Object>>) report.get("reportDuties");
        assertEquals(1, duties.size());
        assertEquals("YEAR", duties.get(0).get("period"));
        assertTrue(((String) duties.get(0).get("audience")).contains("Management Team"));
        assertEquals(List.of("de geregistreerde gevallen van onvrede en ingediende formele klachten",
                "de aard en de inhoud van ingediende klachten", "de wijze van behandeling", "beslissingen",
                "een advies over mogelijke knelpunten"), duties.get(0).get("sections"));
    }
}
