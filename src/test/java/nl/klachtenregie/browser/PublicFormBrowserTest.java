package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.BrowserSupport;
import nl.klachtenregie.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A complainant uses the public form on a phone-sized screen (390 x 844): fills it in, corrects what is missing
 * through the error summary, sees the receipt and opens the status link; and someone without a mouse reaches the
 * send button with the Tab key alone, never landing in the honeypot.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFormBrowserTest extends BrowserSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new LinkedHashMap<>(TestDatabase.freshSchemaProperties());
        // A test types faster than a person; the minimum time itself is tested in PublicFormTest.
        props.put("klachtenregie.public-form.min-seconds", "0");
        return props;
    }

    @BeforeEach
    void phoneSize() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void aComplainantSubmitsOnAPhoneSeesTheReceiptAndOpensTheStatusLink() {
        open("/klacht/iederzijnwerk");
        assertEquals("IederZijnWerk Ambulant", text(By.cssSelector(".public-tenant")));
        assertFalse(driver.findElements(By.cssSelector("#what-happens-next li")).isEmpty(), "the promises are shown");
        assertNoSidewaysScrolling();

        WebElement form = waitFor(By.id("public-form"));
        fill(form, "summary", "De begeleider kwam drie keer niet opdagen.");
        fill(form, "category", "AFSPRAKEN");
        driver.findElement(By.id("f-role-CLIENT")).click();
        fill(form, "name", "Jan Klager");
        fill(form, "address", "Dorpsstraat 1, 8600 AA");
        // The place is forgotten: the form comes back with the error summary at the top, and nothing is lost.
        fill(form, "phone", "0515 123456");
        clickAndWaitForNewPage(driver.findElement(By.id("public-submit")));
        WebElement summary = waitFor(By.id("error-summary"));
        // Focus goes to the summary, so a screen reader reads what is wrong first.
        waiting().until(d -> "error-summary".equals(js("return document.activeElement.id")));
        assertTrue(summary.getText().contains("Woonplaats: Dit is verplicht."), summary.getText());
        assertEquals("De begeleider kwam drie keer niet opdagen.",
                driver.findElement(By.id("f-summary")).getAttribute("value"));
        summary.findElement(By.cssSelector("a[href='#f-place']")).click();
        waiting().until(d -> "f-place".equals(js("return document.activeElement.id")));
        assertNoSidewaysScrolling();

        driver.findElement(By.id("f-place")).sendKeys("Sneek");
        clickAndWaitForNewPage(driver.findElement(By.id("public-submit")));
        waitFor(By.id("receipt-title"));
        String reference = text(By.id("receipt-reference"));
        assertTrue(reference.matches("IEDE-2026-\\d{4}"), reference);
        assertEquals("22-11-2026", text(By.id("receipt-received")));
        assertTrue(text(By.id("what-happens-next")).contains("Uiterlijk op 27-11-2026"));
        assertNoSidewaysScrolling();

        WebElement link = driver.findElement(By.id("status-link"));
        assertTrue(link.getText().startsWith(baseUrl() + "/klacht/iederzijnwerk/status/"), link.getText());
        clickAndWaitForNewPage(link);
        waitForPath("/klacht/iederzijnwerk/status/[A-Za-z0-9_-]{43}");
        assertEquals(reference, text(By.id("status-reference")));
        assertEquals("Ontvangen", text(By.id("status-stage")));
        assertTrue(text(By.id("status-next")).contains("U krijgt een ontvangstbevestiging."));
        assertNoSidewaysScrolling();
    }

    @Test
    void theSendButtonIsReachableWithTheKeyboardAlone() {
        open("/klacht/klimkoord");
        waitFor(By.id("public-form"));
        List<String> visited = new ArrayList<>();
        Actions keyboard = new Actions(driver);
        for (int i = 0; i < 60 && !"public-submit".equals(activeId()); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            visited.add(activeId());
        }
        assertEquals("public-submit", activeId(), () -> "Tab never reached the send button; visited " + visited);
        assertTrue(visited.contains("f-summary") && visited.contains("f-name"), visited.toString());
        assertFalse(visited.contains("f-website-url"), () -> "the honeypot is out of the tab order: " + visited);

        // Enter on the focused button sends the form: the empty form comes back with the errors listed.
        expectNewPage(() -> keyboard.sendKeys(Keys.ENTER).perform());
        WebElement summary = waitFor(By.id("error-summary"));
        assertTrue(summary.getText().contains("Wat is uw klacht?: Dit is verplicht."), summary.getText());
    }

    private String activeId() {
        Object id = js("return document.activeElement ? document.activeElement.id : ''");
        return id == null ? "" : id.toString();
    }

    private void assertNoSidewaysScrolling() {
        Object fits = js("return document.documentElement.scrollWidth <= window.innerWidth");
        assertEquals(Boolean.TRUE, fits, () -> "the page is wider than the phone: "
                + js("return document.documentElement.scrollWidth") + " > " + js("return window.innerWidth"));
    }
}
