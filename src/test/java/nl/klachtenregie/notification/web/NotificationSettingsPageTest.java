package nl.klachtenregie.notification.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Meldingen en klachtformulier: the tenant's administrator sets where the e-mails go, when handlers are reminded and
 * how the public complaint form works, and sees it back; a mistake comes back at its field with what was typed; a
 * save over someone else's is refused; nobody else gets in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationSettingsPageTest extends PageTestSupport {

    private static final String FORM = "notification-settings-form";

    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;

    private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theAdministratorSetsAddressesRemindersAndTheFormAndSeesThemBack() {
        String path = "/t/impuls/beheer/meldingen";
        PageSession admin = loggedInAs("impuls.beheerder");
        Page page = admin.get(path);
        assertEquals(200, page.status(), page.body());
        assertNull(textOf(page.body(), "form-errors"), "a page loaded afresh announces no errors");
        assertTrue(page.contains("href=\"/t/impuls/beheer/meldingen\" aria-current=\"page\""),
                "menu: Beheer > Meldingen en klachtformulier");
        assertTrue(page.contains("<a href=\"/klacht/impuls\" id=\"public-form-link\">http://localhost:"
                + server.getPort() + "/klacht/impuls</a>"), "the public form's address, as a link");
        // One address per rung, labelled with the rung's role as the profile names it.
        assertTrue(page.contains("<label for=\"level-TEAM_LEAD\">E-mailadres van leidinggevende</label>"), page.body());
        assertTrue(page.contains("<label for=\"level-DIRECTOR\">E-mailadres van directeur"), page.body());
        PostedForm form = PostedForm.of(page.body(), FORM);
        TenantProfile before = tenants.resolve("impuls").profile();
        assertEquals(String.join(", ", before.notifications().reminderDaysBefore().stream().map(String::valueOf)
                .toList()), form.get("reminderDays"));
        assertEquals(before.publicForm().kind(), form.get("publicFormKind"));
        assertEquals(before.publicForm().requiredFields(), form.all("requiredFields"));
        assertEquals(String.valueOf(before.publicForm().statusLinkDays()), form.get("statusLinkDays"));
        assertEquals("", form.get("publicFormLevel"), "the form reaches the lowest rung, shown by its role's name");
        assertTrue(page.contains("<option value=\"DIRECTOR\">directeur"), page.body());

        form.set("intakeEmail", "klachten@impuls.example")
                .set("managementEmail", " directie@impuls.example ")
                .set("level-TEAM_LEAD", "teamleiders@impuls.example")
                .set("level-DIRECTOR", "")
                .set("reminderDays", "1; 5,  10")
                .set("publicFormEnabled", List.of())
                .set("publicFormKind", "INFORMAL")
                .set("requiredFields", List.of("name", "email", "place"))
                .set("statusLinkDays", "90")
                .set("publicFormLevel", "TEAM_LEAD");
        HttpResponse<String> saved = post(admin, path, form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(path + "?gedaan=opgeslagen", saved.headers().firstValue("location").orElse(""));

        TenantProfile after = tenants.resolve("impuls").profile();
        assertEquals(new TenantProfile.Notifications("klachten@impuls.example", "directie@impuls.example",
                Map.of("TEAM_LEAD", "teamleiders@impuls.example"), List.of(10, 5, 1)), after.notifications());
        assertEquals(new TenantProfile.PublicForm(false, "INFORMAL", List.of("name", "email", "place"), 90,
                "TEAM_LEAD"), after.publicForm());
        assertEquals(before.escalationLadder(), after.escalationLadder(), "the rest of the profile stays");
        assertEquals(before.name(), after.name());

        Page shown = admin.get(path + "?gedaan=opgeslagen");
        assertEquals("De instellingen zijn opgeslagen.", textOf(shown.body(), "admin-done"));
        PostedForm back = PostedForm.of(shown.body(), FORM);
        assertEquals("klachten@impuls.example", back.get("intakeEmail"));
        assertEquals("directie@impuls.example", back.get("managementEmail"));
        assertEquals("teamleiders@impuls.example", back.get("level-TEAM_LEAD"));
        assertEquals("", back.get("level-DIRECTOR"));
        assertEquals("10, 5, 1", back.get("reminderDays"));
        assertNull(back.get("publicFormEnabled"), "the form is closed");
        assertEquals("INFORMAL", back.get("publicFormKind"));
        assertEquals(List.of("name", "email", "place"), back.all("requiredFields"));
        assertEquals("90", back.get("statusLinkDays"));
        assertEquals("TEAM_LEAD", back.get("publicFormLevel"));
        assertTrue(shown.contains("(staat nu uit)"), "the address says the form is closed");

        AuditLog.Entry entry = audit.recent(tenants.resolve("impuls").id(), 5).get(0);
        assertEquals("PROFILE_UPDATED", entry.action());
        assertEquals("impuls.beheerder", entry.actor());
        assertTrue(entry.detail().contains("meldingen:") && entry.detail().contains("klachtformulier:"),
                entry.detail());

        HttpResponse<String> again = post(admin, path, PostedForm.of(shown.body(), FORM));
        assertEquals(path + "?gedaan=ongewijzigd", again.headers().firstValue("location").orElse(""),
                "saved unchanged: nothing to log");
        assertEquals(entry.id(), audit.recent(tenants.resolve("impuls").id(), 5).get(0).id());
    }

    @Test
    void aBadAddressOrReminderDayIsShownAtItsFieldWith400AndKeepsWhatWasTyped() {
        String path = "/t/klimkoord/beheer/meldingen";
        PageSession admin = loggedInAs("klimkoord.beheerder");
        TenantProfile before = tenants.resolve("klimkoord").profile();
        String rung = before.escalationLadder().get(1).code();
        PostedForm form = PostedForm.of(admin.get(path).body(), FORM)
                .set("intakeEmail", "servicedesk klimkoord")
                .set("level-" + rung, "teamleider@")
                .set("reminderDays", "0")
                .set("statusLinkDays", "3")
                .set("managementEmail", "directie@klimkoord.example")
                .set("publicFormLevel", "NERGENS");
        HttpResponse<String> r = post(admin, path, form);
        assertEquals(400, r.statusCode());
        String html = r.body();
        assertNotNull(textOf(html, "form-errors"), "the summary is announced");
        assertEquals("Het e-mailadres voor nieuwe klachten 'servicedesk klimkoord' is geen geldig e-mailadres",
                PostedForm.unescape(textOf(html, "error-intakeEmail")));
        assertTrue(PostedForm.unescape(textOf(html, "error-level-" + rung)).contains("'teamleider@' is geen geldig"),
                html);
        assertEquals("Een herinnering gaat 1 tot en met 60 dagen voor de uiterste datum; 0 kan niet",
                textOf(html, "error-reminderDays"));
        assertEquals("De statuslink werkt 7 tot en met 730 dagen; 3 kan niet", textOf(html, "error-statusLinkDays"));
        assertEquals("'NERGENS' is geen niveau van de escalatieladder; kies een niveau uit de lijst",
                PostedForm.unescape(textOf(html, "error-publicFormLevel")));
        for (String field : List.of("intakeEmail", "level-" + rung, "reminderDays", "statusLinkDays")) {
            assertTrue(html.matches("(?s).*id=\"" + field + "\"[^>]*aria-describedby=\"[^\"]*error-" + field
                    + "[^\"]*\"[^>]*aria-invalid=\"true\".*|(?s).*id=\"" + field + "\"[^>]*aria-invalid=\"true\"[^>]*"
                    + "aria-describedby=\"[^\"]*error-" + field + ".*"), () -> field + " is not tied to its error");
        }
        assertNull(textOf(html, "error-managementEmail"), "a good field has no error");
        PostedForm kept = PostedForm.of(html, FORM);
        assertEquals("servicedesk klimkoord", kept.get("intakeEmail"));
        assertEquals("teamleider@", kept.get("level-" + rung));
        assertEquals("0", kept.get("reminderDays"));
        assertEquals("3", kept.get("statusLinkDays"));
        assertEquals("directie@klimkoord.example", kept.get("managementEmail"));
        assertEquals(before, tenants.resolve("klimkoord").profile(), "nothing saved");

        HttpResponse<String> words = post(admin, path, kept.set("intakeEmail", "").set("level-" + rung, "")
                .set("statusLinkDays", "180").set("reminderDays", "vijf, 1"));
        assertEquals(400, words.statusCode());
        assertEquals("'vijf' is geen aantal dagen; schrijf de dagen als getallen, gescheiden door komma's "
                + "(bijvoorbeeld 5, 1)", PostedForm.unescape(textOf(words.body(), "error-reminderDays")));
        HttpResponse<String> tooMany = post(admin, path, kept.set("reminderDays", "1, 2, 3, 4, 5, 6"));
        assertEquals("Hoogstens 5 herinneringen per termijn", textOf(tooMany.body(), "error-reminderDays"));
        assertEquals(before, tenants.resolve("klimkoord").profile(), "still nothing saved");

        HttpResponse<String> none = post(admin, path, kept.set("reminderDays", " "));
        assertEquals(303, none.statusCode(), "no reminders at all is a choice");
        assertEquals(List.of(), tenants.resolve("klimkoord").profile().notifications().reminderDaysBefore());
    }

    @Test
    void twoAdministratorsSavingAtOnceCannotOverwriteEachOther() {
        String path = "/t/iederzijnwerk/beheer/meldingen";
        PageSession first = loggedInAs("iederzijnwerk.beheerder");
        PageSession second = loggedInAs("iederzijnwerk.beheerder");
        PostedForm a = PostedForm.of(first.get(path).body(), FORM).set("intakeEmail", "eerste@iederzijnwerk.example");
        PostedForm b = PostedForm.of(second.get(path).body(), FORM).set("reminderDays", "7, 2");
        assertEquals(303, post(first, path, a).statusCode());

        HttpResponse<String> late = post(second, path, b);
        assertEquals(409, late.statusCode(), "the second loaded the settings before the first saved");
        assertTrue(PostedForm.unescape(textOf(late.body(), "conflict")).startsWith("Iemand anders heeft het profiel "
                + "opgeslagen"), late.body());
        TenantProfile stored = tenants.resolve("iederzijnwerk").profile();
        assertEquals("eerste@iederzijnwerk.example", stored.notifications().intakeEmail(), "the first save stands");
        assertTrue(!stored.notifications().reminderDaysBefore().equals(List.of(7, 2)));

        // Shown again with what the second typed; saving once more, knowingly, applies it.
        PostedForm again = PostedForm.of(late.body(), FORM);
        assertEquals("7, 2", again.get("reminderDays"));
        assertEquals("", again.get("intakeEmail"), "the second's own form, as typed");
        HttpResponse<String> retried = post(second, path, again);
        assertEquals(303, retried.statusCode(), retried.body());
        assertEquals(List.of(7, 2), tenants.resolve("iederzijnwerk").profile().notifications().reminderDaysBefore());
    }

    @Test
    void onlyTheTenantsAdministratorGetsIn() {
        String path = "/t/kwaliteitsprocedure-6-5/beheer/meldingen";
        TenantProfile before = tenants.resolve("kwaliteitsprocedure-6-5").profile();
        for (String user : List.of("kwaliteitsprocedure-6-5.medewerker", "kwaliteitsprocedure-6-5.leidinggevende",
                "kwaliteitsprocedure-6-5.kwaliteit", "kwaliteitsprocedure-6-5.directeur", "platform.beheerder")) {
            PageSession s = loggedInAs(user);
            assertEquals(403, s.get(path).status(), user);
            assertEquals(403, s.post(path, Map.of("intakeEmail", "gekaapt@example.org")).status(), user);
        }
        PageSession otherAdmin = loggedInAs("impuls.beheerder");
        assertEquals(403, otherAdmin.get(path).status());
        otherAdmin.get("/t/impuls/beheer/meldingen");
        assertEquals(403, otherAdmin.post(path, Map.of("intakeEmail", "gekaapt@example.org")).status());
        assertEquals(303, anonymous().get(path).status());
        PageSession admin = loggedInAs("kwaliteitsprocedure-6-5.beheerder");
        PostedForm form = PostedForm.of(admin.get(path).body(), FORM).set("intakeEmail", "gekaapt@example.org");
        assertEquals(403, post(admin, path, form.set("csrfToken", "vervalst")).statusCode(), "a forged token");
        assertEquals(before, tenants.resolve("kwaliteitsprocedure-6-5").profile());
    }

    /** Posts the form as a browser would (repeated names for ticked checkboxes) with the session's cookies. */
    private HttpResponse<String> post(PageSession s, String path, PostedForm form) {
        try {
            return raw.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .header("Cookie", s.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")))
                    .POST(HttpRequest.BodyPublishers.ofString(form.encoded())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
