package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.klachtenregie.complaint.DocumentSamples;
import nl.klachtenregie.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The case page's Notities and Documenten in a real browser: a handler writes a note marked as the explanation of
 * a missed term and uploads the complaint letter; both are listed with author and date (no ISO timestamps), the
 * document as a download link. Screenshots under {@code target/screenshots} at 1366x900 and 390x844.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDossierBrowserTest extends BrowserSupport {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));

    @Test
    void aHandlerAddsANoteAndUploadsTheComplaintLetterOnTheCasePage() throws Exception {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        login("iederzijnwerk.medewerker");
        open("/t/iederzijnwerk/klachten/" + id);
        assertEquals("Nog geen notities.", text(By.id("no-notes")));

        WebElement note = waitFor(By.id("note-form"));
        note.findElement(By.name("text")).sendKeys("Klager gebeld op 4 november; de behandelaar was ziek, "
                + "daarom is de ontvangstbevestiging te laat verstuurd.");
        note.findElement(By.id("f-note-explains")).click();
        clickAndWaitForNewPage(note.findElement(By.cssSelector("button[type=submit]")));
        WebElement listed = waitFor(By.cssSelector("#note-list li.note"));
        assertTrue(listed.getText().contains("Klager gebeld op 4 november"), listed.getText());
        assertEquals("true", listed.getAttribute("data-explains-lateness"));
        assertTrue(listed.getText().contains("toelichting termijnoverschrijding"), listed.getText());

        Path letter = Files.createTempDirectory("upload").resolve("klachtbrief mevrouw De Vries.pdf");
        Files.write(letter, DocumentSamples.pdf());
        WebElement upload = waitFor(By.id("document-form"));
        upload.findElement(By.name("file")).sendKeys(letter.toAbsolutePath().toString());
        new Select(upload.findElement(By.name("kind"))).selectByValue("COMPLAINT_LETTER");
        upload.findElement(By.name("description")).sendKeys("Originele brief, ontvangen per post");
        clickAndWaitForNewPage(upload.findElement(By.cssSelector("button[type=submit]")));
        WebElement link = waitFor(By.cssSelector("#document-list a.document-link"));
        assertEquals("klachtbrief mevrouw De Vries.pdf", link.getText());
        assertTrue(link.getAttribute("href").matches(".*/t/iederzijnwerk/klachten/" + id + "/documenten/\\d+"),
                link.getAttribute("href"));
        assertTrue(text(By.id("document-list")).contains("klachtbrief"), text(By.id("document-list")));

        String page = text(By.tagName("main"));
        assertFalse(page.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}.*"), "no ISO timestamps on the page");
        for (Dimension size : SIZES) {
            show(size);
            js("document.getElementById('notes').scrollIntoView()");
            assertFits("the case page with notes and documents at " + size);
            shoot("case-dossier", size);
        }
    }
}
