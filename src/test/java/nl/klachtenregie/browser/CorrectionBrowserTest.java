package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.BrowserSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Gegevens corrigeren in a real browser (issue 16), on a desktop (1366 x 900) and a phone (390 x 844): the handler
 * opens the prefilled form from the case page, corrects the received date and a misspelt name with a reason, and the
 * timeline shows the correction with the old and new values, who, when and why, and the decision term that moved.
 * Screenshots under {@code target/screenshots}; nothing wider than the window, no ISO dates where people read.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionBrowserTest extends BrowserSupport {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final String T = "iederzijnwerk";

    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;

    @AfterEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void theHandlerCorrectsTheReceivedDateAndTheTimelineKeepsTheHistory() {
        var handler = users.findByUsername(T + ".medewerker").orElseThrow().id();
        CaseView c = complaints.create(tenants.resolve(T), new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER,
                LocalDate.parse("2026-10-05"), null, new Complainant("P. Jansen-de Vries", ComplainantRole.CLIENT,
                "p.jansen@example.org", "0612345678", "Dorpsstraat 12", "Sneek"),
                "De begeleider kwam drie keer niet opdagen zonder af te bellen.", "AFSPRAKEN", "AMBULANT", null, false,
                false), handler);
        login(T + ".medewerker");
        open("/t/" + T + "/klachten/" + c.id());
        clickAndWaitForNewPage(waitFor(By.id("correct-link")));
        WebElement form = waitFor(By.id("correction-form"));
        assertEquals("P. Jansen-de Vries", form.findElement(By.name("complainantName")).getAttribute("value"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de pagina Gegevens corrigeren");
            shoot("gegevens-corrigeren", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        form = waitFor(By.id("correction-form"));
        fill(form, "receivedOn", "2026-09-28");
        fill(form, "complainantName", "P. Jansen-de Vries-Bakker");
        fill(form, "reason", "De brief lag een week bij de receptie; de datumstempel zegt 28 september.");
        clickAndWaitForNewPage(driver.findElement(By.id("correction-save")));
        String entry = waitFor(By.cssSelector("#timeline li[data-type=CORRECTION]")).getText();
        assertTrue(entry.contains("Gegevens gecorrigeerd"), entry);
        assertTrue(entry.contains("Mila Medewerker"), entry);
        assertTrue(entry.contains("was 05-10-2026, wordt 28-09-2026"), entry);
        assertTrue(entry.contains("was P. Jansen-de Vries, wordt P. Jansen-de Vries-Bakker"), entry);
        assertTrue(entry.contains("Besluit nemen en schriftelijk meedelen: was "), entry);
        assertTrue(entry.contains("de datumstempel zegt 28 september"), entry);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het dossier met een correctie");
            String words = driver.findElement(By.tagName("main")).getText();
            assertFalse(ISO_DATE.matcher(words).find(), () -> "an ISO date where people read: " + words);
            js("document.querySelector('#timeline li[data-type=CORRECTION]').scrollIntoView()");
            shoot("dossier-met-correctie", size);
        }
    }
}
