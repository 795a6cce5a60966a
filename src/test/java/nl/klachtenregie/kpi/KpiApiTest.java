package nl.klachtenregie.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Klimkoord's KPIs against hand-counted cases, including a case received in December whose term ends in January. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiApiTest extends ApiTestSupport {

    @BeforeAll
    void cases() {
        // 2026: A contacted on time (due Mon 15-06), B late (due Tue 16-06), C not yet due on 2026-11-22
        // (due 30-11), D one formal complaint.
        Object a = createComplaint("klimkoord", informal("2026-06-01", "ZORGVERLENING")).get("id");
        event("klimkoord", a, ev("CONTACTED", "2026-06-10"));
        Object b = createComplaint("klimkoord", informal("2026-06-02", "BEREIKBAARHEID")).get("id");
        event("klimkoord", b, ev("CONTACTED", "2026-06-20"));
        createComplaint("klimkoord", informal("2026-11-16", "WACHTTIJDEN"));
        createComplaint("klimkoord", complaint("FORMAL", "WEB_FORM", "2026-03-02"));
        // 2025: received 20-12, 14 days end Sat 03-01-2026: due Mon 05-01-2026, contacted Fri 02-01: on time.
        Object e = createComplaint("klimkoord", informal("2025-12-20", "INFORMATIEVOORZIENING")).get("id");
        event("klimkoord", e, ev("CONTACTED", "2026-01-02"));
    }

    @Test
    void fewerThanOneFormalComplaintAYearIsMissedWithOne() {
        Map<String, Object> kpi = kpi(2026, "FORMELE_KLACHTEN_PER_JAAR");
        assertEquals(1.0, kpi.get("value"));
        assertEquals(false, kpi.get("met"));
        assertEquals("LT", kpi.get("comparator"));
    }

    @Test
    void contactWithinFourteenDaysCountsOnlyTermsThatHaveRunOut() {
        Map<String, Object> kpi = kpi(2026, "CONTACT_BINNEN_14_DAGEN");
        assertEquals(0.5, kpi.get("value"));
        assertEquals(1, kpi.get("numerator"));
        assertEquals(2, kpi.get("denominator"));
        assertEquals(false, kpi.get("met"));
    }

    @Test
    void solutionsNeverCommunicatedCountAsMissedOnceTheThirtyDaysHavePassed() {
        Map<String, Object> kpi = kpi(2026, "OPLOSSING_BINNEN_30_DAGEN");
        assertEquals(0.0, kpi.get("value"));
        assertEquals(2, kpi.get("denominator"));
    }

    @Test
    void aComplaintBelongsToTheYearItWasReceivedEvenWhenItsTermEndsInTheNext() {
        Map<String, Object> contact = kpi(2025, "CONTACT_BINNEN_14_DAGEN");
        assertEquals(1.0, contact.get("value"));
        assertEquals(true, contact.get("met"));
        Map<String, Object> formal = kpi(2025, "FORMELE_KLACHTEN_PER_JAAR");
        assertEquals(0.0, formal.get("value"));
        assertEquals(true, formal.get("met"));
    }

    @Test
    void aKpiWithNothingToMeasureSaysSoInsteadOfPassing() {
        Map<String, Object> kpi = kpi(2024, "CONTACT_BINNEN_14_DAGEN");
        assertNull(kpi.get("value"));
        assertNull(kpi.get("met"));
    }

    @Test
    void theAnnualReportDutyComesFromTheRules() {
        Response r = get("/api/tenants/klimkoord/kpis?year=2026");
        List<?> duties = (List<?>) r.body().get("reportDuties");
        assertFalse(duties.isEmpty());
        assertTrue(duties.stream().map(d -> ((Map<?, ?>) d).get("period")).anyMatch("YEAR"::equals));
    }

    @Test
    void aYearInTheFutureIsABadRequest() {
        assertEquals(400, get("/api/tenants/klimkoord/kpis?year=2030").status());
    }

    private Map<String, Object> informal(String receivedOn, String category) {
        Map<String, Object> body = complaint("INFORMAL", "EMAIL", receivedOn);
        body.put("category", category);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> kpi(int year, String code) {
        Response r = get("/api/tenants/klimkoord/kpis?year=" + year);
        assertEquals(200, r.status(), () -> r.body().toString());
        return ((List<Map<String, Object>>) r.body().get("kpis")).stream().filter(k -> code.equals(k.get("code")))
                .findFirst().orElseThrow(() -> new AssertionError(code + " not in " + r.body()));
    }
}
