package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.support.BrowserSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The pages of issue 13 in a real browser, on a desktop (1366 x 900) and a phone (390 x 844): an extension recorded
 * late shows both dates and waits for a second person, who confirms it from the case page; a duty is set aside with a
 * reason before the case closes, and closing first names what is open; the intake asks at which rung the complaint
 * came in; the dashboard lists what waits for confirmation; the platform administrator sees the days the Algemene
 * termijnenwet skips and adds one. Screenshots under {@code target/screenshots}; nothing wider than the window, no ISO
 * dates where people read.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermsBrowserTest extends BrowserSupport {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final String T = "iederzijnwerk";

    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;
    @Inject
    nl.klachtenregie.audit.AuditLog audit;

    @AfterEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    private CaseView caseWithALateExtension() {
        Tenant izw = tenants.resolve(T);
        CaseView c = complaints.create(izw, new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER,
                LocalDate.parse("2026-09-01"), null, new Complainant("M. Verlengd", ComplainantRole.CLIENT,
                "m@example.org", "0612345678", "Laan 2", "Sneek"), "De begeleiding stopte zonder bericht.", "AFSPRAKEN",
                "AMBULANT", null, false, false));
        var handler = users.findByUsername(T + ".medewerker").orElseThrow().id();
        // The six weeks ended on 13-10-2026; the letter announcing four more weeks went out on 09-10, recorded today.
        complaints.recordEvent(izw, new ComplaintId(c.id()), new NewEvent(EventType.EXTENSION_ANNOUNCED,
                LocalDate.parse("2026-10-09"), 4, null, null, null, null, null, null, null, null, null)
                .withNotice(LocalDate.parse("2026-10-09"), "brief 09-10-2026, kenmerk IZW-2026-41",
                        "De behandelaar was met verlof; de brief is wel op tijd verstuurd."), null, handler);
        return c;
    }

    @Test
    void anExtensionRecordedLateIsConfirmedByASecondPersonFromTheCasePage() {
        CaseView c = caseWithALateExtension();
        login(T + ".kwaliteit");
        waitForPath("(?!/login).*");
        open("/t/" + T + "/dashboard?periode=2026");
        waitFor(By.id("to-confirm"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het dashboard");
            shoot("dashboard-te-bevestigen", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        open("/t/" + T + "/klachten/" + c.id());
        String entry = waitFor(By.cssSelector("#timeline li[data-type=EXTENSION_ANNOUNCED]")).getText();
        assertTrue(entry.contains("achteraf vastgelegd"), entry);
        assertTrue(entry.contains("te bevestigen"), entry);
        assertTrue(entry.contains("vastgelegd op 22-11-2026"), entry);
        assertTrue(entry.contains("brief 09-10-2026, kenmerk IZW-2026-41"), entry);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het dossier met een achteraf vastgelegde verlenging");
            assertNoIsoDates();
            shoot("dossier-te-bevestigen", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        clickAndWaitForNewPage(waitFor(By.id("confirm-1")));
        String confirmed = waitFor(By.cssSelector("#timeline li[data-type=EXTENSION_ANNOUNCED]")).getText();
        assertFalse(confirmed.contains("te bevestigen"), confirmed);
        assertTrue(confirmed.contains("bevestigd door"), confirmed);
    }

    @Test
    void closingNamesTheOpenDutyWhichIsThenSetAsideWithAReason() {
        Tenant izw = tenants.resolve(T);
        CaseView c = complaints.create(izw, new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER,
                LocalDate.parse("2026-11-02"), null, new Complainant("S. Gesloten", ComplainantRole.CLIENT,
                "s@example.org", "0612345678", "Laan 3", "Sneek"), "Rooster werd niet doorgegeven.", "AFSPRAKEN",
                "AMBULANT", null, false, false));
        ComplaintId id = new ComplaintId(c.id());
        complaints.recordEvent(izw, id, NewEvent.of(EventType.ACKNOWLEDGED, LocalDate.parse("2026-11-03")));
        complaints.recordEvent(izw, id, NewEvent.of(EventType.MANAGEMENT_INFORMED, LocalDate.parse("2026-11-03")));
        complaints.recordEvent(izw, id, new NewEvent(EventType.DECIDED, LocalDate.parse("2026-11-10"), null, null,
                null, Judgement.UNFOUNDED, null, null, "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null, null));
        login(T + ".medewerker");
        waitForPath("(?!/login).*");
        open("/t/" + T + "/klachten/" + c.id());
        submitAction("CLOSED", Map.of("on", "2026-11-20"));
        String refused = waitFor(By.id("action-refused")).getText();
        assertTrue(refused.contains("Het dossier kan nog niet worden gesloten"), refused);
        assertTrue(refused.contains("Oplossing aan de klager meedelen"), refused);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de geweigerde afsluiting");
            shoot("dossier-sluiten-geweigerd", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        submitAction("DUTY_SET_ASIDE", Map.of("on", "2026-11-20", "code", "COMMUNICATE_SOLUTION", "reason",
                "De klager kreeg de uitkomst mondeling in het gesprek en wil geen brief."));
        assertEquals(List.of("SET_ASIDE"), obligationStatuses("COMMUNICATE_SOLUTION"));
        submitAction("CLOSED", Map.of("on", "2026-11-20"));
        assertEquals("CLOSED", caseStatus());
        String duties = driver.findElement(By.id("obligations")).getText();
        assertTrue(duties.contains("Niet uitgevoerd, reden: De klager kreeg de uitkomst mondeling"), duties);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het gesloten dossier");
            assertNoIsoDates();
            shoot("dossier-plicht-opzijgezet", size);
        }
    }

    @Test
    void theIntakeAsksAtWhichRungTheComplaintCameIn() {
        login(T + ".medewerker");
        waitForPath("(?!/login).*");
        open("/t/" + T + "/klachten/nieuw");
        String options = waitFor(By.id("f-escalationLevel")).getText();
        assertTrue(options.contains("klachtenfunctionaris van Klachtenportaal Zorg"), options);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de intake");
            shoot("intake-trede", size);
        }
    }

    @Test
    void theAdministratorSaysAtWhichRungAComplaintThroughThePublicFormArrives() {
        login(T + ".beheerder");
        waitForPath("(?!/login).*");
        open("/t/" + T + "/beheer/meldingen");
        String options = waitFor(By.id("publicFormLevel")).getText();
        assertTrue(options.contains("klachtenfunctionaris van Klachtenportaal Zorg"), options);
        js("document.getElementById('publicFormLevel').scrollIntoView()");
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de meldingen en het klachtformulier");
            shoot("meldingen-formulier-trede", size);
        }
    }

    @Test
    void theLogboekSaysInWordsThatAFactWasRecordedLateAndWhen() {
        audit.record(tenants.resolve(T).id(), T + ".medewerker", "EVENT_RECORDED_LATE", "IZW-2026-0007",
                "Besluit genomen van 01-10-2026 achteraf vastgelegd op 08-10-2026.");
        login(T + ".beheerder");
        waitForPath("(?!/login).*");
        open("/t/" + T + "/beheer/logboek");
        String log = waitFor(By.id("audit-log")).getText();
        assertTrue(log.contains("Gebeurtenis achteraf vastgelegd"), log);
        assertFalse(log.contains("EVENT_RECORDED_LATE"), log);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("het logboek");
            assertNoIsoDates();
            shoot("logboek-achteraf-vastgelegd", size);
        }
    }

    @Test
    void thePlatformAdministratorSeesTheDaysTheAtwSkipsAndAddsOneOfANewBesluit() {
        login("platform.beheerder");
        waitForPath("(?!/login).*");
        open("/platform/feestdagen?jaar=2026");
        String holidays = waitFor(By.id("holidays")).getText();
        assertTrue(holidays.contains("03-04-2026"), holidays);
        assertTrue(holidays.contains("Goede Vrijdag (Atw art. 3 lid 2)"), holidays);
        assertTrue(holidays.contains("gelijkgesteld (Besluit gelijkstelling 2026-2028)"), holidays);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de feestdagen");
            assertNoIsoDates();
            shoot("platform-feestdagen", size);
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        var form = waitFor(By.id("add-day-form"));
        fill(form, "day", "2029-05-11");
        fill(form, "source", "Besluit gelijkstelling 2029-2031");
        clickAndWaitForNewPage(driver.findElement(By.id("add-day")));
        waitFor(By.id("atw-done"));
        assertTrue(driver.findElement(By.id("holidays")).getText().contains("11-05-2029"));
    }

    private void assertNoIsoDates() {
        String words = driver.findElement(By.tagName("main")).getText();
        assertFalse(ISO_DATE.matcher(words).find(), () -> "an ISO date where people read: " + words);
    }
}
