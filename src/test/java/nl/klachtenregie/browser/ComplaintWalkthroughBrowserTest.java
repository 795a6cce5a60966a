package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * A handler walks a complaint through the browser from intake to closing under IederZijnWerk's procedure, which
 * allows one extension of the 6-week term by 4 weeks. Today is pinned to 22-11-2026.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintWalkthroughBrowserTest extends BrowserSupport {

    private static final String TENANT = "iederzijnwerk";
    private static final String HANDLER = "iederzijnwerk.medewerker";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Test
    void aHandlerTakesAComplaintFromIntakeThroughAnExtensionAndALetterToClosing() {
        login(HANDLER);
        waitForPath("/t/" + TENANT + "/werk");

        // Intake through the menu, received on Monday 2 November 2026 (three weeks before today).
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("header a[href='/t/" + TENANT + "/klachten/nieuw']")));
        WebElement intake = waitFor(By.id("intake-form"));
        fill(intake, "kind", "FORMAL");
        fill(intake, "channel", "LETTER");
        fill(intake, "receivedOn", "2026-11-02");
        fill(intake, "summary", "Afspraken niet nagekomen.");
        fill(intake, "category", "BEJEGENING");
        fill(intake, "complainantName", "A. de Klager");
        fill(intake, "complainantAddress", "Dorpsstraat 1");
        fill(intake, "complainantPlace", "Sneek");
        fill(intake, "complainantEmail", "a.deklager@example.org");
        clickAndWaitForNewPage(driver.findElement(By.id("intake-submit")));

        String caseId = waitForPath("/t/" + TENANT + "/klachten/(\\d+)").group(1);
        String reference = text(By.id("case-reference"));
        assertTrue(reference.matches("[A-Z0-9]+-2026-\\d{4}"), () -> "reference " + reference);
        assertEquals("RECEIVED", caseStatus());
        // Taken in late: the 5 working days for the acknowledgement ran out on 09-11, so it shows as overdue
        // until the handler records the acknowledgement that was in fact sent on 04-11.
        assertEquals(List.of("OVERDUE"), obligationStatuses("ACKNOWLEDGE"));
        assertEquals(List.of("OPEN"), obligationStatuses("DECIDE"));
        assertEquals(List.of("OPEN"), obligationStatuses("INFORM_MANAGEMENT"));
        assertEquals("09-11-2026", obligationDue("ACKNOWLEDGE"), "5 working days after 02-11-2026");
        LocalDate decideDue = LocalDate.parse(obligationDue("DECIDE"), DMY);
        assertEquals(LocalDate.of(2026, 12, 14), decideDue, "6 weeks after 02-11-2026");
        assertTrue(timelineTypes().isEmpty(), () -> "no events yet: " + timelineTypes());
        assertTrue(offeredActions().contains("EXTENSION_ANNOUNCED"), () -> "offered: " + offeredActions());

        // The new case is on the handler's work list (intake assigns it to whoever takes it in).
        open("/t/" + TENANT + "/werk");
        assertFalse(driver.findElements(By.cssSelector("#my-work tr[data-reference='" + reference + "']")).isEmpty(),
                "the case is on Mijn werk");
        open("/t/" + TENANT + "/klachten/" + caseId);

        // A date before the complaint was received is refused with the reason, and nothing is recorded.
        submitAction("ACKNOWLEDGED", Map.of("on", "2026-10-30"));
        WebElement refused = waitFor(By.id("action-refused"));
        assertTrue(refused.getText().contains("30-10-2026") && refused.getText().contains("02-11-2026"),
                () -> "refusal names both dates: " + refused.getText());
        assertEquals("RECEIVED", caseStatus());
        assertTrue(timelineTypes().isEmpty(), () -> "refused action not recorded: " + timelineTypes());

        // Acknowledged in time.
        submitAction("ACKNOWLEDGED", Map.of("on", "2026-11-04"));
        assertTrue(find(By.id("action-refused")).isEmpty(), "acknowledgement accepted");
        assertEquals(List.of("MET"), obligationStatuses("ACKNOWLEDGE"));
        assertEquals("IN_PROGRESS", caseStatus());
        assertEquals(List.of("ACKNOWLEDGED"), timelineTypes());

        // The management is told (IederZijnWerk: every complaint).
        submitAction("MANAGEMENT_INFORMED", Map.of("on", "2026-11-05"));
        assertEquals(List.of("MET"), obligationStatuses("INFORM_MANAGEMENT"));

        // Extension by 4 weeks, announced today, before the term runs out: the decision is due 4 weeks later.
        submitAction("EXTENSION_ANNOUNCED", Map.of("weeks", "4"));
        assertTrue(find(By.id("action-refused")).isEmpty(), () -> "extension accepted: "
                + find(By.id("action-refused")).map(WebElement::getText).orElse(""));
        assertEquals(decideDue.plusWeeks(4), LocalDate.parse(obligationDue("DECIDE"), DMY),
                "DECIDE moved by the 4 weeks of the extension");
        assertEquals(List.of("OPEN"), obligationStatuses("DECIDE"));
        assertTrue(timelineTypes().contains("EXTENSION_ANNOUNCED"), () -> "timeline: " + timelineTypes());

        // A PDF letter about the extension, downloaded with the browser's session.
        makeLetterAndDownload("EXTENSION");

        // The decision form: no judgement chosen for the handler, the reasons, one row per measure with its date.
        WebElement decisionForm = openAction("DECIDED");
        assertEquals("", new org.openqa.selenium.support.ui.Select(decisionForm.findElement(By.name("judgement")))
                .getFirstSelectedOption().getAttribute("value"), "no judgement preselected");
        for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1366, 900),
                new org.openqa.selenium.Dimension(390, 844))) {
            show(size);
            decisionForm.findElement(By.name("measureText1")).click();
            assertFits("the decision form at " + size.getWidth());
            shoot("case-decision-form", size);
        }
        show(new org.openqa.selenium.Dimension(1366, 900));
        // The decision with a judgement, its reasons and two measures.
        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("judgement", "PARTLY_WELL_FOUNDED");
        decision.put("motivation", "De afspraken zijn twee keer verzet zonder de klager te bellen; dat had niet "
                + "mogen gebeuren.");
        decision.put("measureText1", "Afspraken worden voortaan een dag vooraf bevestigd.");
        decision.put("measureDue1", "2026-12-31");
        decision.put("measureText2", "Het team bespreekt de planning maandelijks.");
        decision.put("measureDue2", "2027-02-15");
        submitAction("DECIDED", decision);
        assertTrue(find(By.id("action-refused")).isEmpty(), "decision accepted");
        assertEquals("DECIDED", caseStatus());
        assertEquals(List.of("MET"), obligationStatuses("DECIDE"));
        assertEquals(List.of("OPEN", "OPEN"), obligationStatuses("REALISE_MEASURE"), "each measure is a duty");
        WebElement decided = driver.findElement(By.cssSelector("#timeline li[data-type='DECIDED']"));
        assertTrue(decided.getText().contains("Afspraken worden voortaan een dag vooraf bevestigd. (31-12-2026)"),
                () -> "measures on the timeline: " + decided.getText());
        assertTrue(decided.getText().contains("dat had niet mogen gebeuren"), () -> decided.getText());
        assertEquals(List.of("OPEN"), obligationStatuses("COMMUNICATE_SOLUTION"), "the solution is to be told");

        submitAction("SOLUTION_COMMUNICATED", Map.of("text", "Per brief en telefonisch toegelicht."));
        assertEquals(List.of("MET"), obligationStatuses("COMMUNICATE_SOLUTION"));

        // Closing with the complainant's satisfaction.
        submitAction("CLOSED", Map.of("satisfaction", "4"));
        assertEquals("CLOSED", caseStatus());
        assertEquals(List.of("MEASURE_REALISED"), offeredActions(),
                "a closed case takes no more actions but the measures it promised");
        submitAction("MEASURE_REALISED", Map.of("measure", "1", "text", "Bevestiging per sms ingevoerd."));
        assertEquals(List.of("MET", "OPEN"), obligationStatuses("REALISE_MEASURE"));
        for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1366, 900),
                new org.openqa.selenium.Dimension(390, 844))) {
            show(size);
            assertFits("the closed case with a measure open at " + size.getWidth());
            shoot("case-closed-measure-open", size);
        }
        show(new org.openqa.selenium.Dimension(1366, 900));
        List<String> timeline = timelineTypes();
        for (String type : List.of("ACKNOWLEDGED", "MANAGEMENT_INFORMED", "EXTENSION_ANNOUNCED", "LETTER", "DECIDED",
                "SOLUTION_COMMUNICATED", "CLOSED", "MEASURE_REALISED")) {
            assertTrue(timeline.contains(type), () -> type + " on the timeline " + timeline);
        }

        // What the browser showed is what the API stores.
        Map<String, Object> stored = getCase(TENANT, caseId, null);
        assertEquals("CLOSED", stored.get("status"));
        assertEquals(reference, stored.get("reference"));
    }

    /**
     * A real complaint: full contact details and a description of a few paragraphs. Chromium sends a form post whose
     * headers and body together exceed about 1,400 bytes in two writes (body after the headers); the server must
     * still take it in. This failed with a 500 before the application checked CSRF itself.
     */
    @Test
    void aComplaintWithAFullDescriptionIsTakenIn() {
        login(HANDLER);
        open("/t/" + TENANT + "/klachten/nieuw");
        WebElement intake = waitFor(By.id("intake-form"));
        fill(intake, "kind", "FORMAL");
        fill(intake, "channel", "EMAIL");
        fill(intake, "receivedOn", "2026-11-16");
        fill(intake, "incidentOn", "2026-11-10");
        String summary = ("Mijn zoon heeft sinds september een begeleider van IederZijnWerk Ambulant. In oktober en "
                + "november zijn drie afspraken niet doorgegaan zonder dat iemand belde. Toen ik daarover belde, werd "
                + "ik niet teruggebeld. Ik wil graag dat de afspraken voortaan worden nagekomen en dat iemand uitlegt "
                + "waarom dit is misgegaan. ").repeat(3);
        fill(intake, "summary", summary);
        fill(intake, "category", "BEJEGENING");
        fill(intake, "concernsEmployee", "B. Begeleider");
        fill(intake, "complainantName", "Anna de Klager");
        fill(intake, "complainantRole", "REPRESENTATIVE");
        fill(intake, "complainantAddress", "Dorpsstraat 1, 8600 AA");
        fill(intake, "complainantPlace", "Sneek");
        fill(intake, "complainantPhone", "0612345678");
        fill(intake, "complainantEmail", "anna@example.org");
        clickAndWaitForNewPage(driver.findElement(By.id("intake-submit")));

        assertTrue(currentPath().matches("/t/" + TENANT + "/klachten/\\d+"), () -> "intake of a "
                + summary.length() + "-character complaint should lead to the new case, but the browser shows "
                + currentPath() + ": " + driver.findElement(By.tagName("body")).getText().lines().limit(3).toList());
        assertEquals("RECEIVED", caseStatus());
        assertTrue(driver.findElement(By.cssSelector("dd.pre")).getText().startsWith("Mijn zoon heeft"),
                "the description is stored");
    }

    @Test
    void aHandlerWorkingOnAStalePageGetsAConflictAndNothingIsOverwritten() {
        Map<String, Object> created = createComplaint(TENANT, complaint("FORMAL", "LETTER", "2026-11-09"));
        String path = "/t/" + TENANT + "/klachten/" + created.get("id");
        login(HANDLER);

        // Two tabs on the same case, as two handlers would have.
        open(path);
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        open(path);
        String second = driver.getWindowHandle();

        // The first tab records the acknowledgement.
        driver.switchTo().window(first);
        submitAction("ACKNOWLEDGED", Map.of("on", "2026-11-10"));
        assertEquals(List.of("ACKNOWLEDGED"), timelineTypes());

        // The second tab still shows the case as it was and tries to inform the management.
        driver.switchTo().window(second);
        assertEquals("RECEIVED", caseStatus(), "the stale tab still shows the old state");
        submitAction("MANAGEMENT_INFORMED", Map.of("on", "2026-11-11"));
        WebElement conflict = waitFor(By.id("action-conflict"));
        assertFalse(conflict.getText().isBlank(), "the conflict says what happened");
        // The re-shown page is the current state: the other tab's event, not this one.
        assertEquals("IN_PROGRESS", caseStatus());
        assertEquals(List.of("ACKNOWLEDGED"), timelineTypes());

        Map<String, Object> stored = getCase(TENANT, created.get("id"), null);
        List<?> events = (List<?>) stored.get("events");
        assertEquals(1, events.size(), () -> "only the first tab's event is stored: " + events);

        // After the conflict the page carries the new version, so the same action now goes through.
        submitAction("MANAGEMENT_INFORMED", Map.of("on", "2026-11-11"));
        assertTrue(find(By.id("action-conflict")).isEmpty(), "no conflict on the fresh page");
        assertEquals(List.of("ACKNOWLEDGED", "MANAGEMENT_INFORMED"), timelineTypes());

        // A change through the API (another handler) also makes the page stale.
        event(TENANT, created.get("id"), ev("CONTACTED", "2026-11-12"));
        submitAction("EXTENSION_ANNOUNCED", Map.of("weeks", "4"));
        waitFor(By.id("action-conflict"));
        assertFalse(timelineTypes().contains("EXTENSION_ANNOUNCED"), () -> "stale extension not stored: "
                + timelineTypes());
    }

    /** Makes a letter of this kind on the case page and checks the PDF the page links to. */
    private void makeLetterAndDownload(String kind) {
        WebElement letters = waitForPresent(By.id("letters"));
        List<WebElement> forms = letters.findElements(By.cssSelector("form.letter-form[data-kind='" + kind + "']"));
        assertFalse(forms.isEmpty(), () -> "no letter form for " + kind + " in #letters: " + letters.getText());
        clickAndWaitForNewPage(forms.get(0).findElement(By.cssSelector("button[type=submit]")));

        List<WebElement> links = driver.findElements(By.cssSelector("#letter-list li[data-kind='" + kind
                + "'] a.letter-pdf"));
        assertEquals(1, links.size(), "one " + kind + " letter listed");
        String href = links.get(0).getAttribute("href");
        assertTrue(href.matches(".*/t/" + TENANT + "/klachten/\\d+/brieven/\\d+\\.pdf"), () -> "letter link " + href);
        assertFalse(driver.findElements(By.cssSelector("#timeline li[data-type='LETTER']")).isEmpty(),
                "the letter is on the timeline");

        HttpResponse<byte[]> pdf = fetchWithBrowserSession(href, "application/pdf");
        assertEquals(200, pdf.statusCode(), () -> "PDF download: " + utf8(pdf.body()));
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"),
                () -> "content type " + pdf.headers().firstValue("Content-Type"));
        assertTrue(utf8(pdf.body()).startsWith("%PDF"), "the body is a PDF");
        assertTrue(pdf.body().length > 1000, () -> "a real PDF, not a stub: " + pdf.body().length + " bytes");
    }
}
