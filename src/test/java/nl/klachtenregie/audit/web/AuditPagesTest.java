package nl.klachtenregie.audit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The log shows every change, a hundred per page, newest first, and only the tenant's own. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesTest extends PageTestSupport {

    @Inject
    AuditLog audit;
    @Inject
    TenantDirectory tenants;

    @Test
    void olderChangesAreOneLinkAwayAndNothingIsLeftOut() {
        TenantId izw = tenants.resolve("iederzijnwerk").id();
        for (int i = 1; i <= 150; i++) {
            audit.record(izw, "iederzijnwerk.beheerder", "TEST_CHANGE", "wijziging-" + i, "detail " + i);
        }
        audit.record(tenants.resolve("impuls").id(), "impuls.beheerder", "TEST_CHANGE", "van-impuls", "niet zichtbaar");
        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        Page first = admin.get("/t/iederzijnwerk/beheer/logboek");
        assertEquals(200, first.status());
        List<String> subjects = all(first.body(), "<td>(wijziging-\\d+)</td>");
        assertEquals(100, subjects.size());
        assertEquals("wijziging-150", subjects.get(0), "newest first");
        assertFalse(first.contains("van-impuls"), "another tenant's change is never shown");
        String older = all(first.body(), "href=\"(/t/iederzijnwerk/beheer/logboek\\?voor=\\d+)\"").get(0);
        Page second = admin.get(older);
        List<String> rest = all(second.body(), "<td>(wijziging-\\d+)</td>");
        assertEquals(50, rest.size());
        assertEquals("wijziging-50", rest.get(0));
        assertEquals("wijziging-1", rest.get(49));
        assertTrue(all(second.body(), "id=\"older\"").isEmpty(), "the oldest page has no older link");
        assertEquals(403, loggedInAs("iederzijnwerk.medewerker").get("/t/iederzijnwerk/beheer/logboek").status());
    }

    @Test
    void theLogSaysWhatHappenedInWordsAndWhenInDutchTime() {
        TenantId izw = tenants.resolve("iederzijnwerk").id();
        audit.record(izw, "iederzijnwerk.medewerker", "EVENT_RECORDED_LATE", "IZW-2026-0001",
                "Besluit genomen van 01-10-2026 achteraf vastgelegd op 08-10-2026.");
        Page page = loggedInAs("iederzijnwerk.beheerder").get("/t/iederzijnwerk/beheer/logboek");
        assertEquals(200, page.status());
        assertTrue(page.contains("<td>Gebeurtenis achteraf vastgelegd</td>"), page.body());
        assertFalse(page.contains("<td>EVENT_RECORDED_LATE</td>"), "no codes where people read");
        assertTrue(all(page.body(), "<td>(\\d{4}-\\d{2}-\\d{2}T[^<]*)</td>").isEmpty(), "no ISO timestamps");
        assertEquals(1, all(page.body(), "<tr data-action=\"EVENT_RECORDED_LATE\"[^>]*>\\s*<td>(\\d{2}-\\d{2}-\\d{4} "
                + "\\d{2}:\\d{2})</td>").size(), page.body());
    }
}
