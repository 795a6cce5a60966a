package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two clients changing the same case: the one that worked on an old version gets 409 and changes nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiConcurrencyTest extends ApiTestSupport {

    @Test
    void anEventBasedOnAnOldVersionIsAConflictAndRecordsNothing() {
        Map<String, Object> c = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-10-01"));
        int seen = ((Number) c.get("version")).intValue();
        Map<String, Object> afterFirst = event("iederzijnwerk", c.get("id"),
                ev("ACKNOWLEDGED", "2026-10-02", "expectedVersion", seen));
        assertEquals(seen + 1, ((Number) afterFirst.get("version")).intValue());

        Response stale = post("/api/tenants/iederzijnwerk/complaints/" + c.get("id") + "/events",
                ev("CONTACTED", "2026-10-03", "expectedVersion", seen));
        assertEquals(409, stale.status());
        assertTrue(message(stale.body()).contains("intussen door iemand anders gewijzigd"), message(stale.body()));
        List<?> events = (List<?>) getCase("iederzijnwerk", c.get("id"), null).get("events");
        assertEquals(1, events.size(), "only the first change was recorded");
    }

    @Test
    void withoutAnExpectedVersionTheApiRecordsAsBefore() {
        Map<String, Object> c = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-10-01"));
        event("iederzijnwerk", c.get("id"), ev("ACKNOWLEDGED", "2026-10-02"));
        Map<String, Object> after = event("iederzijnwerk", c.get("id"), ev("CONTACTED", "2026-10-03"));
        assertEquals(2, ((List<?>) after.get("events")).size());
    }

    @Test
    void aNegativeOrNonNumericExpectedVersionIsBadInput() {
        Map<String, Object> c = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-10-01"));
        Response r = post("/api/tenants/iederzijnwerk/complaints/" + c.get("id") + "/events",
                ev("ACKNOWLEDGED", "2026-10-02", "expectedVersion", "twee"));
        assertEquals(400, r.status());
        assertTrue(((Map<?, ?>) r.body().get("fieldErrors")).containsKey("expectedVersion"));
    }
}
