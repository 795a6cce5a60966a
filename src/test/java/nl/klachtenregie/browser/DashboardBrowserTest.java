package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.support.BrowserSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Klimkoord's kwaliteitsmanager opens the dashboard in a real browser: the charts draw (Chart.js from its WebJar)
 * with the figures of the cases, another period can be chosen, and a number leads to the cases behind it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest extends BrowserSupport {

    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;

    CaseView formal;

    @BeforeAll
    void cases() {
        Tenant klimkoord = tenants.resolve("klimkoord");
        String category = klimkoord.profile().categories().get(0).code();
        formal = complaints.create(klimkoord, complaint(ComplaintKind.FORMAL, LocalDate.of(2026, 8, 3), category));
        CaseView informal = complaints.create(klimkoord, complaint(ComplaintKind.INFORMAL, LocalDate.of(2026, 10, 5),
                category));
        complaints.recordEvent(klimkoord, new ComplaintId(informal.id()), NewEvent.of(EventType.CONTACTED,
                LocalDate.of(2026, 10, 9)));
        complaints.create(klimkoord, complaint(ComplaintKind.INFORMAL, LocalDate.of(2026, 3, 16), category));
    }

    @Test
    void theKwaliteitsmanagerSeesTheChartsDrawAndFollowsANumberToItsCases() {
        login("klimkoord.kwaliteit");
        waitForPage();
        clickAndWaitForNewPage(waitFor(By.id("nav-dashboard")));
        waitForPath("/t/klimkoord/dashboard");

        new Select(waitFor(By.id("periode"))).selectByValue("2026-H2");
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form.filters button[type=submit]")));
        waitForPath("/t/klimkoord/dashboard\\?periode=2026-H2");
        assertEquals("2e halfjaar 2026", text(By.id("period-label")));

        waiting().until(d -> "4".equals(d.findElement(By.tagName("body")).getAttribute("data-charts-drawn")));
        for (String id : List.of("chart-complaints", "chart-kpis", "chart-categories", "chart-satisfaction")) {
            assertEquals(Boolean.TRUE, js("return Chart.getChart(document.getElementById(arguments[0])) != null;", id),
                    id + " is a chart");
            long painted = ((Number) js("var c = document.getElementById(arguments[0]);"
                    + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                    + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", id)).longValue();
            assertTrue(painted > 500, id + " has drawn pixels: " + painted);
        }
        // The complaints chart carries the same figures as the server: H2 2026 has one formal, one informal.
        @SuppressWarnings("unchecked")
        List<Number> formalSeries = (List<Number>) js("return Chart.getChart(document.getElementById("
                + "'chart-complaints')).data.datasets[0].data;");
        @SuppressWarnings("unchecked")
        List<Number> informalSeries = (List<Number>) js("return Chart.getChart(document.getElementById("
                + "'chart-complaints')).data.datasets[1].data;");
        assertEquals(1, formalSeries.get(formalSeries.size() - 1).intValue());
        assertEquals(1, informalSeries.get(informalSeries.size() - 1).intValue());
        assertEquals(1, informalSeries.get(informalSeries.size() - 2).intValue(), "H1 2026: the March complaint");

        // Klimkoord's KPI "< 1 formele klacht per jaar" is missed by the one formal complaint.
        assertEquals("breached", driver.findElement(By.cssSelector("tr[data-kpi='FORMELE_KLACHTEN_PER_JAAR']"))
                .getAttribute("data-status"));

        clickAndWaitForNewPage(driver.findElement(By.cssSelector("#by-kind a[href*='kind=FORMAL']")));
        waitForPath("/t/klimkoord/klachten.*");
        assertTrue(text(By.id("case-list")).contains(formal.reference()));
        assertTrue(text(By.id("case-count")).contains("1"), text(By.id("case-count")));
    }

    private static NewComplaint complaint(ComplaintKind kind, LocalDate receivedOn, String category) {
        return new NewComplaint(kind, kind == ComplaintKind.FORMAL ? Channel.LETTER : Channel.PHONE, receivedOn, null,
                new Complainant("M. Elder", ComplainantRole.CLIENT, null, "0612345678", "Laan 3, Utrecht"),
                "Wachttijd te lang", category, null, null, false, false, false);
    }
}
