package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.klachtenregie.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Klachten van eerdere jaren inlezen in the browser: the beheerder chooses a file, sees the dry run (versions, events,
 * obligations met, late or set aside), reads everything in, and the case says where it came from.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastComplaintsBrowserTest extends BrowserSupport {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));

    static final String CSV = String.join("\r\n",
            "Kenmerk;Soort;Kanaal;Ontvangen op;Klager;Categorie;Samenvatting;Ontvangst bevestigd op;"
                    + "Verlenging aangekondigd op;Verlenging weken;Afronding;Afgerond op;Oordeel;Motivering;Gesloten op",
            "EXCEL-17;Formele klacht;Brief;06-01-2025;A. de Vries;Bejegening;Onvriendelijk te woord gestaan;"
                    + "08-01-2025;;;Besluit genomen;10-02-2025;Gegrond;Besproken met de medewerker.;12-02-2025",
            "EXCEL-18;Formele klacht;E-mail;03-03-2025;B. Jansen;Communicatie;Geen reactie op mijn mail;20-03-2025;"
                    + ";;Besluit genomen;01-05-2025;Ongegrond;Er was binnen twee dagen gereageerd.;02-05-2025",
            "EXCEL-19;Formele klacht;Brief;07-04-2025;C. Bakker;Afspraken en duidelijkheid;Afspraak twee keer verzet;"
                    + "08-04-2025;12-05-2025;4;Besluit genomen;10-06-2025;Deels gegrond;Deels terecht.;11-06-2025",
            "");

    @Test
    void theBeheerderSeesTheDryRunReadsTheFileInAndTheCaseSaysWhereItCameFrom() throws Exception {
        Path file = Files.createTempFile("klachten-2025-", ".csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        login("iederzijnwerk.beheerder");
        open("/t/iederzijnwerk/klachten/inlezen");
        waitFor(By.id("upload-form"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de pagina om klachten in te lezen");
            shoot("inlezen-kiezen", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));

        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickAndWaitForNewPage(driver.findElement(By.id("dry-run")));
        waitFor(By.id("dry-summary"));
        assertEquals("3", driver.findElement(By.id("dry-summary")).getAttribute("data-new"));
        assertTrue(driver.findElements(By.cssSelector("#dry-cases li[data-status=MET_LATE]")).size() >= 1,
                "the late acknowledgement and decision of row 3 show as late");
        assertTrue(driver.findElement(By.id("dry-cases")).getText().contains("versie 1"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de proefinlezing");
            shoot("inlezen-proef", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));

        clickAndWaitForNewPage(driver.findElement(By.id("commit")));
        waitFor(By.id("import-done"));
        assertEquals("3", driver.findElement(By.id("import-done")).getAttribute("data-created"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het resultaat van het inlezen");
            shoot("inlezen-gedaan", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        logout();

        // The leidinggevende opens the case: it says where it came from, and its steps are not "recorded late".
        login("iederzijnwerk.leidinggevende");
        open("/t/iederzijnwerk/klachten?q=" + "IEDE-2025");
        waitForPage();
        open("/t/iederzijnwerk/klachten/inlezen");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickAndWaitForNewPage(driver.findElement(By.id("dry-run")));
        waitFor(By.id("dry-summary"));
        assertEquals("3", driver.findElement(By.id("dry-summary")).getAttribute("data-already"),
                "a second upload of the same file adds nothing");
        String href = driver.findElement(By.cssSelector("#dry-cases tr[data-row='4'] [data-already]"))
                .getAttribute("data-already");
        open("/t/iederzijnwerk/klachten?q=" + href);
        waitForPage();
        clickAndWaitForNewPage(driver.findElement(By.linkText(href)));
        waitFor(By.id("imported-from"));
        assertTrue(text(By.id("imported-from")).contains("Ingelezen uit " + file.getFileName()),
                () -> text(By.id("imported-from")));
        assertTrue(text(By.id("imported-from")).contains("EXCEL-19"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het ingelezen dossier");
            shoot("inlezen-dossier", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        Files.deleteIfExists(file);
    }
}
