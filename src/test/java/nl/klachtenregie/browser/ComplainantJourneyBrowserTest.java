package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.CaseFilter;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.notification.DeadlineWatch;
import nl.klachtenregie.notification.OutboxDispatcher;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.BrowserSupport;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.support.TestMail;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The complainant's side and the clock, end to end, as IederZijnWerk Ambulant's procedure promises it: a client
 * submits through the public form in a browser, receives the ontvangstbevestiging "waarin de procedure wordt
 * toegelicht" by e-mail (a real SMTP server), follows the status link from that e-mail; the clock moves, the handler
 * is reminded three days before the six weeks run out, the term is missed, and the next rung of the ladder hears of
 * it; after its days the status link stops working.
 */
@MicronautTest(transactional = false)
class ComplainantJourneyBrowserTest extends BrowserSupport {

    private static final String COMPLAINANT = "j.klager@example.org";
    private static final String HANDLER = "iederzijnwerk.medewerker@example.org";
    private static final String COORDINATOR = "coordinator@iederzijnwerk.example";
    private static final Pattern STATUS_LINK = Pattern.compile("(http://\\S+/klacht/iederzijnwerk/status/[A-Za-z0-9_-]+)");

    private final TestMail mail = new TestMail();

    @Inject
    MovableClock clock;
    @Inject
    DeadlineWatch watch;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    ProfileService profiles;
    @Inject
    UserDirectory users;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new LinkedHashMap<>(TestDatabase.freshSchemaProperties());
        props.putAll(mail.properties());
        props.put(MovableClock.PROPERTY, "true");
        // A test types faster than a person; the minimum time itself is tested in PublicFormTest.
        props.put("klachtenregie.public-form.min-seconds", "0");
        return props;
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    private void tick(String day) {
        clock.set(day);
        watch.run();
        dispatcher.dispatch();
    }

    @Test
    void submitAcknowledgeRemindMissAndEscalate() {
        Tenant t = tenants.resolve("iederzijnwerk");
        profiles.update(t, t.profile().withNotifications(new TenantProfile.Notifications(
                "servicedesk@iederzijnwerk.example", "directie@iederzijnwerk.example",
                Map.of("TEAM_LEAD", COORDINATOR), List.of(3))), "test");
        // Monday 2 November 2026: 5 werkdagen for the acknowledgement (9 November), 6 weken for the judgement
        // (14 December).
        clock.set("2026-11-02");

        open("/klacht/iederzijnwerk");
        WebElement form = waitFor(By.id("public-form"));
        fill(form, "summary", "Mijn begeleider is drie afspraken niet gekomen <b>zonder</b> bericht.");
        fill(form, "category", "AFSPRAKEN");
        driver.findElement(By.id("f-role-CLIENT")).click();
        fill(form, "name", "Jan Klager");
        fill(form, "email", COMPLAINANT);
        fill(form, "phone", "0515 123456");
        fill(form, "address", "Dorpsstraat 1, 8600 AA");
        fill(form, "place", "Sneek");
        clickAndWaitForNewPage(driver.findElement(By.id("public-submit")));
        waitFor(By.id("receipt-title"));
        String reference = text(By.id("receipt-reference"));
        assertTrue(reference.matches("IEDE-2026-\\d{4}"), reference);
        long caseId = complaints.list(t, nl.klachtenregie.complaint.Viewer.SYSTEM, new CaseFilter(null, null, clock.today(), 10, 0, null, null, null, reference))
                .stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow().id();

        // The scheduler sends what the submission queued: the acknowledgement with the procedure and the link.
        tick("2026-11-02");
        List<TestMail.Received> acks = mail.receivedBy(COMPLAINANT);
        assertEquals(1, acks.size(), () -> "received: " + mail.received());
        TestMail.Received ack = acks.get(0);
        assertTrue(ack.subject().startsWith("Ontvangstbevestiging van uw klacht " + reference), ack.subject());
        assertTrue(ack.body().contains("Uiterlijk 14 december 2026 krijgt u ons oordeel over uw klacht."), ack.body());
        assertTrue(ack.body().contains("Klachtenportaal Zorg"), "the external complaints officer as an alternative");
        assertTrue(!ack.body().contains("<b>"), "the complainant's words are not in the mail at all");
        CaseView acknowledged = complaints.get(t, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(caseId), null);
        assertTrue(acknowledged.events().stream().anyMatch(e -> e.type() == EventType.ACKNOWLEDGED),
                "the sent acknowledgement is on the timeline");
        assertEquals(ObligationStatus.MET, acknowledged.obligations().stream()
                .filter(o -> o.code().equals("ACKNOWLEDGE")).findFirst().orElseThrow().status());

        // The link in the e-mail opens the complainant's status page.
        Matcher m = STATUS_LINK.matcher(ack.body());
        assertTrue(m.find(), ack.body());
        driver.get(m.group(1));
        waitFor(By.id("status-reference"));
        assertEquals(reference, text(By.id("status-reference")));
        assertTrue(text(By.id("status-next")).contains("14-12-2026"), text(By.id("status-next")));

        // A handler takes the case; three days before the six weeks run out, she is reminded.
        complaints.assign(t, new ComplaintId(caseId),
                users.findByUsername("iederzijnwerk.medewerker").orElseThrow().id(), null);
        tick("2026-12-10");
        assertTrue(mail.receivedBy(HANDLER).isEmpty(), "not yet: 4 days before");
        tick("2026-12-11");
        List<TestMail.Received> reminders = mail.receivedBy(HANDLER);
        assertEquals(1, reminders.size());
        assertEquals("Herinnering: Besluit nemen en schriftelijk meedelen voor " + reference
                + " uiterlijk 14 december 2026", reminders.get(0).subject());

        // Nobody decides; the day after the term the coördinator (the rung above the employee) hears of it.
        tick("2026-12-14");
        assertTrue(mail.receivedBy(COORDINATOR).isEmpty(), "the due day itself is still on time");
        tick("2026-12-15");
        List<TestMail.Received> escalations = mail.receivedBy(COORDINATOR);
        assertEquals(1, escalations.size());
        assertEquals("Termijn verstreken: Besluit nemen en schriftelijk meedelen voor " + reference
                + " (uiterlijk 14 december 2026)", escalations.get(0).subject());
        tick("2026-12-16");
        assertEquals(1, mail.receivedBy(COORDINATOR).size(), "once");
        assertEquals(1, mail.receivedBy(HANDLER).size(), "once");

        // The status page tells the complainant the term has passed, and after its 180 days the link is dead.
        driver.get(m.group(1));
        waitFor(By.id("status-reference"));
        assertTrue(driver.findElements(By.id("status-overdue")).size() == 1, "the complainant sees it is late");
        clock.set("2027-05-02");
        driver.get(m.group(1));
        waitForPage();
        assertTrue(driver.getPageSource().contains("verlopen"), "expired");
        assertTrue(!driver.getPageSource().contains(reference), "an expired link shows nothing of the case");
    }
}
