package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Signing in and out, the language switch, and forms that arrive without their CSRF token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBrowserTest extends BrowserSupport {

    @Test
    void aWrongPasswordShowsTheLoginErrorAndSignsNobodyIn() {
        login("impuls.kwaliteit", "niet-het-wachtwoord");
        waitForPath("/login\\?fout=1");
        String error = waitFor(By.id("login-error")).getText();
        assertTrue(error.startsWith("Inloggen is niet gelukt"), () -> "login error: " + error);

        // An unknown name gets the very same message: the page does not tell which names exist.
        login("niemand.bestaat", "niet-het-wachtwoord");
        assertEquals(error, waitFor(By.id("login-error")).getText());

        open("/t/impuls/werk");
        waitForPath("/login");
    }

    @Test
    void aSuccessfulLoginLandsOnMijnWerkAndLogoutEndsTheSession() {
        login("impuls.medewerker");
        waitForPath("/t/impuls/werk");
        assertEquals("Mijn werk", text(By.tagName("h1")));
        assertTrue(find(By.cssSelector("header a[aria-current='page']")).isEmpty()
                || text(By.cssSelector("header a[aria-current='page']")).equals("Mijn werk"));
        assertTrue(text(By.cssSelector("header form[action='/logout'] button")).startsWith("Uitloggen"));
        assertFalse(find(By.id("login-error")).isPresent());

        logout();
        open("/t/impuls/werk");
        waitForPath("/login");
    }

    /** Accessibility: the form is usable without a mouse; focus starts in the user name and Tab follows the form. */
    @Test
    void theLoginFormWorksWithTheKeyboardAlone() {
        open("/login");
        waitFor(By.id("username"));
        assertEquals("username", activeElement().getAttribute("id"), "focus starts in the user name");

        new Actions(driver).sendKeys("klimkoord.medewerker").sendKeys(Keys.TAB).perform();
        assertEquals("password", activeElement().getAttribute("id"), "Tab goes to the password");
        new Actions(driver).sendKeys(DEMO_PASSWORD).sendKeys(Keys.TAB).perform();
        WebElement submit = activeElement();
        assertEquals("submit", submit.getAttribute("type"), "Tab goes on to the login button");

        expectNewPage(() -> new Actions(driver).sendKeys(Keys.ENTER).perform());
        waitForPath("/t/klimkoord/werk");

        // Keyboard users can skip the menu: the first Tab on a page reaches the skip link to the content.
        js("document.activeElement.blur(); window.scrollTo(0, 0);");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertEquals("#main", activeElement().getAttribute("href").replaceAll("^.*(#main)$", "$1"),
                "the skip link comes first");
    }

    @Test
    void theLanguageSwitchShowsEnglishAndBackDutch() {
        login("klimkoord.medewerker");
        waitForPath("/t/klimkoord/werk");
        assertEquals("nl", driver.findElement(By.tagName("html")).getAttribute("lang"));

        WebElement toEnglish = driver.findElement(By.cssSelector("header a[href^='/taal/en']"));
        assertEquals("English", toEnglish.getText());
        clickAndWaitForNewPage(toEnglish);
        waitForPath("/t/klimkoord/werk");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("My work", text(By.tagName("h1")));
        assertTrue(navTexts().containsAll(List.of("My work", "Complaints", "New complaint")), navTexts()::toString);

        clickAndWaitForNewPage(driver.findElement(By.cssSelector("header a[href^='/taal/nl']")));
        waitForPath("/t/klimkoord/werk");
        assertEquals("nl", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Mijn werk", text(By.tagName("h1")));
        assertTrue(navTexts().containsAll(List.of("Mijn werk", "Klachten", "Nieuwe klacht")), navTexts()::toString);
    }

    @Test
    void anActionFormWithoutItsCsrfTokenIsRefusedAndTheCaseIsUnchanged() {
        Map<String, Object> created = createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-11-09"));
        login("impuls.medewerker");
        String path = "/t/impuls/klachten/" + created.get("id");
        open(path);
        assertEquals("RECEIVED", caseStatus());

        WebElement form = openAction("ACKNOWLEDGED");
        Object removed = js("var t = arguments[0].querySelector('input[name=csrfToken]');"
                + "if (t) { t.remove(); return true; } return false;", form);
        assertEquals(Boolean.TRUE, removed, "the form carried a csrfToken field");
        clickAndWaitForNewPage(form.findElement(By.cssSelector("button[type=submit]")));

        assertEquals("Geen toegang", waitFor(By.cssSelector("article.error-page h1")).getText(),
                "the 403 page in the site's style");
        assertTrue(find(By.cssSelector("header.site-header")).isPresent());

        open(path);
        assertEquals("RECEIVED", caseStatus());
        assertTrue(timelineTypes().isEmpty(), () -> "nothing recorded: " + timelineTypes());
        assertEquals(List.of(), getCase("impuls", created.get("id"), null).get("events"));

        // With its token the same form goes through: the 403 was the missing token, nothing else.
        submitAction("ACKNOWLEDGED", Map.of("on", "2026-11-10"));
        assertEquals(List.of("ACKNOWLEDGED"), timelineTypes());
    }

    private WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    private List<String> navTexts() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }
}
