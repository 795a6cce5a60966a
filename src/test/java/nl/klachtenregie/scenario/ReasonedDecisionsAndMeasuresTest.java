package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintRegister;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.ComplaintStatistics;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.ApiTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Wkkgz art. 17 lid 1: the complainant gets a written, reasoned decision within the term, naming the measures the
 * organisation will take and the term in which each is realised. For every tenant, not only where the regulation
 * repeats it (Impuls): each measure becomes a duty that is followed up until it is realised, even after the case is
 * closed; and "handled within the term" is measured on the day the decision reached the complainant.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReasonedDecisionsAndMeasuresTest extends ApiTestSupport {

    private static final String T = "iederzijnwerk";
    private static final String REASONS = "Uit het gesprek met de klager en de begeleider blijkt dat de afspraak "
            + "twee keer zonder bericht is verzet.";

    @Inject
    ComplaintService complaints;
    @Inject
    ComplaintRegister register;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;
    @Inject
    ComplaintStatistics statistics;

    private Object formalCase(String receivedOn) {
        return createComplaint(T, complaint("FORMAL", "LETTER", receivedOn)).get("id");
    }

    private static Map<String, Object> measure(String description, String dueOn) {
        return dueOn == null ? Map.of("description", description) : Map.of("description", description, "dueOn", dueOn);
    }

    private Response decide(Object id, Object... fields) {
        return post("/api/tenants/" + T + "/complaints/" + id + "/events", ev("DECIDED", "2026-10-01", fields));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fieldErrors(Response r) {
        return (Map<String, Object>) r.body().get("fieldErrors");
    }

    @Test
    void aDecisionOnAFormalComplaintWithoutReasonsIsBadInputNamingTheFieldAndNothingIsSaved() {
        Object id = formalCase("2026-09-01");
        int eventsBefore = ((List<?>) getCase(T, id, null).get("events")).size();

        Response noReasons = decide(id, "judgement", "UNFOUNDED", "motivation", null);
        assertEquals(400, noReasons.status(), () -> noReasons.body().toString());
        assertTrue(fieldErrors(noReasons).containsKey("motivation"), () -> noReasons.body().toString());
        assertTrue(fieldErrors(noReasons).get("motivation").toString().contains("Wkkgz art. 17 lid 1"));

        Response tooShort = decide(id, "judgement", "UNFOUNDED", "motivation", "Zie dossier.");
        assertEquals(400, tooShort.status());
        assertTrue(fieldErrors(tooShort).containsKey("motivation"));

        Map<String, Object> after = getCase(T, id, null);
        assertEquals(eventsBefore, ((List<?>) after.get("events")).size(), "nothing saved");
        assertEquals("RECEIVED", after.get("status"));
    }

    @Test
    void aMeasureWithoutItsDateIsBadInputNamingWhichMeasure() {
        Object id = formalCase("2026-09-01");
        Response r = decide(id, "judgement", "WELL_FOUNDED", "motivation", REASONS, "measures",
                List.of(measure("Het team belt bij elke wijziging.", "2026-11-01"),
                        measure("Rooster wordt herzien.", null)));
        assertEquals(400, r.status(), () -> r.body().toString());
        assertTrue(fieldErrors(r).containsKey("measures[1].dueOn"), () -> r.body().toString());
        assertTrue(fieldErrors(r).get("measures[1].dueOn").toString().startsWith("Maatregel 2"));
        assertEquals("RECEIVED", getCase(T, id, null).get("status"), "nothing saved");

        Response tooLong = decide(id, "judgement", "WELL_FOUNDED", "motivation", REASONS, "measures",
                List.of(measure("x".repeat(501), "2026-11-01")));
        assertEquals(400, tooLong.status(), "a measure is the duty's label: at most 500 characters");
        assertTrue(fieldErrors(tooLong).containsKey("measures[0].description"), () -> tooLong.body().toString());
    }

    @Test
    void eachMeasureBecomesADutyDueOnItsOwnDateMetWhenItIsRealised() {
        Object id = formalCase("2026-09-01");
        Response r = decide(id, "judgement", "WELL_FOUNDED", "motivation", REASONS, "measures",
                List.of(measure("Het team belt bij elke wijziging.", "2026-11-02"),
                        measure("Het rooster wordt herzien.", "2027-01-15")));
        assertEquals(200, r.status(), () -> r.body().toString());
        List<Map<String, Object>> duties = obligations(getCase(T, id, "2026-11-03"), "REALISE_MEASURE");
        assertEquals(2, duties.size());
        assertEquals("2026-11-02", duties.get(0).get("dueOn"));
        assertEquals("Het team belt bij elke wijziging.", duties.get(0).get("label"));
        assertEquals("OVERDUE", duties.get(0).get("status"));
        assertEquals("2027-01-15", duties.get(1).get("dueOn"));
        assertEquals("OPEN", duties.get(1).get("status"));
        assertTrue(duties.get(0).get("basis").toString().startsWith("Wkkgz art. 17 lid 1"));

        Response noAccount = post("/api/tenants/" + T + "/complaints/" + id + "/events",
                ev("MEASURE_REALISED", "2026-10-20", "measure", 1));
        assertEquals(400, noAccount.status(), "a measure realised says what was done");
        Response which = post("/api/tenants/" + T + "/complaints/" + id + "/events",
                ev("MEASURE_REALISED", "2026-10-20", "text", "Afspraak in teamoverleg gemaakt."));
        assertEquals(400, which.status(), "two measures are open: which one");
        assertTrue(fieldErrors(which).containsKey("measure"));

        Map<String, Object> done = event(T, id, ev("MEASURE_REALISED", "2026-10-20", "measure", 1,
                "text", "Afspraak in het teamoverleg van 20 oktober gemaakt en vastgelegd."));
        List<Map<String, Object>> after = obligations(done, "REALISE_MEASURE");
        assertEquals("MET", after.get(0).get("status"));
        assertEquals("2026-10-20", after.get(0).get("metOn"));
        assertEquals("OPEN", after.get(1).get("status"));
    }

    @Test
    void theOldSingleMeasureTextIsStillAcceptedAsOneMeasure() {
        Object id = formalCase("2026-09-01");
        Response r = decide(id, "judgement", "PARTLY_WELL_FOUNDED", "motivation", REASONS,
                "measures", "Wij passen het rooster aan.", "measuresDueOn", "2026-12-01");
        assertEquals(200, r.status(), () -> r.body().toString());
        Map<String, Object> duty = obligation(r.body(), "REALISE_MEASURE");
        assertEquals("Wij passen het rooster aan.", duty.get("label"));
        assertEquals("2026-12-01", duty.get("dueOn"));
        Response noDate = decide(formalCase("2026-09-01"), "judgement", "PARTLY_WELL_FOUNDED",
                "motivation", REASONS, "measures", "Wij passen het rooster aan.");
        assertEquals(400, noDate.status());
        assertTrue(fieldErrors(noDate).containsKey("measuresDueOn"));
    }

    @Test
    void anOpenMeasureDoesNotHoldTheCaseOpenAndIsStillFollowedUpAfterClosing() {
        Object id = formalCase("2026-09-01");
        event(T, id, ev("DECIDED", "2026-10-01", "judgement", "WELL_FOUNDED", "motivation", REASONS,
                "measures", List.of(measure("Het team belt bij elke wijziging.", "2026-11-20"))));
        setAsideOtherDuties(id, "2026-10-02");
        Map<String, Object> closed = event(T, id, ev("CLOSED", "2026-10-02"));
        assertEquals("CLOSED", closed.get("status"));
        assertEquals(List.of("MEASURE_REALISED"), closed.get("nextActions"), "the one step a closed case still takes");

        // the measure is still someone's work: Mijn werk and the dashboard's attention list show it
        var handler = users.findByUsername(T + ".medewerker").orElseThrow().id();
        complaints.assign(tenants.resolve(T), new nl.klachtenregie.complaint.ComplaintId(((Number) id).longValue()),
                handler, null);
        assertTrue(complaints.work(tenants.resolve(T), nl.klachtenregie.complaint.Viewer.SYSTEM, handler, LocalDate.parse("2026-11-21")).stream()
                .anyMatch(w -> w.code().equals("REALISE_MEASURE") && w.overdue()), "in Mijn werk, overdue");
        assertTrue(statistics.dueBy(tenants.resolve(T).id(), nl.klachtenregie.complaint.Viewer.SYSTEM, LocalDate.parse("2026-11-21"), 1000).stream()
                .anyMatch(d -> d.id() == ((Number) id).longValue() && d.code().equals("REALISE_MEASURE")),
                "on the dashboard's attention list");

        Map<String, Object> realised = event(T, id, ev("MEASURE_REALISED", "2026-11-18",
                "text", "Werkafspraak in het teamoverleg vastgelegd."));
        assertEquals("CLOSED", realised.get("status"));
        assertEquals("MET", obligation(realised, "REALISE_MEASURE").get("status"));
        assertEquals(List.of(), realised.get("nextActions"));
    }

    @Test
    void handledWithinTheTermIsMeasuredOnTheDayTheDecisionWasSentNotTheDayItWasTaken() {
        // received 01-09-2026: six weeks end on 13-10-2026
        Object id = formalCase("2026-09-01");
        Map<String, Object> c = event(T, id, ev("DECIDED", "2026-10-12", "judgement", "UNFOUNDED",
                "motivation", REASONS, "sentOn", "2026-10-15"));
        Map<String, Object> decide = obligation(c, "DECIDE");
        assertEquals("2026-10-15", decide.get("metOn"), "met when the written decision was sent");
        assertEquals("MET_LATE", decide.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> decided = ((List<Map<String, Object>>) c.get("events")).stream()
                .filter(e -> "DECIDED".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals("2026-10-12", decided.get("on"), "the API shows the day of the decision");
        assertEquals("2026-10-15", decided.get("sentOn"), "and the day it was sent");

        ComplaintRegister.Row row = register.register(tenants.resolve(T).id(), LocalDate.parse("2026-09-01"),
                        LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-01"),
                        ComplaintRegister.Variant.FULL, ComplaintRegister.Selection.RECEIVED).rows().stream()
                .filter(x -> x.id() == ((Number) id).longValue()).findFirst().orElseThrow();
        assertEquals(LocalDate.parse("2026-10-12"), row.concludedOn());
        assertEquals(LocalDate.parse("2026-10-15"), row.decisionSentOn());
        assertTrue(row.late(), "late in the register: sent after the six weeks");

        Object onTime = formalCase("2026-09-01");
        Map<String, Object> same = event(T, onTime, ev("DECIDED", "2026-10-12", "judgement", "UNFOUNDED",
                "motivation", REASONS));
        assertEquals("MET", obligation(same, "DECIDE").get("status"), "without a day of sending: sent that day");

        Response sentBefore = post("/api/tenants/" + T + "/complaints/" + formalCase("2026-09-01") + "/events",
                ev("DECIDED", "2026-10-12", "judgement", "UNFOUNDED", "motivation", REASONS,
                        "sentOn", "2026-10-11"));
        assertEquals(400, sentBefore.status());
        assertTrue(fieldErrors(sentBefore).containsKey("sentOn"));
    }

    @SuppressWarnings("unchecked")
    private void setAsideOtherDuties(Object id, String on) {
        List<String> open = ((List<Map<String, Object>>) getCase(T, id, on).get("obligations")).stream()
                .filter(o -> "OPEN".equals(o.get("status")) && !"REALISE_MEASURE".equals(o.get("code")))
                .map(o -> (String) o.get("code")).distinct().toList();
        if (!open.isEmpty()) {
            event(T, id, ev("DUTY_SET_ASIDE", on, "codes", open, "reason", "Niet meer nodig: afgehandeld."));
        }
    }
}
