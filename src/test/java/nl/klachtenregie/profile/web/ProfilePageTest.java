package nl.klachtenregie.profile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import nl.klachtenregie.complaint.ComplaintStatistics;
import nl.klachtenregie.profile.TenantOnboarding;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Organisatieprofiel: the tenant's administrator edits every part of the profile in one form without JavaScript;
 * mistakes come back at their field with what was typed; what cases use cannot be removed; nobody else gets in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfilePageTest extends PageTestSupport {

    private static final String PASSWORD = "een-lang-wachtwoord";
    private static final String PATH = "/t/proefhuis/beheer/profiel";

    @Inject
    TenantDirectory tenants;
    @Inject
    TenantOnboarding onboarding;
    @Inject
    AuditLog audit;
    @Inject
    ComplaintStatistics statistics;

    private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private boolean created;

    /** A tenant of its own, fresh from the platform administrator: no cases, the starter profile. */
    private PageSession proefhuisAdmin() {
        if (!created) {
            onboarding.create(new TenantOnboarding.NewTenant("proefhuis", "Stichting Proefhuis", "proefhuis.beheerder",
                    "Piet Proef", PASSWORD), "platform.beheerder");
            created = true;
        }
        PageSession s = anonymous();
        s.get("/login");
        assertEquals("/", s.post("/login", Map.of("username", "proefhuis.beheerder", "password", PASSWORD))
                .location());
        return s;
    }

    @Test
    void theAdministratorEditsEverySectionAndSeesItBack() {
        PageSession admin = proefhuisAdmin();
        Page page = admin.get(PATH);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contains("href=\"/t/proefhuis/beheer/profiel\" aria-current=\"page\""), "menu: Beheer > Profiel");
        PostedForm form = PostedForm.of(page.body(), "profile-form");
        assertEquals("Stichting Proefhuis", form.get("name"));
        assertEquals("EMPLOYEE", form.get("ladder-0-code"));
        assertEquals("OVERIG", form.get("categories-0-code"));

        form.set("name", "Stichting Proefhuis & Zorg")
                .set("contactAddress", "Kerkstraat 1\n1234 AB Proefdorp")
                .set("contactPhone", "010-1234567")
                .set("contactEmail", "info@proefhuis.example")
                .set("contactWebsite", "www.proefhuis.example")
                .set("complaintAddress", "Klachtenfunctionaris, Postbus 1, 1234 AB Proefdorp")
                .set("holidayCalendar", "ALGEMENE_TERMIJNENWET")
                .set("activationRoles", List.of("ADMIN", "DIRECTOR"));
        // the ladder: directie first in the rows but last by position; a new rung between the others
        form.set("ladder-0-position", "1").set("ladder-1-position", "3").set("ladder-2-position", "4")
                .set("ladder-2-role", "directeur-bestuurder");
        int newLevel = form.emptyRow("ladder", "code");
        form.set("ladder-" + newLevel + "-position", "2").set("ladder-" + newLevel + "-code", "coordinator")
                .set("ladder-" + newLevel + "-role", "zorgcoördinator");
        form.set("bodies-0-code", "KLACHTENFUNCTIONARIS").set("bodies-0-kind", "klachtenfunctionaris")
                .set("bodies-0-name", "Klachtenportaal Zorg").set("bodies-0-address", "Postbus 9, 9999 ZZ Zorgstad")
                .set("bodies-0-email", "info@klachtenportaal.example").set("bodies-0-url", "https://klachtenportaal.example");
        form.set("categories-0-name", "Overige zaken")
                .set("categories-1-code", "BEJEGENING").set("categories-1-name", "Bejegening");
        form.set("lines-0-code", "THUISZORG").set("lines-0-name", "Thuiszorg")
                .set("lines-0-note", "Voor de thuiszorg geldt de Wkkgz-regeling");
        form.set("closed-0-date", "2026-12-24").set("closed-0-name", "Kerstavond");

        HttpResponse<String> saved = post(admin, PATH, form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(PATH + "?gedaan=opgeslagen", saved.headers().firstValue("location").orElse(""));

        TenantProfile p = tenants.resolve("proefhuis").profile();
        assertEquals("proefhuis", p.slug());
        assertEquals("Stichting Proefhuis & Zorg", p.name());
        assertEquals(new TenantProfile.Contact("Kerkstraat 1\n1234 AB Proefdorp", "010-1234567",
                "info@proefhuis.example", "www.proefhuis.example"), p.contact());
        assertEquals("Klachtenfunctionaris, Postbus 1, 1234 AB Proefdorp", p.complaintAddress());
        assertEquals(List.of("EMPLOYEE", "COORDINATOR", "TEAM_LEAD", "DIRECTOR"), p.levelCodes(),
                "ordered by position; a code typed in lower case is taken in capitals");
        assertEquals("directeur-bestuurder", p.escalationLadder().get(3).role());
        assertEquals(List.of(new TenantProfile.ExternalBody("KLACHTENFUNCTIONARIS", "klachtenfunctionaris",
                "Klachtenportaal Zorg", "Postbus 9, 9999 ZZ Zorgstad", "info@klachtenportaal.example",
                "https://klachtenportaal.example")), p.externalBodies());
        assertEquals(List.of(new TenantProfile.Category("OVERIG", "Overige zaken"),
                new TenantProfile.Category("BEJEGENING", "Bejegening")), p.categories());
        assertEquals(List.of(new TenantProfile.ServiceLine("THUISZORG", "Thuiszorg",
                "Voor de thuiszorg geldt de Wkkgz-regeling")), p.serviceLines());
        assertEquals(Map.of("2026-12-24", "Kerstavond"), p.extraClosedDays());
        assertEquals(List.of("ADMIN", "DIRECTOR"), p.activationRoles());

        Page after = admin.get(PATH + "?gedaan=opgeslagen");
        assertNotNull(textOf(after.body(), "admin-done"));
        PostedForm shown = PostedForm.of(after.body(), "profile-form");
        assertEquals("Stichting Proefhuis & Zorg", shown.get("name"));
        assertEquals("Kerkstraat 1\n1234 AB Proefdorp", shown.get("contactAddress"));
        assertEquals("COORDINATOR", shown.get("ladder-1-code"));
        assertEquals("Kerstavond", shown.get("closed-0-name"));
        assertEquals(List.of("ADMIN", "DIRECTOR"), shown.all("activationRoles"));
        assertTrue(after.contains("Stichting Proefhuis &amp; Zorg</span>"), "the header shows the new name");

        AuditLog.Entry entry = audit.recent(tenants.resolve("proefhuis").id(), 10).get(0);
        assertEquals("PROFILE_UPDATED", entry.action());
        assertEquals("proefhuis.beheerder", entry.actor());
        for (String expected : List.of("naam: 'Stichting Proefhuis' → 'Stichting Proefhuis & Zorg'",
                "+ escalatieniveau COORDINATOR", "~ escalatieniveau DIRECTOR: role 'directie' → 'directeur-bestuurder'",
                "escalatieladder (van laag naar hoog): EMPLOYEE, TEAM_LEAD, DIRECTOR → EMPLOYEE, COORDINATOR, TEAM_LEAD, DIRECTOR", "+ externe instantie KLACHTENFUNCTIONARIS",
                "~ categorie OVERIG: name 'Overige klachten' → 'Overige zaken'", "+ categorie BEJEGENING",
                "+ dienst THUISZORG", "+ sluitingsdag 2026-12-24", "activeren van reglementversies: ADMIN → ADMIN, DIRECTOR")) {
            assertTrue(entry.detail().contains(expected), () -> "no '" + expected + "' in\n" + entry.detail());
        }

        // saved again unchanged: nothing to log
        HttpResponse<String> again = post(admin, PATH, PostedForm.of(after.body(), "profile-form"));
        assertEquals(PATH + "?gedaan=ongewijzigd", again.headers().firstValue("location").orElse(""));
        assertEquals(entry.id(), audit.recent(tenants.resolve("proefhuis").id(), 10).get(0).id());
    }

    @Test
    void mistakesAreShownAtTheirFieldWith400AndKeepWhatWasTyped() {
        PageSession admin = proefhuisAdmin();
        TenantProfile before = tenants.resolve("proefhuis").profile();
        PostedForm form = PostedForm.of(admin.get(PATH).body(), "profile-form");
        int category = form.emptyRow("categories", "code");
        form.set("name", " ").set("contactEmail", "geen-adres")
                .set("categories-" + category + "-code", "met spatie").set("categories-" + category + "-name", "Nieuw")
                .set("closed-0-date", "2026-02-30").set("closed-0-name", "Geen dag")
                .set("activationRoles", List.of("ADMIN", "PLATFORM_ADMIN"));
        int level = form.emptyRow("ladder", "code");
        form.set("ladder-" + level + "-code", "EMPLOYEE").set("ladder-" + level + "-role", "nog een medewerker");
        HttpResponse<String> r = post(admin, PATH, form);
        assertEquals(400, r.statusCode());
        String html = r.body();
        for (String field : List.of("name", "contactEmail", "categories-" + category + "-code", "closed-0-date",
                "ladder-" + level + "-code", "activationRoles")) {
            assertNotNull(textOf(html, "error-" + field), () -> "no error for " + field);
        }
        assertTrue(textOf(html, "error-ladder-" + level + "-code").contains("eerdere regel"), "a duplicate code");
        assertTrue(html.contains("aria-describedby=\"error-categories-" + category + "-code\""), "tied to its input");
        PostedForm kept = PostedForm.of(html, "profile-form");
        assertEquals("met spatie", kept.get("categories-" + category + "-code"));
        assertEquals("geen-adres", kept.get("contactEmail"));
        assertEquals("2026-02-30", kept.get("closed-0-date"));
        assertEquals("nog een medewerker", kept.get("ladder-" + level + "-role"));
        assertEquals(before, tenants.resolve("proefhuis").profile(), "nothing saved");
    }

    @Test
    void removingWhatCasesUseIsRefusedWith422NamingItAndHowManyCasesUseIt() {
        createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-03-02"));
        Tenant impuls = tenants.resolve("impuls");
        long cases = statistics.casesUsing(impuls.id(), ComplaintStatistics.ProfileItem.CATEGORY, "BEJEGENING");
        long atLowest = statistics.casesUsing(impuls.id(), ComplaintStatistics.ProfileItem.ESCALATION_LEVEL,
                "EMPLOYEE");
        assertTrue(cases >= 1 && atLowest >= 1);
        assertEquals(0, statistics.casesUsing(impuls.id(), ComplaintStatistics.ProfileItem.CATEGORY,
                "VERBETERVOORSTEL"));

        PageSession admin = loggedInAs("impuls.beheerder");
        PostedForm form = PostedForm.of(admin.get("/t/impuls/beheer/profiel").body(), "profile-form");
        form.clearRow("categories", form.row("categories", "code", "BEJEGENING"))
                .clearRow("ladder", form.row("ladder", "code", "EMPLOYEE"))
                .set("contactPhone", "0541-123456");
        HttpResponse<String> r = post(admin, "/t/impuls/beheer/profiel", form);
        assertEquals(422, r.statusCode(), r.body());
        String refused = textOfList(r.body());
        assertTrue(refused.contains("de categorie 'Bejegening' (BEJEGENING) niet verwijderen: " + count(cases)),
                refused);
        assertTrue(refused.contains("het escalatieniveau 'medewerker' (EMPLOYEE) niet verwijderen: "
                + count(atLowest)), refused);
        assertEquals("0541-123456", PostedForm.of(r.body(), "profile-form").get("contactPhone"), "input kept");
        assertEquals(impuls.profile(), tenants.resolve("impuls").profile(), "nothing saved");

        // a category no case uses can go
        PostedForm unused = PostedForm.of(admin.get("/t/impuls/beheer/profiel").body(), "profile-form");
        unused.clearRow("categories", unused.row("categories", "code", "VERBETERVOORSTEL"));
        assertEquals(303, post(admin, "/t/impuls/beheer/profiel", unused).statusCode());
        assertFalse(tenants.resolve("impuls").profile().hasCategory("VERBETERVOORSTEL"));
        assertTrue(audit.recent(impuls.id(), 5).get(0).detail().contains("- categorie VERBETERVOORSTEL"));
    }

    @Test
    void anotherTenantsProfileAndOtherRolesAreForbidden() {
        PageSession admin = loggedInAs("impuls.beheerder");
        assertEquals(403, admin.get("/t/klimkoord/beheer/profiel").status());
        admin.get("/t/impuls/beheer/profiel");
        TenantProfile klimkoord = tenants.resolve("klimkoord").profile();
        assertEquals(403, admin.post("/t/klimkoord/beheer/profiel", Map.of("name", "Overgenomen")).status());
        assertEquals(klimkoord, tenants.resolve("klimkoord").profile());
        for (String user : List.of("impuls.medewerker", "impuls.leidinggevende", "impuls.kwaliteit",
                "platform.beheerder")) {
            PageSession s = loggedInAs(user);
            assertEquals(403, s.get("/t/impuls/beheer/profiel").status(), user);
            assertEquals(403, s.post("/t/impuls/beheer/profiel", Map.of("name", "Overgenomen")).status(), user);
        }
        assertFalse(loggedInAs("impuls.medewerker").get("/t/impuls/werk").contains("/beheer/profiel"),
                "the Beheer menu is for administrators only");
        assertEquals(303, anonymous().get("/t/impuls/beheer/profiel").status());
    }

    @Test
    void aServiceLineNamesItsRegulationByCodeAndABadCodeIsAFieldError() {
        String path = "/t/kwaliteitsprocedure-6-5/beheer/profiel";
        PageSession admin = loggedInAs("kwaliteitsprocedure-6-5.beheerder");
        PostedForm form = PostedForm.of(admin.get(path).body(), "profile-form");
        int row = form.emptyRow("lines", "code");
        form.set("lines-" + row + "-code", "COACHING").set("lines-" + row + "-name", "Coaching")
                .set("lines-" + row + "-regulation", "Eigen Regeling");
        HttpResponse<String> bad = post(admin, path, form);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("geen reglementcode"), bad.body());
        HttpResponse<String> unknown = post(admin, path, PostedForm.of(bad.body(), "profile-form")
                .set("lines-" + row + "-regulation", "coaching"));
        assertEquals(422, unknown.statusCode(), "no version of a regulation 'coaching' exists yet");
        assertTrue(unknown.body().contains("daarvan bestaat nog geen versie"), unknown.body());
        admin.get("/t/kwaliteitsprocedure-6-5/beheer/reglement");
        assertEquals(303, admin.post("/t/kwaliteitsprocedure-6-5/beheer/reglement/nieuw", Map.of("kind", "drl",
                "version", "coaching-1", "effectiveFrom", "2027-01-01", "title", "Coaching", "regulation",
                "coaching")).status());
        assertEquals(303, post(admin, path, PostedForm.of(unknown.body(), "profile-form")).statusCode());
        assertEquals("coaching", tenants.resolve("kwaliteitsprocedure-6-5").profile().regulationFor("COACHING"));
    }

        @Test
    void anExternalBodyTheRegulationInForceNamesCannotBeRemoved() {
        String path = "/t/iederzijnwerk/beheer/profiel";
        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        PostedForm form = PostedForm.of(admin.get(path).body(), "profile-form");
        form.clearRow("bodies", form.row("bodies", "code", "KPZ_KLACHTENFUNCTIONARIS"));
        HttpResponse<String> refused = post(admin, path, form);
        assertEquals(422, refused.statusCode(), "no case uses it yet, but every complaint's rules refer to it");
        assertTrue(refused.body().contains("Reglementversie 1") && refused.body().contains("KPZ_KLACHTENFUNCTIONARIS"),
                refused.body());
        assertTrue(tenants.resolve("iederzijnwerk").profile().externalBody("KPZ_KLACHTENFUNCTIONARIS").isPresent());
    }

        @Test
    void twoAdministratorsEditingAtOnceCannotOverwriteEachOther() {
        String path = "/t/iederzijnwerk/beheer/profiel";
        PageSession first = loggedInAs("iederzijnwerk.beheerder");
        PageSession second = loggedInAs("iederzijnwerk.beheerder");
        PostedForm a = PostedForm.of(first.get(path).body(), "profile-form").set("name", "Naam van de eerste");
        PostedForm b = PostedForm.of(second.get(path).body(), "profile-form").set("contactPhone", "0515 000000");
        assertEquals(303, post(first, path, a).statusCode());
        HttpResponse<String> late = post(second, path, b);
        assertEquals(409, late.statusCode(), "the second saw the profile before the first saved it");
        assertTrue(late.body().contains("Iemand anders heeft het profiel opgeslagen"), late.body());
        TenantProfile stored = tenants.resolve("iederzijnwerk").profile();
        assertEquals("Naam van de eerste", stored.name(), "the first save stands");
        assertFalse(stored.contact().phone().equals("0515 000000"));
        // Shown again with what was typed; saving once more, knowingly, applies it on top of the first change.
        PostedForm again = PostedForm.of(late.body(), "profile-form");
        assertEquals("0515 000000", again.get("contactPhone"));
        HttpResponse<String> retried = post(second, path, again);
        assertEquals(303, retried.statusCode(), retried.body());
        assertEquals("0515 000000", tenants.resolve("iederzijnwerk").profile().contact().phone());
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenChangesNothing() {
        PageSession admin = loggedInAs("kwaliteitsprocedure-6-5.beheerder");
        String path = "/t/kwaliteitsprocedure-6-5/beheer/profiel";
        TenantProfile before = tenants.resolve("kwaliteitsprocedure-6-5").profile();
        PostedForm form = PostedForm.of(admin.get(path).body(), "profile-form").set("name", "Gekaapt");
        assertEquals(403, post(admin, path, form.set("csrfToken", "vervalst")).statusCode());
        assertEquals(403, post(admin, path, form.set("csrfToken", List.of())).statusCode());
        assertEquals(before, tenants.resolve("kwaliteitsprocedure-6-5").profile());
    }

    private static String count(long n) {
        return n == 1 ? "1 klacht gebruikt" : n + " klachten gebruiken";
    }

    private static String textOfList(String html) {
        int start = html.indexOf("id=\"refused\"");
        assertTrue(start > 0, "no list of reasons");
        return PostedForm.unescape(html.substring(start, html.indexOf("</div>", start)).replaceAll("<[^>]+>", " "));
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
