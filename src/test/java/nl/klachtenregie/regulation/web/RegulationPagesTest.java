package nl.klachtenregie.regulation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.regulation.VersionStatus;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Reglementbeheer in the browser without JavaScript: the list of versions, a draft written with the form or as DRL,
 * its check, the comparison of two versions, the dry run, the activation by the roles the tenant allows, the audit
 * log, and export and import of a tenant. Each test uses its own version names, and activates at most once per
 * tenant with an effective date after today (22-11-2026), so the order of the tests does not matter.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulationPagesTest extends PageTestSupport {

    private static final String IMPULS = "/t/impuls/beheer/reglement";
    private static final String KLIMKOORD = "/t/klimkoord/beheer/reglement";

    @Inject
    TenantDirectory tenants;
    @Inject
    RegulationAdministration administration;
    @Inject
    AuditLog audit;

    private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theVersionListShowsTheSeedVersionsWithTheOneInForceToday() {
        PageSession admin = loggedInAs("impuls.beheerder");
        Page list = admin.get(IMPULS);
        assertEquals(200, list.status(), list.body());
        String version2 = row(list.body(), "2");
        assertTrue(version2.contains("data-status=\"ACTIVE\""), version2);
        assertTrue(version2.contains("in-force"), () -> "version 2 (from 2025-01-01) is in force: " + version2);
        assertFalse(row(list.body(), "1").contains("in-force"), "version 1 is no longer in force");
        assertTrue(version2.contains("Vastgesteld"), version2);
        assertNotNull(textOf(list.body(), "new-version-form"), "the administrator may write a new version");
        assertEquals("Vaststellen mag bij deze organisatie: Beheerder.", textOf(list.body(), "approvers"),
                "who may activate, in Dutch");
    }

    @Test
    void aDraftMadeWithTheFormShowsTheDefaultsSavesUnchangedAndGeneratesTheChangedTerm() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "form", "2027-form", "2027-03-01", "Klachtenregeling Impuls 2027");
        Page page = admin.get(path + "?gedaan=aangemaakt");
        assertEquals(200, page.status(), page.body());
        assertEquals("DRAFT", statusOf(page.body()));
        assertNotNull(textOf(page.body(), "done"));

        PostedForm form = PostedForm.of(page.body(), "version-form");
        assertEquals("Klachtenregeling Impuls 2027", form.get("name"), "the title names the rules");
        assertEquals("ACKNOWLEDGE", form.get("terms[0].code"));
        assertEquals("5", form.get("terms[0].amount"));
        assertEquals("WORKING_DAYS", form.get("terms[0].unit"));
        assertEquals("DECIDE", form.get("terms[1].code"));
        assertEquals("6", form.get("terms[1].amount"));
        assertEquals("WEEKS", form.get("terms[1].unit"));
        assertEquals("FORMAL", form.get("terms[1].appliesTo"));
        assertEquals("DECIDED", form.get("terms[1].satisfiedBy"));
        assertEquals("DECIDE", form.get("extensions[0].term"));
        assertEquals("4", form.get("extensions[0].amount"));
        assertEquals("on", form.get("registration.formal"));
        assertNull(form.get("registration.informal"), "informal complaints only by exception");
        assertEquals("BESLIST_BINNEN_TERMIJN", form.get("kpis[0].code"));
        assertEquals("JAARVERSLAG_KLACHTEN", form.get("reports[0].code"));
        assertEquals("on", form.get("escalation.offerNext"));
        assertEquals("on", form.get("rollOverOwnTerms"));
        assertEquals("Wkkgz art. 17 lid 1", form.get("terms[1].statute"));
        assertNull(textOf(page.body(), "check-problems"), "the model's rules compile and pass the trial cases");
        assertNotNull(textOf(page.body(), "check-placeholders"), "but its rows are still the model's words");

        // Posted back as it is: saved.
        int rowVersion = administration.version(impuls(), "2027-form").rowVersion();
        HttpResponse<String> unchanged = post(admin, path, form);
        assertEquals(303, unchanged.statusCode(), unchanged.body());
        assertEquals(path + "?gedaan=opgeslagen", location(unchanged));
        StoredVersion saved = administration.version(impuls(), "2027-form");
        assertTrue(saved.rowVersion() > rowVersion, "saved");
        assertEquals(RegulationParameters.defaults("Klachtenregeling Impuls 2027"), saved.parameters(),
                "the form round-trips every parameter, ticked boxes and spare rows included");

        // A number that is not one: 400, the message with the row as the user counts it, and the input kept.
        PostedForm fresh = PostedForm.of(admin.get(path).body(), "version-form");
        fresh.set("terms[1].amount", "abc").set("terms[0].quote", "Art. 3: 'binnen vijf werkdagen'");
        HttpResponse<String> bad = post(admin, path, fresh);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(text(bad.body()).contains("Termijnen, rij 2, Aantal: 'abc' is geen getal"), () -> text(bad.body()));
        PostedForm kept = PostedForm.of(bad.body(), "version-form");
        assertEquals("abc", kept.get("terms[1].amount"));
        assertEquals("Art. 3: 'binnen vijf werkdagen'", kept.get("terms[0].quote"));
        assertEquals(saved.rowVersion(), administration.version(impuls(), "2027-form").rowVersion(), "nothing saved");

        // The decision term shortened to 4 weeks: the generated rules say so.
        fresh.set("terms[1].amount", "4");
        HttpResponse<String> changed = post(admin, path, fresh);
        assertEquals(303, changed.statusCode(), changed.body());
        String shown = PostedForm.unescape(admin.get(path).body());
        assertTrue(shown.contains("insert(new Obligation(\"DECIDE\", $start, 4, \"WEEKS\", \"DECIDED\", "
                + "\"Wkkgz art. 17 lid 1\", \"\"));"), "the generated DRL on the page has the new term");
        assertFalse(shown.contains("insert(new Obligation(\"DECIDE\", $start, 6,"), "and not the old one");
        assertEquals("4", PostedForm.of(admin.get(path).body(), "version-form").get("terms[1].amount"));
        assertTrue(audit.recent(impuls().id(), 5).get(0).detail().contains("terms[1].amount"),
                () -> "the audit log names the changed parameter: " + audit.recent(impuls().id(), 5).get(0));
    }

    @Test
    void aDrlDraftWithAnErrorShowsTheProblemAtItsLineAndCannotBeActivated() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "drl", "2027-drl", "2027-06-01", "Impuls, met de hand");
        Page page = admin.get(path);
        assertEquals(200, page.status(), page.body());
        assertNotNull(textOf(page.body(), "check-ok"), "the starter DRL compiles");
        PostedForm form = PostedForm.of(page.body(), "version-form");
        String drl = form.get("drl[0].text");
        assertTrue(drl.contains("rule \""), drl);
        assertEquals("regulation.drl", form.get("drl[0].name"));

        // A rule whose consequence is not Java: a compile error on line 11.
        String broken = drl.replace("insert(new Obligation(", "insert(new Obligation(((");
        assertFalse(broken.equals(drl));
        HttpResponse<String> saved = post(admin, path, form.set("drl[0].text", broken));
        assertEquals(303, saved.statusCode(), "a draft may be broken while it is written: " + saved.body());

        Page checked = admin.get(path);
        String problems = textOf(checked.body(), "check-problems");
        assertNotNull(problems, "the check shows the problem");
        List<String> items = all(checked.body(), "id=\"check-problems\".*?<ul>(.*?)</ul>");
        assertTrue(Pattern.compile("regulation\\.drl:\\d+: ").matcher(items.get(0)).find(),
                () -> "file and line of the problem: " + items);

        assertNotNull(textOf(checked.body(), "activate-form"), "the way to the confirmation is there");
        Page summary = admin.get(path + "/vaststellen");
        assertEquals(200, summary.status(), summary.body());
        assertNull(textOf(summary.body(), "confirm-form"), "no confirmation offered for a broken draft");
        assertTrue(Pattern.compile("regulation\\.drl:\\d+: ").matcher(textOf(summary.body(), "confirm-problems")
                + text(summary.body())).find(), "the summary names the problem");
        String rowVersion = String.valueOf(administration.version(impuls(), "2027-drl").rowVersion());
        Page unconfirmed = admin.post(path + "/vaststellen", Map.of("rowVersion", rowVersion));
        assertEquals(422, unconfirmed.status(), "without confirmation: the summary, which says it cannot be done");
        Page refused = admin.post(path + "/vaststellen", Map.of("rowVersion", rowVersion, "bevestigd", "ja"));
        assertEquals(422, refused.status(), refused.body());
        assertTrue(Pattern.compile("regulation\\.drl:\\d+: ").matcher(text(refused.body())).find(),
                "the refusal names the problem");
        assertEquals(VersionStatus.DRAFT, administration.version(impuls(), "2027-drl").status(), "still a draft");
        assertEquals("DRAFT", statusOf(admin.get(path).body()));
    }

    @Test
    void theComparisonOfTheSeedVersionWithAChangedCopyListsTheChangedRule() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get(IMPULS);
        Page created = admin.post(IMPULS + "/nieuw", Map.of("kind", "copy", "from", "2", "version", "2-kopie",
                "effectiveFrom", "2027-09-01", "title", "Klachtenprocedure Impuls, gesprek in vier weken"));
        assertEquals(303, created.status(), created.body());
        String path = IMPULS + "/2-kopie";
        PostedForm form = PostedForm.of(admin.get(path).body(), "version-form");
        String drl = form.get("drl[0].text");
        String changed = drl.replace("insert(new Obligation(\"MEETING\", $r, 3, \"WEEKS\"",
                "insert(new Obligation(\"MEETING\", $r, 4, \"WEEKS\"");
        assertFalse(changed.equals(drl), "the seed has the 3-week meeting term");
        assertEquals(303, post(admin, path, form.set("drl[0].text", changed)).statusCode());

        Page diff = admin.get(IMPULS + "/verschil?van=2&naar=2-kopie");
        assertEquals(200, diff.status(), diff.body());
        List<String> kinds = all(diff.body(), "<article class=\"rule-change\" data-kind=\"(\\w+)\"");
        assertEquals(List.of("CHANGED"), kinds, "one rule changed, none added or removed");
        String article = PostedForm.unescape(all(diff.body(), "(<article class=\"rule-change\".*?</article>)").get(0));
        assertTrue(article.contains("Het gesprek vindt uiterlijk binnen drie weken plaats"), article);
        assertTrue(article.contains("<span class=\"diff-del\">- " + "    insert(new Obligation(\"MEETING\", $r, 3,"),
                article);
        assertTrue(article.contains("<span class=\"diff-add\">+ " + "    insert(new Obligation(\"MEETING\", $r, 4,"),
                article);
        String header = all(diff.body(), "id=\"header-changes\"(.*?)</table>").get(0);
        assertTrue(header.contains("2027-09-01") && header.contains("2025-01-01"), "the effective dates differ");

        assertEquals(404, admin.get(IMPULS + "/verschil?van=2&naar=bestaat-niet").status());
    }

    @Test
    void theDryRunReplaysTheDefaultOrAChosenPeriodAndRefusesBadDates() {
        createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-11-02"));
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "form", "2027-proef", "2027-04-01", "Proefdraaien");

        Page standard = admin.get(path + "/proefdraai");
        assertEquals(200, standard.status(), standard.body());
        PostedForm period = PostedForm.of(standard.body(), "period-form");
        assertEquals("2025-11-23", period.get("van"), "the last twelve months up to today");
        assertEquals("2026-11-22", period.get("tot"));
        int cases = dataInt(standard.body(), "data-cases");
        int changed = dataInt(standard.body(), "data-changed");
        assertTrue(cases >= 1, "the complaint of 02-11-2026 is replayed");
        assertTrue(changed >= 1, "the form's 5 working days for the acknowledgement differ from Impuls' rules");
        assertFalse(all(standard.body(), "<tr data-reference=\"([^\"]+)\"").isEmpty(), "the changed case is listed");

        Page chosen = admin.get(path + "/proefdraai?van=2026-01-01&tot=2026-06-30");
        assertEquals(200, chosen.status(), chosen.body());
        PostedForm asked = PostedForm.of(chosen.body(), "period-form");
        assertEquals("2026-01-01", asked.get("van"));
        assertEquals("2026-06-30", asked.get("tot"));
        assertEquals(0, dataInt(chosen.body(), "data-cases"), "nothing received in that half year");
        assertNotNull(textOf(chosen.body(), "no-changes"));

        Page bad = admin.get(path + "/proefdraai?van=2026-13-01&tot=2026-06-30");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(text(bad.body()).contains("Ontvangen vanaf: '2026-13-01' is geen datum"), bad.body());
        assertEquals("2026-13-01", PostedForm.of(bad.body(), "period-form").get("van"), "what was typed is kept");
        Page reversed = admin.get(path + "/proefdraai?van=2026-06-30&tot=2026-01-01");
        assertEquals(400, reversed.status(), reversed.body());
        assertNotNull(textOf(reversed.body(), "form-errors"));
        assertEquals(VersionStatus.DRAFT, administration.version(impuls(), "2027-proef").status(), "nothing written");
    }

    @Test
    void theAdministratorActivatesADraftAndTheLogShowsIt() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "form", "2026-12", "2026-12-01", "Klachtenregeling Impuls december");
        assertEquals(303, post(admin, path, ownWords(admin.get(path).body())).statusCode());
        HttpResponse<String> done = activateThroughConfirmation(admin, path);
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(path + "?gedaan=vastgesteld", location(done));

        Page after = admin.get(location(done));
        assertEquals("ACTIVE", statusOf(after.body()));
        assertTrue(textOf(after.body(), "version-status").contains("Vastgesteld"));
        assertNull(textOf(after.body(), "activate-form"), "an active version is not activated again");
        assertTrue(after.contains("<fieldset disabled>"), "an active version is read-only");
        assertEquals(VersionStatus.ACTIVE, administration.version(impuls(), "2026-12").status());
        String listed = row(admin.get(IMPULS).body(), "2026-12");
        assertTrue(listed.contains("impuls.beheerder"), () -> "who activated it: " + listed);

        // Activated versions are not changed any more.
        HttpResponse<String> edit = post(admin, path, PostedForm.of(after.body(), "version-form").set("title", "Anders"));
        assertEquals(422, edit.statusCode(), edit.body());
        assertTrue(text(edit.body()).contains("is vastgesteld en wordt niet meer gewijzigd"), edit.body());
        assertEquals("Klachtenregeling Impuls december", administration.version(impuls(), "2026-12").version().title());

        Page log = admin.get("/t/impuls/beheer/logboek");
        assertEquals(200, log.status(), log.body());
        List<String> activations = all(log.body(), "(<tr data-action=\"REGULATION_ACTIVATED\"[^>]*>.*?</tr>)");
        assertEquals(1, activations.size(), log.body());
        assertTrue(activations.get(0).contains("data-actor=\"impuls.beheerder\"") && activations.get(0)
                .contains("2026-12") && activations.get(0).contains("Vastgesteld met ingang van 2026-12-01"),
                activations.get(0));
        assertTrue(log.contains("data-action=\"REGULATION_DRAFT_CREATED\""), "the draft's creation is logged too");
    }

    @Test
    void atKlimkoordOnlyTheDirecteurBestuurderActivates() {
        PageSession beheerder = loggedInAs("klimkoord.beheerder");
        String path = createDraft(beheerder, KLIMKOORD, "form", "2026-12-01", "2026-12-01",
                "Procedure Klachtenmanagement, december 2026");
        assertEquals(303, post(beheerder, path, ownWords(beheerder.get(path).body())).statusCode());
        Page page = beheerder.get(path);
        assertNull(textOf(page.body(), "activate-form"), "no activate button for the administrator");
        assertEquals("Vaststellen is bij deze organisatie voorbehouden aan: Directeur-bestuurder.",
                textOf(page.body(), "activation-reserved"));
        int rowVersion = administration.version(tenants.resolve("klimkoord"), "2026-12-01").rowVersion();
        Page refused = beheerder.post(path + "/vaststellen", Map.of("rowVersion", String.valueOf(rowVersion)));
        assertEquals(403, refused.status(), refused.body());
        assertEquals(403, beheerder.get(path + "/vaststellen").status(), "nor the confirmation page");
        assertEquals(VersionStatus.DRAFT, administration.version(tenants.resolve("klimkoord"), "2026-12-01").status());

        PageSession directeur = loggedInAs("klimkoord.directeur");
        Page forDirecteur = directeur.get(path);
        assertEquals(200, forDirecteur.status(), forDirecteur.body());
        assertNull(textOf(forDirecteur.body(), "save"), "the directeur reads the draft but does not edit it");
        assertNotNull(textOf(forDirecteur.body(), "activate-form"));
        HttpResponse<String> done = activateThroughConfirmation(directeur, path);
        assertEquals(303, done.statusCode(), done.body());
        StoredVersion active = administration.version(tenants.resolve("klimkoord"), "2026-12-01");
        assertEquals(VersionStatus.ACTIVE, active.status());
        assertEquals("klimkoord.directeur", active.activatedBy());
        assertEquals("klimkoord.directeur", audit.recent(tenants.resolve("klimkoord").id(), 1).get(0).actor());
    }

    @Test
    void staffOtherTenantsAndTheDirecteurCannotWriteVersions() {
        PageSession staff = loggedInAs("impuls.medewerker");
        for (String path : List.of(IMPULS, IMPULS + "/2", IMPULS + "/2/proefdraai", IMPULS + "/verschil?van=1&naar=2",
                "/t/impuls/beheer/logboek", "/t/impuls/beheer/export")) {
            assertEquals(403, staff.get(path).status(), path);
        }
        staff.get("/t/impuls/werk");
        assertEquals(403, staff.post(IMPULS + "/nieuw", Map.of("kind", "form", "version", "x",
                "effectiveFrom", "2027-01-01", "title", "x")).status());
        assertFalse(staff.get("/t/impuls/werk").contains("/beheer/reglement"), "no menu entry for staff");

        PageSession otherAdmin = loggedInAs("klimkoord.beheerder");
        for (String path : List.of(IMPULS, IMPULS + "/2", IMPULS + "/2/proefdraai", IMPULS + "/verschil?van=1&naar=2",
                "/t/impuls/beheer/logboek", "/t/impuls/beheer/export")) {
            assertEquals(403, otherAdmin.get(path).status(), path);
        }
        otherAdmin.get(KLIMKOORD);
        assertEquals(403, otherAdmin.post(IMPULS + "/nieuw", Map.of("kind", "form", "version", "gekaapt",
                "effectiveFrom", "2027-01-01", "title", "Gekaapt")).status());
        assertTrue(administration.versions(impuls()).stream().noneMatch(v -> v.name().equals("gekaapt")));

        // The manager may read the versions but not write one.
        PageSession manager = loggedInAs("impuls.leidinggevende");
        Page list = manager.get(IMPULS);
        assertEquals(200, list.status());
        assertNull(textOf(list.body(), "new-version-form"), "no form for a new version");
        assertEquals(403, manager.post(IMPULS + "/nieuw", Map.of("kind", "form", "version", "door-manager",
                "effectiveFrom", "2027-01-01", "title", "x")).status());
    }

    @Test
    void everyPostNeedsTheSessionsCsrfToken() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get(IMPULS);
        Map<String, String> create = Map.of("kind", "form", "version", "zonder-token", "effectiveFrom", "2027-02-01",
                "title", "Zonder token");
        assertEquals(403, admin.postRaw(IMPULS + "/nieuw", create).status());
        assertEquals(403, admin.postRaw(IMPULS + "/nieuw", withToken(create, "vervalst")).status());
        assertTrue(administration.versions(impuls()).stream().noneMatch(v -> v.name().equals("zonder-token")));

        String path = createDraft(admin, IMPULS, "form", "2027-csrf", "2027-02-01", "Met token");
        PostedForm form = PostedForm.of(admin.get(path).body(), "version-form").set("title", "Gekaapt");
        int rowVersion = administration.version(impuls(), "2027-csrf").rowVersion();
        assertEquals(403, post(admin, path, form.set("csrfToken", List.of())).statusCode());
        assertEquals(403, admin.postRaw(path + "/vaststellen", Map.of("rowVersion", String.valueOf(rowVersion)))
                .status());
        assertEquals(403, admin.postRaw(path + "/verwijderen", Map.of("csrfToken", "vervalst")).status());
        assertEquals(403, admin.postRaw(path + "/vaststellen", Map.of("rowVersion", String.valueOf(rowVersion),
                "bevestigd", "ja")).status());
        assertEquals(403, admin.postRaw(IMPULS + "/2/intrekken", Map.of("rowVersion", "0")).status());
        StoredVersion unchanged = administration.version(impuls(), "2027-csrf");
        assertEquals("Met token", unchanged.version().title());
        assertEquals(VersionStatus.DRAFT, unchanged.status());
    }

    @Test
    void anExportIsAZipThatThePlatformImportsUnderAnotherSlug() throws IOException {
        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        assertTrue(admin.get("/t/iederzijnwerk/beheer/reglement").contains("id=\"export-link\""));
        HttpResponse<byte[]> export = admin.download("/t/iederzijnwerk/beheer/export");
        assertEquals(200, export.statusCode());
        assertEquals("application/zip", export.headers().firstValue("Content-Type").orElse(""));
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("iederzijnwerk.zip"));
        List<String> entries = entries(export.body());
        assertTrue(entries.contains("tenants/iederzijnwerk/tenant.yml"), () -> "entries: " + entries);
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("rules/iederzijnwerk/") && e.endsWith(".drl")),
                () -> "the versions' rules: " + entries);
        assertTrue(admin.get("/t/iederzijnwerk/beheer/logboek").contains("data-action=\"TENANT_EXPORTED\" "
                + "data-actor=\"iederzijnwerk.beheerder\""), "who took a copy is in the log");

        PageSession platform = loggedInAs("platform.beheerder");
        Page form = platform.get("/platform/import");
        assertEquals(200, form.status(), form.body());
        HttpResponse<String> imported = upload(platform, "iederzijnwerk.zip", "application/zip", export.body(),
                "iederzijnwerk-kopie", platform.csrfToken());
        assertEquals(303, imported.statusCode(), imported.body());
        assertEquals("/platform/import?gedaan=iederzijnwerk-kopie", location(imported));
        Tenant copy = tenants.resolve("iederzijnwerk-kopie");
        assertEquals(tenants.resolve("iederzijnwerk").profile().name(), copy.profile().name());
        assertEquals(administration.versions(tenants.resolve("iederzijnwerk")).stream().map(StoredVersion::name)
                .toList(), administration.versions(copy).stream().map(StoredVersion::name).toList());
        assertTrue(platform.get(location(imported)).contains("iederzijnwerk-kopie"), "the page says it is done");

        // Not a zip: 400 with a message, nothing created.
        platform.get("/platform/import");
        HttpResponse<String> notZip = upload(platform, "reglement.txt", "text/plain",
                "Dit is geen archief".getBytes(StandardCharsets.UTF_8), "tekst", platform.csrfToken());
        assertEquals(400, notZip.statusCode(), notZip.body());
        assertNotNull(textOf(notZip.body(), "form-errors"));
        assertTrue(textOf(notZip.body(), "form-errors").contains("export van een organisatie"), notZip.body());
        assertTrue(tenants.find("tekst").isEmpty());

        // The same slug again: a conflict, not a second tenant.
        platform.get("/platform/import");
        assertEquals(409, upload(platform, "iederzijnwerk.zip", "application/zip", export.body(),
                "iederzijnwerk-kopie", platform.csrfToken()).statusCode());
        // Without the CSRF token nothing is read in.
        assertEquals(403, upload(platform, "iederzijnwerk.zip", "application/zip", export.body(), "zonder-token",
                null).statusCode());
        assertTrue(tenants.find("zonder-token").isEmpty());
        // Only the platform administrator imports.
        PageSession tenantAdmin = loggedInAs("impuls.beheerder");
        tenantAdmin.get(IMPULS);
        assertEquals(403, upload(tenantAdmin, "iederzijnwerk.zip", "application/zip", export.body(), "door-beheerder",
                tenantAdmin.csrfToken()).statusCode());
    }


    // --- issue 13: the model's placeholders, confirmation, withdrawal, the copy by default, hand rules ----------

    @Test
    void theModelsStandardWordsBlockActivationUntilEachRowIsConfirmedOrRemoved() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "form", "2027-model", "2027-04-01", "Impuls vanaf het model");
        Page page = admin.get(path);
        List<String> rows = all(page.body(), "<li data-field=\"[^\"]+\"><a [^>]*>([^<]+)</a>").stream()
                .map(PostedForm::unescape).toList();
        List<String> model = List.of("Termijnen, rij 1 (ACKNOWLEDGE)", "Termijnen, rij 2 (DECIDE)",
                "Verlenging, rij 1 (termijn DECIDE)", "Registratie",
                "Prestatie-indicatoren (KPI's), rij 1 (BESLIST_BINNEN_TERMIJN)",
                "Rapportages, rij 1 (JAARVERSLAG_KLACHTEN)", "Escalatie", "Doorlopen van eigen termijnen");
        assertEquals(model, rows, "every row of the model, named as the form labels it");
        assertNull(textOf(page.body(), "check-ok"), "not activatable yet");
        assertTrue(page.contains("aria-describedby=\"terms-0-placeholder\""), "the field itself says so too");

        // The confirmation page names the same rows and offers no confirmation; a confirmed post is refused (422).
        Page summary = admin.get(path + "/vaststellen");
        assertEquals(200, summary.status(), summary.body());
        assertNull(textOf(summary.body(), "confirm-form"));
        String problems = text(all(summary.body(), "(id=\"confirm-problems\".*?</div>)").get(0));
        model.forEach(row -> assertTrue(problems.contains(row + ": het citaat is nog de standaardwaarde"), problems));
        String rowVersion = String.valueOf(administration.version(impuls(), "2027-model").rowVersion());
        Page refused = admin.post(path + "/vaststellen", Map.of("rowVersion", rowVersion, "bevestigd", "ja"));
        assertEquals(422, refused.status(), refused.body());
        model.forEach(row -> assertTrue(text(refused.body()).contains(row + ": het citaat is nog de standaardwaarde"),
                row));
        assertEquals(VersionStatus.DRAFT, administration.version(impuls(), "2027-model").status());

        // Removing a row (its code emptied) or switching the escalation off removes its placeholder; the rest stays.
        PostedForm fewer = PostedForm.of(page.body(), "version-form").set("terms[0].code", "")
                .set("escalation.offerNext", List.of());
        assertEquals(303, post(admin, path, fewer).statusCode());
        List<String> left = all(admin.get(path).body(), "<li data-field=\"[^\"]+\"><a [^>]*>([^<]+)</a>").stream()
                .map(PostedForm::unescape).toList();
        assertEquals(List.of("Termijnen, rij 1 (DECIDE)", "Verlenging, rij 1 (termijn DECIDE)", "Registratie",
                "Prestatie-indicatoren (KPI's), rij 1 (BESLIST_BINNEN_TERMIJN)",
                "Rapportages, rij 1 (JAARVERSLAG_KLACHTEN)", "Doorlopen van eigen termijnen"), left);

        // Each confirmed in the organisation's own words: the check passes and the confirmation is offered.
        assertEquals(303, post(admin, path, ownWords(admin.get(path).body())).statusCode());
        Page confirmed = admin.get(path);
        assertNotNull(textOf(confirmed.body(), "check-ok"), confirmed.body());
        assertNull(textOf(confirmed.body(), "check-placeholders"));
        assertNotNull(textOf(admin.get(path + "/vaststellen").body(), "confirm-form"));
        assertEquals(List.of(), administration.version(impuls(), "2027-model").parameters().placeholders());
    }

    @Test
    void theConfirmationPageSaysWhatChangesForNewComplaintsBeforeAnythingIsActivated() {
        PageSession admin = loggedInAs("kwaliteitsprocedure-6-5.beheerder");
        String base = "/t/kwaliteitsprocedure-6-5/beheer/reglement";
        Tenant kw = tenants.resolve("kwaliteitsprocedure-6-5");
        String first = createDraft(admin, base, "form", "kw-2027-02", "2027-02-01", "Procedure met het formulier");
        assertEquals(303, post(admin, first, ownWords(admin.get(first).body())).statusCode());
        // Against the hand-written version in force, the page lists what new complaints get and the rules that change.
        Page againstDrl = admin.get(first + "/vaststellen");
        assertEquals(200, againstDrl.status(), againstDrl.body());
        assertNotNull(textOf(againstDrl.body(), "confirm-by-rules"));
        assertTrue(text(againstDrl.body()).contains("Tot die dag volgen nieuwe klachten versie 1 (met ingang van "
                + "01-01-2020)"), () -> text(againstDrl.body()));
        assertTrue(againstDrl.contains("id=\"summary-rules\""), "the rules that change");
        assertEquals(303, post(admin, first + "/vaststellen", PostedForm.of(againstDrl.body(), "confirm-form"))
                .statusCode());
        assertEquals(VersionStatus.ACTIVE, administration.version(kw, "kw-2027-02").status());

        // A copy of it with a shorter decision term, a callback term for informal complaints, and escalation
        // that may skip rungs.
        Page list = admin.get(base);
        PostedForm create = PostedForm.of(list.body(), "new-version-form").set("kind", "copy").set("from", "kw-2027-02")
                .set("version", "kw-2027-03").set("effectiveFrom", "2027-03-01").set("title", "Procedure, maart 2027");
        assertEquals(303, post(admin, base + "/nieuw", create).statusCode());
        String second = base + "/kw-2027-03";
        PostedForm form = PostedForm.of(admin.get(second).body(), "version-form");
        assertEquals("DECIDE", form.get("terms[1].code"));
        form.set("terms[1].amount", "4").set("terms[2].code", "CONTACT").set("terms[2].appliesTo", "INFORMAL")
                .set("terms[2].amount", "3").set("terms[2].unit", "WORKING_DAYS")
                .set("terms[2].satisfiedBy", "CONTACTED").set("terms[2].startsAt", "RECEIVED")
                .set("terms[2].label", "neemt een medewerker contact met u op")
                .set("terms[2].quote", "Artikel 2: 'binnen drie werkdagen bellen wij u terug'")
                .set("escalation.maySkip", "on");
        HttpResponse<String> saved = post(admin, second, form);
        assertEquals(303, saved.statusCode(), saved.body());

        Page summary = admin.get(second + "/vaststellen");
        assertEquals(200, summary.status(), summary.body());
        assertTrue(text(summary.body()).contains("Tot die dag volgen nieuwe klachten versie kw-2027-02 (met ingang "
                + "van 01-02-2027)"), () -> text(summary.body()));
        String terms = words(all(summary.body(), "(id=\"summary-terms\".*?</article>)").get(0));
        assertTrue(terms.contains("Gewijzigd Besluit nemen en schriftelijk meedelen (DECIDE), formele klachten"),
                terms);
        assertTrue(terms.contains("6 weken na ontvangst van de klacht") && terms.contains("4 weken na ontvangst van "
                + "de klacht; gedaan met: Besluit genomen; wettelijke termijn (Wkkgz art. 17 lid 1)"), terms);
        assertTrue(terms.contains("Nieuw Contact opnemen met de klager (CONTACT), informele klachten")
                && terms.contains("3 werkdagen na ontvangst van de klacht; gedaan met: Contact opgenomen; de klager "
                + "leest: Binnen 3 werkdagen neemt een medewerker contact met u op"), terms);
        String escalation = words(all(summary.body(), "(id=\"summary-escalation\".*?</article>)").get(0));
        assertTrue(escalation.contains("het volgende niveau, alle klachten")
                && escalation.contains("elk hoger niveau (niveaus overslaan mag), alle klachten"), escalation);
        assertNull(textOf(summary.body(), "summary-kpis"), "unchanged parts are not listed");
        assertFalse(Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b").matcher(text(summary.body())).find(),
                "dates as people read them, no ISO dates");

        // A post without the confirmation shows the summary again and activates nothing.
        String rowVersion = String.valueOf(administration.version(kw, "kw-2027-03").rowVersion());
        Page unconfirmed = admin.post(second + "/vaststellen", Map.of("rowVersion", rowVersion));
        assertEquals(200, unconfirmed.status(), unconfirmed.body());
        assertNotNull(textOf(unconfirmed.body(), "confirm-form"));
        assertEquals(VersionStatus.DRAFT, administration.version(kw, "kw-2027-03").status());

        HttpResponse<String> done = post(admin, second + "/vaststellen", PostedForm.of(summary.body(), "confirm-form"));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(second + "?gedaan=vastgesteld", location(done));
        assertEquals(VersionStatus.ACTIVE, administration.version(kw, "kw-2027-03").status());
    }

    @Test
    void aVersionActivatedForALaterDateCanBeWithdrawnUntilThatDateAndTheLogShowsIt() {
        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        String base = "/t/iederzijnwerk/beheer/reglement";
        Tenant izw = tenants.resolve("iederzijnwerk");
        String path = createDraft(admin, base, "copy", "izw-2027-05", "2027-05-01", "IederZijnWerk, mei 2027");
        Page summary = admin.get(path + "/vaststellen");
        assertNotNull(textOf(summary.body(), "nothing-changes"), "a plain copy changes nothing for new complaints");
        assertEquals(303, post(admin, path + "/vaststellen", PostedForm.of(summary.body(), "confirm-form"))
                .statusCode());
        assertEquals(VersionStatus.ACTIVE, administration.version(izw, "izw-2027-05").status());

        Page active = admin.get(path);
        assertTrue(text(active.body()).contains("Deze versie gaat pas in op 01-05-2027"), () -> text(active.body()));
        HttpResponse<String> withdrawn = post(admin, path + "/intrekken", PostedForm.of(active.body(),
                "withdraw-form"));
        assertEquals(303, withdrawn.statusCode(), withdrawn.body());
        assertEquals(path + "?gedaan=ingetrokken", location(withdrawn));
        StoredVersion draft = administration.version(izw, "izw-2027-05");
        assertEquals(VersionStatus.DRAFT, draft.status());
        assertNull(draft.activatedBy());
        AuditLog.Entry logged = audit.recent(izw.id(), 1).get(0);
        assertEquals(List.of("REGULATION_WITHDRAWN", "iederzijnwerk.beheerder", "izw-2027-05"),
                List.of(logged.action(), logged.actor(), logged.subject()));
        assertTrue(logged.detail().contains("2027-05-01"), logged.detail());

        // A draft again: it can be changed, and activated once more.
        PostedForm edit = PostedForm.of(admin.get(path).body(), "version-form").set("title", "IederZijnWerk, juni 2027")
                .set("effectiveFrom", "2027-06-01");
        assertEquals(303, post(admin, path, edit).statusCode());
        Page again = admin.get(path + "/vaststellen");
        assertEquals(303, post(admin, path + "/vaststellen", PostedForm.of(again.body(), "confirm-form")).statusCode());
        assertEquals(LocalDate.of(2027, 6, 1), administration.version(izw, "izw-2027-05").version().effectiveFrom());

        // Once its date has come, an activation stays: the seed version has been in force since 2023.
        Page seed = admin.get(base + "/1");
        assertNull(textOf(seed.body(), "withdraw-form"), "not offered");
        Page late = admin.post(base + "/1/intrekken", Map.of("rowVersion", String.valueOf(
                administration.version(izw, "1").rowVersion())));
        assertEquals(422, late.status(), late.body());
        assertTrue(text(late.body()).contains("geldt sinds 01-01-2023 en kan niet meer worden ingetrokken"),
                () -> text(late.body()));
        assertEquals(VersionStatus.ACTIVE, administration.version(izw, "1").status());
        PageSession staff = loggedInAs("iederzijnwerk.medewerker");
        staff.get("/t/iederzijnwerk/werk");
        assertEquals(403, staff.post(path + "/intrekken", Map.of("rowVersion", "0")).status());
    }

    @Test
    void aNewDraftIsACopyOfTheVersionInForceUnlessAnotherStartIsChosen() {
        PageSession admin = loggedInAs("impuls.beheerder");
        Page list = admin.get(IMPULS);
        PostedForm form = PostedForm.of(list.body(), "new-version-form");
        assertEquals("copy", form.get("kind"), "a copy is the default choice");
        assertEquals("2", form.get("from"), "of version 2, in force today");
        assertTrue(text(list.body()).contains("standaard de versie die nu geldt: 2"), () -> text(list.body()));
        HttpResponse<String> created = post(admin, IMPULS + "/nieuw", form.set("version", "2-volgende")
                .set("effectiveFrom", "2027-07-01").set("title", "Impuls, juli 2027"));
        assertEquals(303, created.statusCode(), created.body());
        StoredVersion copy = administration.version(impuls(), "2-volgende");
        assertEquals(administration.version(impuls(), "2").version().ruleSet(), copy.version().ruleSet());
        assertEquals(VersionStatus.DRAFT, copy.status());
    }

    @Test
    void handWrittenRulesUnderTheFormAreKeptWhenTheFormIsSavedAndCheckedWithIt() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "form", "2027-eigen", "2027-08-01", "Impuls met eigen regels");
        String own = "package rules.eigen;\n\nimport nl.klachtenregie.regulation.*;\n\n"
                + "rule \"Impuls, art. 12: 'bij een klacht over een vrijwilliger wordt de coordinator betrokken'\"\n"
                + "when\n    ComplaintFacts(category == \"VRIJWILLIGERS\")\nthen\n"
                + "    insert(new Advice(\"COORDINATOR\", \"Betrek de coordinator vrijwilligers.\"));\nend\n";
        PostedForm form = PostedForm.of(admin.get(path).body(), "version-form");
        assertEquals("", form.get("handRules"), "no own rules yet");
        assertEquals(303, post(admin, path, form.set("handRules", own)).statusCode());
        StoredVersion saved = administration.version(impuls(), "2027-eigen");
        assertEquals(java.util.Set.of("regulation.drl", "eigen-regels.drl"), saved.version().ruleSet().sources()
                .keySet());
        assertEquals(own, saved.version().ruleSet().sources().get("eigen-regels.drl"));
        assertTrue(saved.fromForm(), "still a version written with the form");

        // The form saved again with another term: the own rules stay as they were.
        PostedForm again = PostedForm.of(admin.get(path).body(), "version-form");
        assertEquals(own, again.get("handRules"), "shown in their own editor");
        assertEquals(303, post(admin, path, again.set("terms[1].amount", "5")).statusCode());
        StoredVersion resaved = administration.version(impuls(), "2027-eigen");
        assertEquals(own, resaved.version().ruleSet().sources().get("eigen-regels.drl"));
        assertEquals(5, resaved.parameters().term("DECIDE").orElseThrow().amount());
        // Also through the service without them: kept.
        administration.updateFromForm(impuls(), new RegulationAdministration.DraftHeader("2027-eigen",
                LocalDate.of(2027, 8, 1), "Impuls met eigen regels", ""), resaved.parameters(), resaved.rowVersion(),
                "impuls.beheerder");
        assertEquals(own, administration.version(impuls(), "2027-eigen").version().ruleSet().sources()
                .get("eigen-regels.drl"));

        // The check covers both files: a broken own rule is named with its file, and blocks activation.
        PostedForm broken = PostedForm.of(admin.get(path).body(), "version-form")
                .set("handRules", own.replace("insert(new Advice(", "insert(new Advice(((("));
        assertEquals(303, post(admin, path, broken).statusCode());
        String problems = textOf(admin.get(path).body(), "check-problems");
        assertNotNull(problems);
        assertTrue(all(admin.get(path).body(), "id=\"check-problems\".*?<ul>(.*?)</ul>").get(0)
                .contains("eigen-regels.drl"), "the file of the problem");

        // An unknown external body in the form is a warning, as for levels.
        PostedForm unknown = PostedForm.of(admin.get(path).body(), "version-form").set("handRules", "")
                .set("externalBodies[0].body", "ONBEKENDE_INSTANTIE").set("externalBodies[0].appliesTo", "ALL")
                .set("externalBodies[0].quote", "Artikel 14: 'de onbekende instantie'");
        assertEquals(303, post(admin, path, unknown).statusCode());
        Page checked = admin.get(path);
        assertTrue(textOf(checked.body(), "check-warnings") != null && all(checked.body(),
                "id=\"check-warnings\".*?<ul>(.*?)</ul>").get(0).contains("ONBEKENDE_INSTANTIE"), checked.body());
        assertEquals(java.util.Set.of("regulation.drl"), administration.version(impuls(), "2027-eigen").version()
                .ruleSet().sources().keySet(), "an emptied editor removes the own rules");
    }


    @Test
    void aFormDraftTurnsIntoHandWrittenDrlWithEveryRuleKept() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "form", "2027-omzet", "2027-09-01", "Impuls, omgezet");
        PostedForm form = PostedForm.of(admin.get(path).body(), "version-form").set("handRules",
                "package rules.eigen;\n\nimport nl.klachtenregie.regulation.*;\n\n// nog geen eigen regels\n");
        assertEquals(303, post(admin, path, form).statusCode());
        StoredVersion before = administration.version(impuls(), "2027-omzet");
        HttpResponse<String> converted = post(admin, path, PostedForm.of(admin.get(path).body(), "convert-form"));
        assertEquals(303, converted.statusCode(), converted.body());
        StoredVersion after = administration.version(impuls(), "2027-omzet");
        assertFalse(after.fromForm(), "hand-written from now on");
        assertEquals(before.version().ruleSet(), after.version().ruleSet(), "not one rule lost or changed");
        assertEquals(before.version().effectiveFrom(), after.version().effectiveFrom());
        assertNotNull(PostedForm.of(admin.get(path).body(), "version-form").get("drl[1].text"), "both files editable");
    }

    @Test
    void badInputInTheNewFieldsIsA400NamingTheRowAndFieldAndSavesNothing() {
        PageSession admin = loggedInAs("impuls.beheerder");
        String path = createDraft(admin, IMPULS, "form", "2027-fout", "2027-10-01", "Impuls, fouten");
        int rowVersion = administration.version(impuls(), "2027-fout").rowVersion();
        PostedForm form = PostedForm.of(admin.get(path).body(), "version-form")
                .set("terms[0].unit", "MONTHS").set("terms[0].amount", "0")
                .set("terms[1].startLevel", "TEAM_LEAD")
                .set("terms[2].code", "NAZORG").set("terms[2].startsAt", "TERM_SUSPENDED").set("terms[2].amount", "1")
                .set("terms[2].unit", "MONTHS").set("terms[2].satisfiedBy", "CHECK_CONFIRMED")
                .set("terms[2].label", "x".repeat(201)).set("terms[2].quote", "Artikel 9")
                .set("suspensions[0].term", "ONBEKEND").set("suspensions[0].maxDays", "veertien")
                .set("suspensions[0].quote", "Artikel 10")
                .set("externalBodies[0].body", "geen code").set("externalBodies[0].quote", "Artikel 11");
        HttpResponse<String> bad = post(admin, path, form);
        assertEquals(400, bad.statusCode(), bad.body());
        String errors = text(bad.body());
        assertTrue(errors.contains("Opschorting, rij 1, Hoogstens dagen: 'veertien' is geen getal"), errors);
        // Numbers first: once they are numbers, every other field speaks.
        HttpResponse<String> again = post(admin, path, form.set("suspensions[0].maxDays", "14"));
        assertEquals(400, again.statusCode(), again.body());
        String all = text(again.body());
        for (String expected : List.of("Termijnen, rij 1, Aantal: Een termijn in maanden ligt tussen 1 en 12",
                "Termijnen, rij 2, Niveau: Een niveau hoort alleen bij een termijn die ingaat bij escalatie",
                "Termijnen, rij 3, Gaat in bij: Een termijn begint niet bij het opschorten",
                "Termijnen, rij 3, Wat de klager leest: De woorden voor de klager zijn te lang",
                "Opschorting, rij 1, Termijn: Kies een termijn uit de lijst van termijnen",
                "Externe instanties, rij 1, Instantie: Geef de code van de externe instantie")) {
            assertTrue(all.contains(expected), () -> expected + " in " + all);
        }
        assertEquals(rowVersion, administration.version(impuls(), "2027-fout").rowVersion(), "nothing saved");
        assertEquals("0", PostedForm.of(again.body(), "version-form").get("terms[0].amount"), "the input is kept");
    }

    @Test
    void theComparisonShowsTheNewFieldsOfTheForm() {
        PageSession admin = loggedInAs("impuls.beheerder");
        createDraft(admin, IMPULS, "form", "2027-a", "2027-11-01", "Impuls A");
        String b = createDraft(admin, IMPULS, "form", "2027-b", "2027-12-01", "Impuls B");
        PostedForm form = PostedForm.of(admin.get(b).body(), "version-form").set("escalation.maySkip", "on")
                .set("terms[1].label", "krijgt u ons oordeel").set("rollOverOwnTerms", List.of())
                .set("suspensions[0].term", "*").set("suspensions[0].maxDays", "14")
                .set("suspensions[0].quote", "Artikel 10");
        assertEquals(303, post(admin, b, form).statusCode());
        Page diff = admin.get(IMPULS + "/verschil?van=2027-a&naar=2027-b");
        assertEquals(200, diff.status(), diff.body());
        for (String field : List.of("escalation.maySkip", "terms[1].label", "rollOverOwnTerms",
                "suspensions[0].maxDays")) {
            assertTrue(diff.contains("data-field=\"" + field + "\""), () -> field + " in the diff");
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Creates a draft through the list page's form; returns the draft's path. */
    private String createDraft(PageSession s, String base, String kind, String version, String effectiveFrom,
                               String title) {
        PostedForm form = PostedForm.of(s.get(base).body(), "new-version-form")
                .set("kind", kind).set("version", version).set("effectiveFrom", effectiveFrom).set("title", title);
        HttpResponse<String> r = post(s, base + "/nieuw", form);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(base + "/" + version + "?gedaan=aangemaakt", location(r));
        return base + "/" + version;
    }

    /**
     * The version form with every row the check still lists as the model's standard text given the organisation's
     * own words, as a beheerder confirming them does.
     */
    private static PostedForm ownWords(String html) {
        PostedForm form = PostedForm.of(html, "version-form");
        List<String> fields = all(html, "<li data-field=\"([^\"]+)\"");
        assertFalse(fields.isEmpty(), "the check lists the rows to confirm");
        int n = 1;
        for (String field : fields) {
            form.set(PostedForm.unescape(field), "Artikel " + n++ + ": de eigen woorden van het reglement");
        }
        return form;
    }

    /** Opens the confirmation page from the draft and confirms there; returns the answer to the confirmation. */
    private HttpResponse<String> activateThroughConfirmation(PageSession s, String path) {
        Page summary = s.get(path + "/vaststellen");
        assertEquals(200, summary.status(), summary.body());
        return post(s, path + "/vaststellen", PostedForm.of(summary.body(), "confirm-form"));
    }

    private Tenant impuls() {
        return tenants.resolve("impuls");
    }

    private static String row(String html, String version) {
        Matcher m = Pattern.compile("(<tr data-version=\"" + Pattern.quote(version) + "\".*?</tr>)", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), () -> "no row for version " + version);
        return m.group(1);
    }

    private static String statusOf(String html) {
        Matcher m = Pattern.compile("id=\"version-status\" data-status=\"(\\w+)\"").matcher(html);
        assertTrue(m.find(), "no status on the page");
        return m.group(1);
    }

    private static int dataInt(String html, String attribute) {
        Matcher m = Pattern.compile(attribute + "=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), () -> "no " + attribute + " in the page");
        return Integer.parseInt(m.group(1));
    }

    private static String text(String html) {
        return PostedForm.unescape(html.replaceAll("<[^>]+>", " "));
    }

    /** The text of a piece of a page with its white space collapsed, as a reader sees it. */
    private static String words(String html) {
        return text(html).replaceAll("\\s+", " ").strip();
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("location").orElse("");
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        Map<String, String> m = new java.util.LinkedHashMap<>(form);
        m.put("csrfToken", token);
        return m;
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** Posts the form as a browser would (repeated names for ticked checkboxes) with the session's cookies. */
    private HttpResponse<String> post(PageSession s, String path, PostedForm form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies(s)).POST(HttpRequest.BodyPublishers.ofString(form.encoded())));
    }

    /** A multipart upload as the import form sends it: the file, the slug and the CSRF token as form fields. */
    private HttpResponse<String> upload(PageSession s, String fileName, String type, byte[] content, String slug,
                                        String csrfToken) {
        String boundary = "----klachtenregie" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrfToken != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"csrfToken\"\r\n\r\n",
                    csrfToken.getBytes(StandardCharsets.UTF_8));
        }
        part(body, boundary, "Content-Disposition: form-data; name=\"archive\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n", content);
        part(body, boundary, "Content-Disposition: form-data; name=\"slug\"\r\n\r\n",
                slug.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/platform/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookies(s))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String cookies(PageSession s) {
        return s.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return raw.send(b.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
