package nl.klachtenregie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.notification.Notifications;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The basics a screen-reader or keyboard user needs, checked on every page a handler uses: the page language,
 * one main heading, a skip link, a label for every form control, and errors tied to their field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAccessibilityTest extends PageTestSupport {

    @Inject
    UserDirectory users;
    @Inject
    TenantDirectory tenants;
    @Inject
    ComplaintService complaints;
    @Inject
    Notifications notifications;
    @Inject
    Outbox outbox;

    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);

    @Test
    void everyPageHasALanguageOneHeadingASkipLinkAndLabelledControls() {
        Object id = createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        PageSession staff = loggedInAs("impuls.medewerker");
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/t/impuls/werk", "/t/impuls/klachten", "/t/impuls/klachten/nieuw",
                "/t/impuls/klachten/" + id)) {
            Page page = staff.get(path);
            assertEquals(200, page.status(), path);
            problems.addAll(check(path, page.body()));
        }
        problems.addAll(check("/login", anonymous().get("/login").body()));
        assertEquals(List.of(), problems);
    }

    @Test
    void theAdministrationPagesAreLabelledToo() {
        PageSession admin = loggedInAs("impuls.beheerder");
        List<String> problems = new ArrayList<>();
        long handler = users.findByUsername("impuls.medewerker").orElseThrow().id().value();
        for (String path : List.of("/t/impuls/beheer/profiel", "/t/impuls/beheer/brieven",
                "/t/impuls/beheer/brieven/acknowledgement", "/t/impuls/gebruikers", "/t/impuls/beheer/meldingen",
                "/t/impuls/gebruikers/" + handler + "/email")) {
            Page page = admin.get(path);
            assertEquals(200, page.status(), path);
            problems.addAll(check(path, page.body()));
        }
        Page preview = admin.post("/t/impuls/beheer/brieven/progress", Map.of("actie", "voorbeeld",
                "subject", "Voortgang {{case.reference}}", "body", "<p>{{case.summary}}</p>"));
        assertEquals(200, preview.status());
        problems.addAll(check("preview", preview.body()));
        admin.get("/t/impuls/beheer/meldingen");
        Page badSettings = admin.post("/t/impuls/beheer/meldingen", Map.of("intakeEmail", "geen adres",
                "reminderDays", "0", "publicFormKind", "FORMAL", "statusLinkDays", "1"));
        assertEquals(400, badSettings.status());
        problems.addAll(check("settings with errors", badSettings.body()));
        Page platform = loggedInAs("platform.beheerder").get("/platform");
        problems.addAll(check("/platform", platform.body()));
        problems.addAll(check("/platform/import", loggedInAs("platform.beheerder").get("/platform/import").body()));
        assertEquals(List.of(), problems);
    }

    @Test
    void theRegulationPagesAreLabelledToo() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String base = "/t/impuls/beheer/reglement";
        admin.get(base);
        for (String kind : List.of("form", "drl")) {
            Page created = admin.post(base + "/nieuw", Map.of("kind", kind, "version", "a11y-" + kind,
                    "effectiveFrom", "2027-01-01", "title", "Toegankelijk"));
            assertEquals(303, created.status(), created.body());
        }
        List<String> problems = new ArrayList<>();
        for (String path : List.of(base, base + "/2", base + "/a11y-form", base + "/a11y-drl",
                base + "/verschil?van=2&naar=a11y-form", base + "/a11y-form/proefdraai", "/t/impuls/beheer/logboek")) {
            Page page = admin.get(path);
            assertEquals(200, page.status(), path);
            problems.addAll(check(path, page.body()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theMessagePagesAreLabelledToo() {
        Tenant t = tenants.resolve("impuls");
        CaseView c = complaints.get(t, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(((Number) createComplaint("impuls",
                complaint("FORMAL", "LETTER", "2026-11-02")).get("id")).longValue()), null);
        notifications.complaintSubmitted(t, c, "http://localhost/klacht/impuls/status/a11y");
        long message = outbox.ofComplaint(t, c.id()).get(0).id();
        List<String> problems = new ArrayList<>();
        for (String user : List.of("impuls.beheerder", "impuls.kwaliteit")) {
            PageSession s = loggedInAs(user);
            for (String path : List.of("/t/impuls/berichten", "/t/impuls/berichten?status=NOT_SENT",
                    "/t/impuls/berichten/" + message)) {
                Page page = s.get(path);
                assertEquals(200, page.status(), path);
                problems.addAll(check(user + " " + path, page.body()));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aFieldErrorIsAnnouncedWithItsField() {
        PageSession staff = loggedInAs("impuls.medewerker");
        staff.get("/t/impuls/klachten/nieuw");
        Page page = staff.post("/t/impuls/klachten/nieuw", Map.of("kind", "FORMAL", "channel", "LETTER",
                "receivedOn", "2026-02-30", "complainantRole", "CLIENT", "summary", "", "category", "BEJEGENING"));
        assertEquals(400, page.status());
        assertTrue(page.body().contains("aria-describedby=\"error-receivedOn\""), "date field points at its error");
        assertTrue(page.body().contains("id=\"error-receivedOn\""));
        assertTrue(page.body().contains("aria-invalid=\"true\""));
        assertTrue(page.body().contains("role=\"alert\""), "the summary of errors is announced");
    }

    private static List<String> check(String path, String html) {
        List<String> problems = new ArrayList<>();
        if (!html.matches("(?s).*<html lang=\"(nl|en)\".*")) {
            problems.add(path + ": no page language");
        }
        int h1 = html.split("<h1[ >]", -1).length - 1;
        if (h1 != 1) {
            problems.add(path + ": " + h1 + " h1 headings");
        }
        if (!html.contains("class=\"skip-link\" href=\"#main\"") || !html.contains("id=\"main\"")) {
            problems.add(path + ": no skip link to the main content");
        }
        Matcher m = CONTROL.matcher(html);
        while (m.find()) {
            String attrs = m.group(2);
            if (attrs.contains("type=\"hidden\"") || attrs.contains("type=\"submit\"")) {
                continue;
            }
            if (insideLabel(html, m.start()) || attrs.contains("aria-label=")) {
                continue;
            }
            Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attrs);
            if (!id.find() || !html.contains("for=\"" + id.group(1) + "\"")) {
                problems.add(path + ": unlabelled " + m.group(1) + " " + attrs.strip());
            }
        }
        return problems;
    }

    private static boolean insideLabel(String html, int position) {
        String before = html.substring(0, position);
        return before.lastIndexOf("<label") > before.lastIndexOf("</label>");
    }
}
