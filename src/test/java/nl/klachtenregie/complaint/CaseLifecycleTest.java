package nl.klachtenregie.complaint;

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

/** What the case engine does for every regulation: closing, fulfilment over time, extensions that come too late. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseLifecycleTest extends ApiTestSupport {

    @Test
    void closingLetsNoDutyLapseAndAMissedTermStaysMissed() {
        // IederZijnWerk, received Thu 1 Oct 2026: acknowledgement due Thu 8 Oct (5 working days), never sent.
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-10-01")).get("id");
        event("iederzijnwerk", id, ev("DECIDED", "2026-10-20", "judgement", "UNFOUNDED"));
        // informing the directie and telling the complainant the outcome were never done: closing is refused
        Map<String, Object> refused = refusedEvent("iederzijnwerk", id, ev("CLOSED", "2026-10-21"));
        assertTrue(((String) refused.get("message")).startsWith("Het dossier kan nog niet worden gesloten"),
                refused::toString);
        assertTrue(strings(refused, "reasons").stream().anyMatch(r -> r.startsWith("Open: Leiding informeren")),
                refused::toString);
        event("iederzijnwerk", id, ev("SOLUTION_COMMUNICATED", "2026-10-21"));
        event("iederzijnwerk", id, ev("DUTY_SET_ASIDE", "2026-10-21", "code", "INFORM_MANAGEMENT", "reason",
                "De directie besliste zelf over de klacht en wist er dus van."));
        Map<String, Object> closed = event("iederzijnwerk", id, ev("CLOSED", "2026-10-21", "satisfaction", 3));
        assertEquals("OVERDUE", obligation(closed, "ACKNOWLEDGE").get("status"));
        assertEquals("SET_ASIDE", obligation(closed, "INFORM_MANAGEMENT").get("status"));
        assertEquals("De directie besliste zelf over de klacht en wist er dus van.",
                obligation(closed, "INFORM_MANAGEMENT").get("setAsideReason"));
        assertEquals("MET", obligation(closed, "DECIDE").get("status"));
        List<Map> overdueWork = retrieve(
                "/api/tenants/iederzijnwerk/complaints?overdue=true", Argument.listOf(Map.class));
        assertTrue(overdueWork.stream().noneMatch(c -> id.equals(c.get("id"))), "a closed case is nobody's work");
    }

    @Test
    void aDecisionTermThatRanOutBeforeTheComplaintWasDeclaredNotAdmissibleStaysMissed() {
        // kwaliteitsprocedure-6-5, formal, received Mon 1 Jun 2026: decision due Mon 13 Jul (Wkkgz 6 weeks).
        Object late = createComplaint("kwaliteitsprocedure-6-5", complaint("FORMAL", "LETTER", "2026-06-01"))
                .get("id");
        Map<String, Object> lateCase = event("kwaliteitsprocedure-6-5", late, ev("DECLARED_NOT_ADMISSIBLE",
                "2026-07-20", "motivation", "Geen klacht over de zorg"));
        assertEquals("OVERDUE", obligation(lateCase, "DECIDE").get("status"));
        Object timely = createComplaint("kwaliteitsprocedure-6-5", complaint("FORMAL", "LETTER", "2026-06-01"))
                .get("id");
        Map<String, Object> timelyCase = event("kwaliteitsprocedure-6-5", timely, ev("DECLARED_NOT_ADMISSIBLE",
                "2026-07-01", "motivation", "Geen klacht over de zorg"));
        assertEquals("WAIVED", obligation(timelyCase, "DECIDE").get("status"));
    }

    @Test
    void aCaseReferredToTheExternalBodyCanBeClosedOnceItsOutcomeIsIn() {
        // Klimkoord stays responsible for a complaint Klachtenportaal Zorg handles: closed once the outcome is in.
        Object id = createComplaint("klimkoord", complaint("FORMAL", "WEB_FORM", "2026-09-07")).get("id");
        Map<String, Object> referred = event("klimkoord", id, ev("REFERRED_EXTERNAL", "2026-09-08",
                "body", "KPZ_KLACHTENFUNCTIONARIS"));
        assertFalse(((List<?>) referred.get("nextActions")).contains("CLOSED"));
        Map<String, Object> outcome = event("klimkoord", id, ev("EXTERNAL_OUTCOME_RECEIVED", "2026-10-15"));
        assertTrue(((List<?>) outcome.get("nextActions")).contains("CLOSED"));
        assertEquals("CLOSED", event("klimkoord", id, ev("CLOSED", "2026-11-02")).get("status"));
        // a referral to a body that takes the complaint over (IederZijnWerk's geschillencommissie) ends the duties
        Object izw = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-07")).get("id");
        event("iederzijnwerk", izw, ev("ESCALATED", "2026-09-08", "level", "COMPLAINTS_OFFICER"));
        Map<String, Object> taken = event("iederzijnwerk", izw, ev("REFERRED_EXTERNAL", "2026-09-09", "body",
                "KPZ_GESCHILLENCOMMISSIE"));
        assertEquals("REFERRED_EXTERNAL", taken.get("status"));
        assertEquals("WAIVED", obligation(taken, "DECIDE").get("status"));
        assertEquals("CLOSED", event("iederzijnwerk", izw, ev("CLOSED", "2026-09-10")).get("status"));
    }

    @Test
    void aDutyFulfilledAfterTheDayAskedIsStillOpenOnThatDay() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-06-01")).get("id");
        event("iederzijnwerk", id, ev("ACKNOWLEDGED", "2026-06-05"));
        Map<String, Object> before = getCase("iederzijnwerk", id, "2026-06-03");
        assertEquals("OPEN", obligation(before, "ACKNOWLEDGE").get("status"));
        assertNull(obligation(before, "ACKNOWLEDGE").get("metOn"));
        assertEquals("MET", obligation(getCase("iederzijnwerk", id, "2026-06-05"), "ACKNOWLEDGE").get("status"));
    }

    @Test
    void anExtensionCannotBeRecordedWithAnEarlierDateOnceTheTermHasRunOut() {
        // Received Tue 1 Sep 2026: decision due Tue 13 Oct. "Today" in the tests is 22 Nov 2026.
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Map<String, Object> now = getCase("iederzijnwerk", id, null);
        assertFalse(((List<?>) now.get("nextActions")).contains("EXTENSION_ANNOUNCED"));
        assertTrue(((List<?>) getCase("iederzijnwerk", id, "2026-10-01").get("nextActions"))
                .contains("EXTENSION_ANNOUNCED"));
        Map<String, Object> refused = refusedEvent("iederzijnwerk", id, ev("EXTENSION_ANNOUNCED", "2026-10-12",
                "weeks", 4));
        assertTrue(refused.get("message").toString().contains("13-10-2026 verstreken"), refused::toString);
        assertEquals("2026-10-13", obligation(getCase("iederzijnwerk", id, null), "DECIDE").get("dueOn"));
    }

    @Test
    void aBackFilledReportFulfilsTheDutyItBelongsTo() {
        // Impuls, informal: a note of the complaint (from receipt) and a report of the meeting (from 10 March).
        Object id = createComplaint("impuls", complaint("INFORMAL", "IN_PERSON", "2026-03-02")).get("id");
        event("impuls", id, ev("MEETING_HELD", "2026-03-10"));
        event("impuls", id, ev("REPORT_RECORDED", "2026-03-11", "text", "verslag gesprek"));
        Map<String, Object> after = event("impuls", id, ev("REPORT_RECORDED", "2026-03-03", "text", "aantekening"));
        List<Map<String, Object>> reports = obligations(after, "RECORD_REPORT");
        assertEquals(2, reports.size(), reports::toString);
        assertTrue(reports.stream().allMatch(r -> "MET".equals(r.get("status"))), reports::toString);
    }
}
