package nl.klachtenregie.improvement.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.improvement.ImprovementRegister;
import nl.klachtenregie.improvement.Measure;
import nl.klachtenregie.improvement.MeasureKind;
import nl.klachtenregie.improvement.MeasureLevel;
import nl.klachtenregie.improvement.MeasureStatus;
import nl.klachtenregie.improvement.NewMeasure;
import nl.klachtenregie.improvement.Origin;
import nl.klachtenregie.improvement.OriginType;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Verbeterregister pages: proposals from the dashboard and from cases arrive prefilled, mistakes come back at their
 * field with what was typed, client-level measures stand apart, completed ones wait for this year's review, and only
 * the kwaliteitsmanager, leidinggevende and directie get in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementPagesTest extends PageTestSupport {

    private static final LocalDate TODAY = LocalDate.parse(TestDatabase.TODAY);
    private static final String REGISTER = "/t/impuls/verbeterregister";
    private static final List<String> MEASURE_FIELDS = List.of("csrfToken", "rowVersion", "title", "description",
            "kind", "level", "status", "originType", "originKey", "originDescription", "complaints", "owner", "dueOn",
            "completedOn");
    private static final List<String> REVIEW_FIELDS = List.of("csrfToken", "rowVersion", "reviewedOn", "year",
            "effective", "notes");

    @Inject
    ImprovementRegister register;
    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;

    private Tenant impuls;
    private String complaint1;
    private long complaint1Id;
    private String complaint2;

    @BeforeAll
    void complaints() {
        impuls = tenants.resolve("impuls");
        Map<String, Object> c1 = createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-10-01"));
        complaint1 = (String) c1.get("reference");
        complaint1Id = ((Number) c1.get("id")).longValue();
        complaint2 = (String) createComplaint("impuls", complaint("INFORMAL", "PHONE", "2026-10-08")).get("reference");
    }

    /** The fields of a form as a browser would post them. */
    private static Map<String, String> fields(PostedForm form, List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            if (form.get(name) != null) {
                out.put(name, form.get(name));
            }
        }
        return out;
    }

    private static long idFrom(String location) {
        String path = location.substring(0, location.indexOf('?'));
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private Measure done(String title, MeasureLevel level) {
        return register.create(impuls, new NewMeasure(title, null, MeasureKind.CORRECTIVE, level,
                new Origin(OriginType.COMPLAINTS, null, null), List.of(complaint1), "Teamleider", TODAY,
                MeasureStatus.DONE, TODAY), "impuls.kwaliteit");
    }

    @Test
    void aKpiBreachFromTheDashboardProposesAMeasureWithItsOriginFilledIn() {
        PageSession quality = loggedInAs("impuls.kwaliteit");
        String key = "KPI:CONTACT_14:2026";
        Page page = quality.get(REGISTER + "/nieuw?herkomst=KPI_BREACH&sleutel=" + enc(key) + "&omschrijving="
                + enc("Contact binnen 14 dagen: 67% (norm minstens 80%)"));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contains("href=\"/t/impuls/verbeterregister\" aria-current=\"page\""), "menu: Verbeterregister");
        PostedForm form = PostedForm.of(page.body(), "measure-form");
        assertEquals("KPI_BREACH", form.get("originType"));
        assertEquals(key, form.get("originKey"));
        assertEquals("Contact binnen 14 dagen: 67% (norm minstens 80%)", form.get("originDescription"));
        assertEquals("PREVENTIVE", form.get("kind"));
        assertEquals("PROPOSED", form.get("status"));
        assertEquals("ORGANISATION", form.get("level"));

        form.set("title", "Eerste contact binnen 14 dagen inplannen");
        Page saved = quality.post(REGISTER + "/nieuw", fields(form, MEASURE_FIELDS));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(saved.location().endsWith("?gedaan=aangemaakt"), saved.location());
        Measure m = register.find(impuls.id(), idFrom(saved.location())).orElseThrow();
        assertEquals(new Origin(OriginType.KPI_BREACH, key, "Contact binnen 14 dagen: 67% (norm minstens 80%)"),
                m.origin());
        assertEquals(MeasureStatus.PROPOSED, m.status());
        assertTrue(register.originKeys(impuls.id()).contains(key), "the dashboard sees the breach answered");
        Page shown = quality.get(saved.location());
        assertNotNull(textOf(shown.body(), "improvement-done"));
        assertTrue(shown.contains(m.number()));

        Page again = quality.get(REGISTER + "/nieuw?herkomst=KPI_BREACH&sleutel=" + enc(key));
        assertEquals(200, again.status());
        assertTrue(textOf(again.body(), "already-answered").contains(m.number()),
                "a second proposal for the same breach says which measure answers it");
    }

    @Test
    void aTrendAndACaseProposeAMeasureToo() {
        PageSession manager = loggedInAs("impuls.leidinggevende");
        Page trend = manager.get(REGISTER + "/nieuw?herkomst=TREND&sleutel="
                + enc("TREND:RISING_CATEGORY:BEJEGENING:2026-H2") + "&omschrijving=" + enc("Bejegening: 5 (was 1)"));
        assertEquals(200, trend.status(), trend.body());
        PostedForm t = PostedForm.of(trend.body(), "measure-form");
        assertEquals("TREND", t.get("originType"));
        assertEquals("TREND:RISING_CATEGORY:BEJEGENING:2026-H2", t.get("originKey"));

        Page fromCase = manager.get(REGISTER + "/nieuw?herkomst=COMPLAINTS&klachten=" + enc(complaint1 + ","
                + complaint2.toLowerCase()));
        assertEquals(200, fromCase.status(), fromCase.body());
        PostedForm c = PostedForm.of(fromCase.body(), "measure-form");
        assertEquals("COMPLAINTS", c.get("originType"));
        assertEquals(complaint1 + ", " + complaint2, c.get("complaints"));
        assertEquals("CORRECTIVE", c.get("kind"));
        c.set("title", "Afspraken schriftelijk bevestigen").set("owner", "Teamleider").set("dueOn", "2027-01-31");
        Page saved = manager.post(REGISTER + "/nieuw", fields(c, MEASURE_FIELDS));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(List.of(complaint1, complaint2),
                register.find(impuls.id(), idFrom(saved.location())).orElseThrow().complaintReferences());
    }

    @Test
    void unknownComplaintsOrAWrongOriginInAProposalAreAClearErrorNotAFailure() {
        PageSession quality = loggedInAs("impuls.kwaliteit");
        Page unknown = quality.get(REGISTER + "/nieuw?herkomst=COMPLAINTS&klachten=" + enc(complaint1
                + ",IMPU-2026-9999"));
        assertEquals(422, unknown.status(), unknown.body());
        assertTrue(textOf(unknown.body(), "error-complaints").contains("IMPU-2026-9999"));
        assertFalse(textOf(unknown.body(), "error-complaints").contains(complaint1));
        assertEquals(complaint1 + ", IMPU-2026-9999", PostedForm.of(unknown.body(), "measure-form").get("complaints"),
                "what the link brought is kept to correct");

        Page badType = quality.get(REGISTER + "/nieuw?herkomst=ONZIN&sleutel=KPI:X:2026");
        assertEquals(422, badType.status());
        assertTrue(textOf(badType.body(), "error-originType").contains("ONZIN"));

        Page badKey = quality.get(REGISTER + "/nieuw?herkomst=KPI_BREACH&sleutel=" + enc("TREND:X:2026"));
        assertEquals(422, badKey.status());
        assertTrue(textOf(badKey.body(), "error-originKey").contains("KPI:"));
    }

    @Test
    void invalidInputIs422WithTheMessageAtItsFieldAndTheInputKept() {
        PageSession quality = loggedInAs("impuls.kwaliteit");
        int before = register.list(impuls.id()).size();
        PostedForm form = PostedForm.of(quality.get(REGISTER + "/nieuw").body(), "measure-form");
        form.set("title", "").set("description", "Mijn zorgvuldig getypte <omschrijving>").set("status", "OPEN")
                .set("originType", "COMPLAINTS").set("complaints", complaint1 + " IMPU-2026-8888").set("owner", "Ik")
                .set("dueOn", "2026-02-30");
        Page page = quality.post(REGISTER + "/nieuw", fields(form, MEASURE_FIELDS));
        assertEquals(422, page.status(), page.body());
        assertEquals("Geef de maatregel een titel.", textOf(page.body(), "error-title"));
        assertTrue(textOf(page.body(), "error-dueOn").contains("2026-02-30"));
        assertNotNull(textOf(page.body(), "form-errors"));
        PostedForm kept = PostedForm.of(page.body(), "measure-form");
        assertEquals("Mijn zorgvuldig getypte <omschrijving>", kept.get("description"));
        assertEquals(complaint1 + " IMPU-2026-8888", kept.get("complaints"));
        assertEquals("2026-02-30", kept.get("dueOn"));

        // once the form itself is right, the register names the unknown complaint
        kept.set("title", "Titel").set("dueOn", "2027-02-28");
        Page unknown = quality.post(REGISTER + "/nieuw", fields(kept, MEASURE_FIELDS));
        assertEquals(422, unknown.status());
        assertTrue(textOf(unknown.body(), "error-complaints").contains("IMPU-2026-8888"));
        assertEquals(before, register.list(impuls.id()).size(), "nothing stored");
    }

    @Test
    void staffAndAdministratorsAreRefusedAndTheOversightRolesGetIn() {
        for (String user : List.of("impuls.medewerker", "impuls.beheerder")) {
            PageSession s = loggedInAs(user);
            assertEquals(403, s.get(REGISTER).status(), user);
            assertEquals(403, s.get(REGISTER + "/nieuw").status(), user);
            assertEquals(403, s.post(REGISTER + "/nieuw", Map.of("title", "Mag niet")).status(), user);
        }
        for (String user : List.of("impuls.kwaliteit", "impuls.leidinggevende", "impuls.directeur")) {
            assertEquals(200, loggedInAs(user).get(REGISTER).status(), user);
        }
        assertTrue(register.list(impuls.id()).stream().noneMatch(m -> m.title().equals("Mag niet")));
    }

    @Test
    void anotherTenantsMeasureIsNotReachable() {
        Measure m = done("Alleen Impuls", MeasureLevel.ORGANISATION);
        PageSession other = loggedInAs("klimkoord.kwaliteit");
        assertEquals(404, other.get("/t/klimkoord/verbeterregister/" + m.id()).status());
        assertFalse(other.get("/t/klimkoord/verbeterregister").contains("Alleen Impuls"));
        int status = other.get(REGISTER).status();
        assertTrue(status == 403 || status == 404, "another tenant's register: " + status);
        other.get("/t/klimkoord/verbeterregister");
        assertEquals(404, other.post("/t/klimkoord/verbeterregister/" + m.id(), Map.of("title", "Overgenomen",
                "rowVersion", String.valueOf(m.rowVersion()))).status());
        assertEquals("Alleen Impuls", register.find(impuls.id(), m.id()).orElseThrow().title());
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() {
        PageSession quality = loggedInAs("impuls.kwaliteit");
        quality.get(REGISTER + "/nieuw");
        Page p = quality.postRaw(REGISTER + "/nieuw", Map.of("title", "Zonder token", "kind", "CORRECTIVE"));
        assertEquals(403, p.status());
        assertTrue(register.list(impuls.id()).stream().noneMatch(m -> m.title().equals("Zonder token")));
    }

    @Test
    void measureAtClientLevelIsShownApartFromOrganisationMeasures() {
        Measure client = done("Afspraak met mevrouw over haar dagbesteding", MeasureLevel.CLIENT);
        Measure organisation = done("Werkinstructie dagbesteding", MeasureLevel.ORGANISATION);
        PageSession quality = loggedInAs("impuls.kwaliteit");
        Page page = quality.get(REGISTER);
        assertEquals(200, page.status());
        String clientTable = section(page.body(), "client-section");
        String organisationTable = section(page.body(), "organisation-section");
        assertTrue(clientTable.contains(client.number()), clientTable);
        assertFalse(clientTable.contains(organisation.number()));
        assertTrue(organisationTable.contains(organisation.number()));
        assertFalse(organisationTable.contains(client.number()));
        Page measure = quality.get(REGISTER + "/" + client.id());
        assertNotNull(textOf(measure.body(), "client-level-note"), "the measure says it belongs in the client file");

        Page onlyClient = quality.get(REGISTER + "?niveau=CLIENT");
        assertFalse(section(onlyClient.body(), "organisation-section").contains(organisation.number()));
        assertTrue(section(onlyClient.body(), "client-section").contains(client.number()));
        assertEquals(400, quality.get(REGISTER + "?niveau=ONZIN").status());
    }

    @Test
    void doneMeasuresAwaitTheYearlyEffectivenessReview() {
        Measure m = done("Klachtenfolder herschreven", MeasureLevel.ORGANISATION);
        PageSession director = loggedInAs("impuls.directeur");
        Page register1 = director.get(REGISTER);
        assertTrue(section(register1.body(), "awaiting-review").contains(m.number()),
                "completed and not yet reviewed: on the list for this year's directiebeoordeling");

        Page page = director.get(REGISTER + "/" + m.id());
        assertNotNull(textOf(page.body(), "awaits-review"));
        PostedForm review = PostedForm.of(page.body(), "review-form");
        assertEquals(TODAY.toString(), review.get("reviewedOn"));
        assertEquals("2026", review.get("year"));
        review.set("effective", "NOT_EFFECTIVE").set("notes", "");
        Page invalid = director.post(REGISTER + "/" + m.id() + "/beoordeling", fields(review, REVIEW_FIELDS));
        assertEquals(422, invalid.status(), invalid.body());
        assertNotNull(textOf(invalid.body(), "error-notes"));
        assertEquals("NOT_EFFECTIVE", PostedForm.of(invalid.body(), "review-form").get("effective"), "choice kept");

        review.set("effective", "EFFECTIVE").set("notes", "Minder vragen over de procedure.");
        Page saved = director.post(REGISTER + "/" + m.id() + "/beoordeling", fields(review, REVIEW_FIELDS));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(saved.location().endsWith("?gedaan=beoordeeld"));
        Page after = director.get(saved.location());
        assertTrue(textOf(after.body(), "current-review").contains("2026"));
        assertFalse(section(director.get(REGISTER).body(), "awaiting-review").contains(m.number()),
                "reviewed: no longer waiting");
        assertEquals("IMPROVEMENT_REVIEWED", audit.recent(impuls.id(), 1).get(0).action());
    }

    @Test
    void anOpenMeasureHasNoReviewFormYet() {
        Measure open = register.create(impuls, new NewMeasure("Nog niet klaar", null, MeasureKind.PREVENTIVE,
                MeasureLevel.ORGANISATION, new Origin(OriginType.OTHER, null, "Audit"), List.of(), "Kwaliteit",
                TODAY.plusDays(10), MeasureStatus.OPEN, null), "impuls.kwaliteit");
        PageSession quality = loggedInAs("impuls.kwaliteit");
        Page page = quality.get(REGISTER + "/" + open.id());
        assertNotNull(textOf(page.body(), "review-not-yet"));
        assertFalse(page.contains("id=\"review-form\""));
        Page posted = quality.post(REGISTER + "/" + open.id() + "/beoordeling", Map.of("reviewedOn",
                TODAY.toString(), "year", "2026", "effective", "EFFECTIVE", "rowVersion", "0"));
        assertEquals(422, posted.status());
        assertTrue(textOf(posted.body(), "review-errors").contains("Alleen een afgeronde maatregel"));
    }

    @Test
    void aSaveOverSomeoneElsesIs409WithTheTypedInputKept() {
        Measure m = register.create(impuls, new NewMeasure("Wachttijd", null, MeasureKind.CORRECTIVE,
                MeasureLevel.ORGANISATION, new Origin(OriginType.COMPLAINTS, null, null), List.of(complaint1),
                "Teamleider", TODAY.plusDays(30), MeasureStatus.OPEN, null), "impuls.kwaliteit");
        PageSession first = loggedInAs("impuls.kwaliteit");
        PageSession second = loggedInAs("impuls.leidinggevende");
        PostedForm a = PostedForm.of(first.get(REGISTER + "/" + m.id()).body(), "measure-form");
        PostedForm b = PostedForm.of(second.get(REGISTER + "/" + m.id()).body(), "measure-form");
        assertEquals("0", a.get("rowVersion"));
        a.set("title", "Wachttijd telefoon korter");
        assertEquals(303, first.post(REGISTER + "/" + m.id(), fields(a, MEASURE_FIELDS)).status());

        b.set("title", "Mijn eigen titel").set("owner", "Leidinggevende");
        Page conflict = second.post(REGISTER + "/" + m.id(), fields(b, MEASURE_FIELDS));
        assertEquals(409, conflict.status(), conflict.body());
        assertTrue(textOf(conflict.body(), "conflict").contains(m.number()));
        PostedForm kept = PostedForm.of(conflict.body(), "measure-form");
        assertEquals("Mijn eigen titel", kept.get("title"));
        assertEquals("Leidinggevende", kept.get("owner"));
        assertEquals("1", kept.get("rowVersion"), "the current version: saving again is a deliberate choice");
        assertEquals("Wachttijd telefoon korter", register.find(impuls.id(), m.id()).orElseThrow().title());

        Page again = second.post(REGISTER + "/" + m.id(), fields(kept, MEASURE_FIELDS));
        assertEquals(303, again.status(), again.body());
        assertEquals("Mijn eigen titel", register.find(impuls.id(), m.id()).orElseThrow().title());
        assertEquals("IMPROVEMENT_UPDATED", audit.recent(impuls.id(), 1).get(0).action());
    }

    @Test
    void complaintReferencesLinkToTheCaseOnlyForThoseWhoReadCases() {
        Measure m = done("Met een klacht", MeasureLevel.ORGANISATION);
        String link = "href=\"/t/impuls/klachten/" + complaint1Id + "\"";
        assertTrue(loggedInAs("impuls.kwaliteit").get(REGISTER + "/" + m.id()).contains(link));
        Page list = loggedInAs("impuls.kwaliteit").get(REGISTER);
        assertTrue(list.contains(link), "the register links the case too");
        assertTrue(list.contains("href=\"/t/impuls/verbeterregister/" + m.id() + "\""), "and the measure");
        Page director = loggedInAs("impuls.directeur").get(REGISTER + "/" + m.id());
        assertEquals(200, director.status());
        assertFalse(director.contains(link), "the directeur does not open cases");
        assertTrue(textOf(director.body(), "measure-complaints").contains(complaint1));
        assertFalse(loggedInAs("impuls.directeur").get(REGISTER).contains(link));
    }

    @Test
    void everyRegisterPageHasOneHeadingAndLabelledControls() {
        Measure m = done("Toegankelijk", MeasureLevel.CLIENT);
        PageSession quality = loggedInAs("impuls.kwaliteit");
        List<String> problems = new java.util.ArrayList<>();
        for (String path : List.of(REGISTER, REGISTER + "/nieuw", REGISTER + "/" + m.id(),
                REGISTER + "/nieuw?klachten=ONBEKEND-1")) {
            Page page = quality.get(path);
            assertTrue(page.status() == 200 || page.status() == 422, path + ": " + page.status());
            if (page.body().split("<h1[ >]", -1).length != 2) {
                problems.add(path + ": not one h1");
            }
            java.util.regex.Matcher c = java.util.regex.Pattern.compile("<(input|select|textarea)\\b([^>]*)>")
                    .matcher(page.body());
            while (c.find()) {
                String attrs = c.group(2);
                String before = page.body().substring(0, c.start());
                boolean inLabel = before.lastIndexOf("<label") > before.lastIndexOf("</label>");
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=\"([^\"]+)\"").matcher(attrs);
                boolean labelled = inLabel || attrs.contains("type=\"hidden\"") || attrs.contains("aria-label=")
                        || (id.find() && page.contains("for=\"" + id.group(1) + "\""));
                if (!labelled) {
                    problems.add(path + ": unlabelled " + attrs.strip());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The HTML of the element with this id up to the next section (enough for a table). */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no #" + id);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
