package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.support.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The intake form posted twice (a double click, a reload) registers one complaint; a new form a new one. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeDoubleSubmitTest extends PageTestSupport {

    private static String submissionId(String html) {
        Matcher m = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the intake form carries a one-time id");
        return m.group(1);
    }

    private static Map<String, String> form(String submissionId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", "FORMAL");
        f.put("channel", "LETTER");
        f.put("receivedOn", "2026-11-02");
        f.put("complainantName", "Dubbel Klik");
        f.put("complainantRole", "CLIENT");
        f.put("summary", "Twee keer verstuurd");
        f.put("category", "BEJEGENING");
        f.put("submissionId", submissionId);
        return f;
    }

    private int caseCount() {
        List<?> rows = retrieve("/api/tenants/klimkoord/complaints", Argument.listOf(Map.class));
        return rows.size();
    }

    @Test
    void theSameFormPostedTwiceRegistersOneComplaint() {
        PageSession staff = loggedInAs("klimkoord.medewerker");
        String id = submissionId(staff.get("/t/klimkoord/klachten/nieuw").body());
        int before = caseCount();
        Page first = staff.post("/t/klimkoord/klachten/nieuw", form(id));
        Page second = staff.post("/t/klimkoord/klachten/nieuw", form(id));
        assertEquals(303, first.status());
        assertEquals(303, second.status());
        assertEquals(first.location(), second.location(), "both lead to the one case");
        assertEquals(before + 1, caseCount());

        String nextId = submissionId(staff.get("/t/klimkoord/klachten/nieuw").body());
        assertNotEquals(id, nextId, "a new form is a new submission");
        Page third = staff.post("/t/klimkoord/klachten/nieuw", form(nextId));
        assertNotEquals(first.location(), third.location());
        assertEquals(before + 2, caseCount());
    }
}
