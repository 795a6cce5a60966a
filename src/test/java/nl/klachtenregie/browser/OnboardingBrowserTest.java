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
import org.openqa.selenium.WebElement;

/**
 * A new organisation is onboarded through the UI alone: the platform administrator creates it with its first
 * administrator, who completes the profile, adds a handler, writes the regulation with the form (confirming each of the
 * model's standard rows in the organisation's own words) and activates it through the confirmation page.
 * A complaint is handled under it; then a new version shortens the decision term, and a later complaint follows
 * the new version while the earlier case keeps the version and due date it had. Today is pinned to 22-11-2026.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingBrowserTest extends BrowserSupport {

    private static final String SLUG = "zorg-noord";
    private static final String ADMIN = "zorg-noord.beheerder";
    private static final String HANDLER = "zorg-noord.medewerker";
    private static final String ADMIN_PASSWORD = "noord-beheer-2026";
    private static final String HANDLER_PASSWORD = "noord-behandel-2026";
    private static final String REGULATION = "/t/" + SLUG + "/beheer/reglement";

    @Test
    void aNewOrganisationIsOnboardedAndItsCasesKeepTheVersionInForceWhenTheyWereReceived() {
        // The platform administrator creates the organisation with its first administrator.
        login("platform.beheerder");
        open("/platform");
        WebElement tenant = waitFor(By.id("new-tenant-form"));
        fill(tenant, "slug", SLUG);
        fill(tenant, "name", "Zorggroep Noord");
        fill(tenant, "username", ADMIN);
        fill(tenant, "displayName", "Noor Beheer");
        fill(tenant, "password", ADMIN_PASSWORD);
        fill(tenant, "passwordConfirmation", ADMIN_PASSWORD);
        clickAndWaitForNewPage(driver.findElement(By.id("new-tenant-submit")));
        waitForPath("/platform\\?gedaan=organisatie");
        assertEquals("1", driver.findElement(By.cssSelector("#tenant-list tr[data-slug='" + SLUG + "']"))
                .getAttribute("data-users"), "the organisation with its administrator");
        logout();

        // Its administrator completes the profile: a category and a rung on the escalation ladder.
        signIn(ADMIN, ADMIN_PASSWORD);
        adminMenu("/t/" + SLUG + "/beheer/profiel");
        WebElement profile = waitFor(By.id("profile-form"));
        fill(profile, "categories-1-code", "BEJEGENING");
        fill(profile, "categories-1-name", "Bejegening");
        fill(profile, "ladder-3-code", "RAAD_VAN_BESTUUR");
        fill(profile, "ladder-3-role", "raad van bestuur");
        fill(profile, "ladder-3-position", "4");
        clickAndWaitForNewPage(driver.findElement(By.id("profile-submit")));
        waitForPath("/t/" + SLUG + "/beheer/profiel\\?gedaan=opgeslagen");
        assertEquals("BEJEGENING", driver.findElement(By.id("categories-1-code")).getAttribute("value"));
        assertEquals("RAAD_VAN_BESTUUR", driver.findElement(By.id("ladder-3-code")).getAttribute("value"));

        // ... adds a handler ...
        adminMenu("/t/" + SLUG + "/gebruikers");
        WebElement user = waitFor(By.id("new-user-form"));
        // The role checkboxes read the shared Option (issue 15): one per role, in words, none pre-ticked.
        assertEquals(false, driver.findElement(By.id("role-STAFF")).isSelected());
        for (org.openqa.selenium.Dimension size : java.util.List.of(new org.openqa.selenium.Dimension(1366, 900),
                new org.openqa.selenium.Dimension(390, 844))) {
            show(size);
            assertFits("de gebruikerspagina");
            shoot("gebruikers-nieuw", size);
        }
        user = waitFor(By.id("new-user-form"));
        fill(user, "username", HANDLER);
        fill(user, "displayName", "Henk Behandelaar");
        fill(user, "password", HANDLER_PASSWORD);
        fill(user, "passwordConfirmation", HANDLER_PASSWORD);
        WebElement staff = user.findElement(By.id("role-STAFF"));
        if (!staff.isSelected()) {
            staff.click();
        }
        clickAndWaitForNewPage(driver.findElement(By.id("new-user-submit")));
        assertTrue(driver.findElement(By.tagName("main")).getText().contains(HANDLER), "the handler is listed");

        // ... and writes the regulation with the form, in force since 1 January.
        adminMenu(REGULATION);
        newVersion("form", null, "2026-01", "2026-01-01", "Klachtenregeling Zorggroep Noord");
        waitForPath(REGULATION + "/2026-01\\?gedaan=aangemaakt");
        WebElement draft = waitFor(By.id("version-form"));
        assertEquals("DECIDE", draft.findElement(By.name("terms[1].code")).getAttribute("value"));
        assertEquals("6", draft.findElement(By.name("terms[1].amount")).getAttribute("value"));
        fill(draft, "terms[1].quote", "Artikel 7: 'binnen zes weken een schriftelijke beslissing'");
        clickAndWaitForNewPage(driver.findElement(By.id("save")));
        waitForPath(REGULATION + "/2026-01\\?gedaan=opgeslagen");
        // The model's other rows still hold its standard words: listed by the check, and confirmed one by one.
        List<String> unconfirmed = driver.findElements(By.cssSelector("#check-placeholders li")).stream()
                .map(WebElement::getText).toList();
        assertTrue(unconfirmed.contains("Termijnen, rij 1 (ACKNOWLEDGE)"), unconfirmed::toString);
        assertFalse(unconfirmed.contains("Termijnen, rij 2 (DECIDE)"), "the decision term has its own words now");
        int article = 1;
        for (WebElement quote : driver.findElements(By.cssSelector("#version-form textarea.quote"))) {
            if (quote.getAttribute("value").startsWith("Standaardwaarde")) {
                quote.clear();
                quote.sendKeys("Artikel " + article++ + ": de eigen woorden van Zorggroep Noord");
            }
        }
        clickAndWaitForNewPage(driver.findElement(By.id("save")));
        waitForPath(REGULATION + "/2026-01\\?gedaan=opgeslagen");
        waitFor(By.id("check-ok"));
        activateShownVersion("2026-01");

        // A handler takes a formal complaint in, received on 2 November, and acknowledges it.
        logout();
        signIn(HANDLER, HANDLER_PASSWORD);
        String first = intake("2026-11-02", "Niemand belde terug.");
        assertEquals("2026-01", followedVersion());
        assertEquals("14-12-2026", obligationDue("DECIDE"), "6 weeks after 02-11-2026");
        assertEquals("09-11-2026", obligationDue("ACKNOWLEDGE"), "5 working days after 02-11-2026");
        submitAction("ACKNOWLEDGED", Map.of("on", "2026-11-04"));
        assertTrue(find(By.id("action-refused")).isEmpty(), "acknowledgement accepted");
        assertEquals(List.of("MET"), obligationStatuses("ACKNOWLEDGE"));
        assertEquals(List.of("ACKNOWLEDGED"), timelineTypes());

        // The administrator makes a new version as a copy: decide within 4 weeks, from 16 November.
        logout();
        signIn(ADMIN, ADMIN_PASSWORD);
        adminMenu(REGULATION);
        newVersion("copy", "2026-01", "2026-11", "2026-11-16", "Klachtenregeling Zorggroep Noord, november 2026");
        waitForPath(REGULATION + "/2026-11\\?gedaan=aangemaakt");
        WebElement copy = waitFor(By.id("version-form"));
        assertEquals("Artikel 7: 'binnen zes weken een schriftelijke beslissing'",
                copy.findElement(By.name("terms[1].quote")).getAttribute("value"), "the copy has the first's terms");
        fill(copy, "terms[1].amount", "4");
        fill(copy, "terms[1].quote", "Artikel 7: 'binnen vier weken een schriftelijke beslissing'");
        clickAndWaitForNewPage(driver.findElement(By.id("save")));
        waitForPath(REGULATION + "/2026-11\\?gedaan=opgeslagen");
        assertEquals("4", driver.findElement(By.name("terms[1].amount")).getAttribute("value"));
        activateShownVersion("2026-11");
        open(REGULATION);
        assertFalse(driver.findElements(By.cssSelector("tr[data-version='2026-11'] .in-force")).isEmpty(),
                "the new version is in force today");
        assertEquals(List.of("ACTIVE", "ACTIVE"), driver.findElements(By.cssSelector("#version-list tr[data-version]"))
                .stream().map(r -> r.getAttribute("data-status")).toList());

        // A complaint received on 20 November follows the new version; the first case keeps its own.
        logout();
        signIn(HANDLER, HANDLER_PASSWORD);
        intake("2026-11-20", "Weer niemand die terugbelde.");
        assertEquals("2026-11", followedVersion());
        assertEquals("18-12-2026", obligationDue("DECIDE"), "4 weeks after 20-11-2026");

        open("/t/" + SLUG + "/klachten/" + first);
        assertEquals("2026-01", followedVersion());
        assertEquals("14-12-2026", obligationDue("DECIDE"), "still 6 weeks after 02-11-2026");
        assertEquals(List.of("MET"), obligationStatuses("ACKNOWLEDGE"));
    }

    /** Logs in with a password of its own (not the demo one) and waits until the login page is left. */
    private void signIn(String username, String password) {
        login(username, password);
        waitForPath("(?!/login).*");
    }

    /** Opens the Beheer dropdown in the header and follows its link to this path. */
    private void adminMenu(String path) {
        driver.findElement(By.id("admin-menu")).click();
        WebElement link = waitFor(By.cssSelector("header a[href='" + path + "']"));
        clickAndWaitForNewPage(link);
        waitForPath(path);
    }

    private void newVersion(String kind, String from, String version, String effectiveFrom, String title) {
        WebElement form = waitFor(By.id("new-version-form"));
        form.findElement(By.cssSelector("input[name=kind][value=" + kind + "]")).click();
        if (from != null) {
            fill(form, "from", from);
        }
        fill(form, "version", version);
        fill(form, "effectiveFrom", effectiveFrom);
        fill(form, "title", title);
        clickAndWaitForNewPage(driver.findElement(By.id("create-version")));
    }

    /** Activates through the confirmation page, which says what changes for new complaints. */
    private void activateShownVersion(String version) {
        assertEquals("DRAFT", driver.findElement(By.id("version-status")).getAttribute("data-status"));
        clickAndWaitForNewPage(driver.findElement(By.id("activate")));
        waitForPath(REGULATION + "/" + version + "/vaststellen");
        waitFor(By.id("changes"));
        clickAndWaitForNewPage(driver.findElement(By.id("confirm-activation")));
        waitForPath(REGULATION + "/" + version + "\\?gedaan=vastgesteld");
        assertEquals("ACTIVE", driver.findElement(By.id("version-status")).getAttribute("data-status"));
        assertTrue(text(By.id("version-status")).contains("Vastgesteld"));
    }

    /** Takes a formal letter complaint in through the intake page; returns the new case's id. */
    private String intake(String receivedOn, String summary) {
        open("/t/" + SLUG + "/klachten/nieuw");
        WebElement intake = waitFor(By.id("intake-form"));
        fill(intake, "kind", "FORMAL");
        fill(intake, "channel", "LETTER");
        fill(intake, "receivedOn", receivedOn);
        fill(intake, "summary", summary);
        fill(intake, "category", "BEJEGENING");
        fill(intake, "complainantName", "K. Lager");
        fill(intake, "complainantAddress", "Hoofdstraat 1");
        fill(intake, "complainantPlace", "Assen");
        fill(intake, "complainantEmail", "k.lager@example.org");
        clickAndWaitForNewPage(driver.findElement(By.id("intake-submit")));
        return waitForPath("/t/" + SLUG + "/klachten/(\\d+)").group(1);
    }

    /** The regulation version the case page says the case follows. */
    private String followedVersion() {
        return driver.findElement(By.xpath("//dt[normalize-space()='Versie van het reglement']"
                + "/following-sibling::dd[1]")).getText().strip();
    }
}
