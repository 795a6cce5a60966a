package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.regex.Pattern;
import nl.klachtenregie.support.BrowserSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The regulation form and the activation's confirmation in a real browser, on a desktop (1366 x 900) and a phone
 * (390 x 844): nothing wider than the screen, Dutch words where people read them (no ISO dates), and screenshots of
 * both pages under {@code target/screenshots} for a person to look at.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulationFormBrowserTest extends BrowserSupport {

    private static final String BASE = "/t/kwaliteitsprocedure-6-5/beheer/reglement";
    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    @AfterEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void theDraftFormAndTheActivationConfirmationFitADesktopAndAPhone() {
        login("kwaliteitsprocedure-6-5.beheerder");
        waitForPath("(?!/login).*");
        open(BASE);
        WebElement create = waitFor(By.id("new-version-form"));
        create.findElement(By.cssSelector("input[name=kind][value=form]")).click();
        fill(create, "version", "2027-scherm");
        fill(create, "effectiveFrom", "2027-03-01");
        fill(create, "title", "Klachtenprocedure, maart 2027");
        clickAndWaitForNewPage(driver.findElement(By.id("create-version")));
        waitForPath(BASE + "/2027-scherm\\?gedaan=aangemaakt");

        // The model as it comes: its rows still to be confirmed.
        assertFalse(driver.findElements(By.cssSelector("#check-placeholders li")).isEmpty());
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het concept");
            shoot("reglement-formulier-model", size);
        }

        // A term at the second rung of the ladder, words for the complainant, a suspension; every row confirmed.
        driver.manage().window().setSize(new Dimension(1366, 900));
        WebElement form = waitFor(By.id("version-form"));
        fill(form, "terms[2].code", "DIRECTIE_CONTACT");
        fill(form, "terms[2].startsAt", "ESCALATED");
        fill(form, "terms[2].startLevel", "DIRECTOR");
        fill(form, "terms[2].amount", "10");
        fill(form, "terms[2].satisfiedBy", "CONTACTED");
        fill(form, "terms[2].label", "neemt de directie contact met u op");
        fill(form, "suspensions[0].term", "*");
        fill(form, "suspensions[0].maxDays", "14");
        int article = 1;
        for (WebElement quote : driver.findElements(By.cssSelector("#version-form textarea.quote"))) {
            String name = quote.getAttribute("name");
            if (quote.getAttribute("value").startsWith("Standaardwaarde") || name.startsWith("terms[2]")
                    || name.startsWith("suspensions[0]")) {
                quote.clear();
                quote.sendKeys("Artikel " + article++ + ": 'de woorden van het eigen reglement van de organisatie'");
            }
        }
        clickAndWaitForNewPage(driver.findElement(By.id("save")));
        waitForPath(BASE + "/2027-scherm\\?gedaan=opgeslagen");
        waitFor(By.id("check-ok"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het ingevulde concept");
            shoot("reglement-formulier", size);
        }

        clickAndWaitForNewPage(driver.findElement(By.id("activate")));
        waitForPath(BASE + "/2027-scherm/vaststellen");
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de bevestiging");
            String words = driver.findElement(By.tagName("main")).getText();
            assertFalse(ISO_DATE.matcher(words).find(), () -> "an ISO date where people read: " + words);
            assertTrue(words.contains("01-03-2027"), words);
            assertTrue(words.contains("na escalatie naar directeur / senior adviseur kwaliteit"),
                    () -> "the rung by its name: " + words);
            shoot("reglement-vaststellen", size);
        }
        assertEquals("ja", driver.findElement(By.cssSelector("#confirm-form input[name=bevestigd]"))
                .getAttribute("value"));
    }
}
