package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.StaffDirectory;
import nl.klachtenregie.support.BrowserSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Need-to-know in the browser (issue 16): the beheerder's personeelsoverzicht, the intake's "betreft medewerker"
 * picker, and the kwaliteitsmanager's inzagelog, at 1366x900 and 390x844. Screenshots under
 * {@code target/screenshots}; nothing wider than the window, no ISO dates on the pages.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowBrowserTest extends BrowserSupport {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    @Inject
    StaffDirectory staff;
    @Inject
    TenantDirectory tenants;

    @AfterEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    private void noIsoDates(String what) {
        String text = driver.findElement(By.tagName("main")).getText();
        assertFalse(ISO_DATE.matcher(text).find(), () -> what + " shows an ISO date: " + text);
    }

    @Test
    void theAdministratorKeepsThePersoneelsoverzicht() {
        staff.create(tenants.resolve("impuls"), new StaffDirectory.Entry("Anneke van der Berg-Oosterveld",
                "Jongerenwerk Oldenzaal-Centrum", null, true), "test");
        staff.create(tenants.resolve("impuls"), new StaffDirectory.Entry("Jan Jansen", "Kinderopvang", null, false),
                "test");
        login("impuls.beheerder");
        open("/t/impuls/beheer/personeel");
        WebElement form = waitFor(By.id("staff-form"));
        fill(form, "name", "Mohamed el Idrissi");
        fill(form, "team", "Welzijn ouderen");
        new Select(driver.findElement(By.id("f-staff-user"))).selectByIndex(1);
        clickAndWaitForNewPage(form.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(text(By.id("staff-list")).contains("Mohamed el Idrissi"));
        assertTrue(text(By.id("staff-done")).contains("toegevoegd"));
        for (Dimension size : SIZES) {
            show(size);
            Object widest = js("let w = null; for (const e of document.querySelectorAll('body *')) {"
                    + " const r = e.getBoundingClientRect(); if (r.right > window.innerWidth + 1 && (!w || r.right > w.r))"
                    + " w = {r: r.right, d: e.tagName + '#' + e.id + '.' + e.className}; } return w ? w.d + ' ' + w.r : '';");
            assertFits("personeelsoverzicht (widest: " + widest + ")");
            noIsoDates("personeelsoverzicht");
            shoot("personeelsoverzicht", size);
        }
    }

    @Test
    void intakePicksTheEmployeeFromTheDirectory() {
        staff.create(tenants.resolve("klimkoord"), new StaffDirectory.Entry("Sanne Smit", "Wonen Noord", null, true),
                "test");
        login("klimkoord.medewerker");
        open("/t/klimkoord/klachten/nieuw");
        Select picker = new Select(waitFor(By.id("f-concernsStaffId")));
        picker.selectByVisibleText("Sanne Smit (Wonen Noord)");
        for (Dimension size : SIZES) {
            show(size);
            driver.findElement(By.id("f-concernsStaffId")).getLocation();
            js("document.getElementById('f-concernsStaffId').scrollIntoView({block: 'center'})");
            assertFits("intake form");
            shoot("intake-medewerker-kiezen", size);
        }
        assertEquals("Sanne Smit (Wonen Noord)", picker.getFirstSelectedOption().getText());
    }

    @Test
    void theQualityManagerReadsTheAccessLog() {
        java.util.Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-11-02");
        long id = ((Number) createComplaint("iederzijnwerk", body).get("id")).longValue();
        login("iederzijnwerk.medewerker");
        open("/t/iederzijnwerk/klachten/" + id);
        waitForPage();
        logout();
        login("iederzijnwerk.kwaliteit");
        open("/t/iederzijnwerk/klachten/" + id);
        assertTrue(waitFor(By.id("case-reads")).getText().contains("dossierpagina"));
        clickAndWaitForNewPage(driver.findElement(By.id("case-reads-all")));
        WebElement table = waitFor(By.id("access-log"));
        assertTrue(table.getText().contains("dossierpagina"), table.getText());
        for (Dimension size : SIZES) {
            show(size);
            assertFits("inzagelog");
            noIsoDates("inzagelog");
            shoot("inzagelog", size);
        }
    }
}
