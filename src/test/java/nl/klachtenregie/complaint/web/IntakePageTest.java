package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import nl.klachtenregie.support.Html;

/**
 * Nieuwe klacht: every field of the API can be entered and ends up on the case; field errors appear next to their
 * field with the input kept (400); what the regulation refuses is shown as such (422); the handler defaults to
 * the signed-in user.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakePageTest extends CasePagesTestSupport {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Pattern CREATED = Pattern.compile("/t/([a-z0-9-]+)/klachten/(\\d+)");

    @Inject
    TenantDirectory tenants;

    private static String intakePath(String tenant) {
        return "/t/" + tenant + "/klachten/nieuw";
    }

    /** The intake form as the page offers it, with the user's entries. */
    private static Map<String, String> intakeForm(PageSession s, String tenant, Map<String, String> entries) {
        Page page = s.get(intakePath(tenant));
        assertEquals(200, page.status(), page::body);
        return fill(Html.one(page.body(), "form#intake-form"), entries);
    }

    private Page submitIntake(PageSession s, String tenant, Map<String, String> entries) {
        return s.postRaw(intakePath(tenant), intakeForm(s, tenant, entries));
    }

    private static long createdId(String tenant, Page r) {
        assertEquals(303, r.status(), () -> "intake answered " + r.status() + ": " + problems(r));
        Matcher m = CREATED.matcher(r.location());
        assertTrue(m.matches(), r.location());
        assertEquals(tenant, m.group(1));
        return Long.parseLong(m.group(2));
    }

    private int caseCount(String tenant) {
        return retrieve("/api/tenants/" + tenant + "/complaints?limit=500", Argument.listOf(Map.class)).size();
    }

    private TenantProfile profile(String tenant) {
        return tenants.resolve(tenant).profile();
    }

    // --- every field ----------------------------------------------------------------------------------------

    @Test
    void everyFieldOfTheIntakeEndsUpOnTheCase() {
        PageSession s = loggedInAs("impuls.medewerker");
        TenantProfile p = profile("impuls");
        TenantProfile.Category category = p.categories().get(1);
        TenantProfile.ServiceLine line = p.serviceLines().get(p.serviceLines().size() - 1);
        String summary = "Klant's <b>afspraak</b> is drie keer verzet & niemand belde terug.";
        Map<String, String> entries = fields(
                "kind", "FORMAL", "channel", "EMAIL", "receivedOn", "2026-11-02", "incidentOn", "2026-10-28",
                "complainantName", "Fatima el Amrani", "complainantRole", "REPRESENTATIVE",
                "complainantEmail", "f.elamrani@example.org", "complainantPhone", "06-11223344",
                "complainantAddress", "Lindelaan 12", "complainantPlace", "Oldenzaal",
                "summary", summary, "category", category.code(), "serviceLine", line.code(),
                "concernsEmployee", "P. Pietersen", "unwantedBehaviour", "true", "confidential", "true");

        long id = createdId("impuls", submitIntake(s, "impuls", entries));

        Map<String, Object> c = getCase("impuls", id, null);
        assertEquals("FORMAL", c.get("kind"));
        assertEquals("EMAIL", c.get("channel"));
        assertEquals("2026-11-02", c.get("receivedOn"));
        assertEquals("2026-10-28", c.get("incidentOn"));
        assertEquals(Map.of("name", "Fatima el Amrani", "role", "REPRESENTATIVE", "email", "f.elamrani@example.org",
                "phone", "06-11223344", "address", "Lindelaan 12", "place", "Oldenzaal"), complainant(c));
        assertEquals(summary, c.get("summary"));
        assertEquals(category.code(), c.get("category"));
        assertEquals(line.code(), c.get("serviceLine"));
        assertEquals("P. Pietersen", c.get("concernsEmployee"));
        assertEquals(Boolean.TRUE, c.get("unwantedBehaviour"));
        assertEquals(Boolean.TRUE, c.get("confidential"));
        assertEquals(Boolean.FALSE, c.get("officialRequested"));

        Page page = detail(s, "impuls", id);
        assertEquals(c.get("reference"), textOf(page.body(), "case-reference"));
        String facts = Html.one(page.body(), "section[aria-labelledby=h-facts]").text();
        for (String shown : List.of("Fatima el Amrani", label("role.REPRESENTATIVE"), "Lindelaan 12", "Oldenzaal",
                "06-11223344", "f.elamrani@example.org", label("channel.EMAIL"), "28-10-2026", category.name(),
                line.name(), "P. Pietersen", label("field.unwantedBehaviour") + " " + label("common.yes"), summary)) {
            assertTrue(facts.contains(shown), () -> "'" + shown + "' not in " + facts);
        }
        assertTrue(Html.one(page.body(), "hgroup").text().contains("02-11-2026"));
        assertTrue(Html.exists(page.body(), "#confidential-notice"), "do-not-share is shown on the case");
        assertFalse(page.body().contains("<b>afspraak</b>"), "the summary is shown as text, not markup");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PHONE", "IN_PERSON"})
    void anOralComplaintHandledOfficiallyKeepsTheRequestAndTheContactDetails(String channel) {
        PageSession s = loggedInAs("iederzijnwerk.medewerker");
        Page form = s.get(intakePath("iederzijnwerk"));
        assertTrue(Html.exists(form.body(), "input[type=checkbox][name=officialRequested]"),
                "the form asks whether an oral complaint is to be handled officially");

        long id = createdId("iederzijnwerk", submitIntake(s, "iederzijnwerk", fields("kind", "FORMAL",
                "channel", channel, "receivedOn", "2026-11-10", "officialRequested", "true",
                "complainantName", "Henk Bakker", "complainantAddress", "Nummer 3", "complainantPlace", "Nijhuizum",
                "complainantPhone", "0515-123456", "complainantEmail", "", "summary", "Begeleider kwam niet opdagen.")));

        Map<String, Object> c = getCase("iederzijnwerk", id, null);
        assertEquals(Boolean.TRUE, c.get("officialRequested"));
        assertEquals(channel, c.get("channel"));
        assertEquals("Nijhuizum", complainant(c).get("place"));
        assertNull(complainant(c).get("email"), "an empty field is no value");
        String facts = Html.one(detail(s, "iederzijnwerk", id).body(), "section[aria-labelledby=h-facts]").text();
        assertTrue(facts.contains(label("case.officialRequested")), facts);
        assertTrue(facts.contains("Nummer 3, Nijhuizum"), facts);
    }

    // --- handler --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"impuls.medewerker", "impuls.leidinggevende"})
    void theHandlerDefaultsToTheSignedInUserAndTheCaseIsAssignedToThem(String username) {
        PageSession s = loggedInAs(username);
        Page form = s.get(intakePath("impuls"));
        Html.Element selected = Html.one(form.body(), "select#f-handler option[selected]");
        assertEquals(String.valueOf(userId(username)), selected.attr("value"));
        assertEquals(displayName(username), selected.text());

        long id = createdId("impuls", submitIntake(s, "impuls", fields("receivedOn", "2026-11-02",
                "summary", "Toegewezen bij ontvangst")));

        Map<String, Object> handler = handler(getCase("impuls", id, null));
        assertEquals(userId(username), ((Number) handler.get("id")).longValue());
        assertEquals(displayName(username), handler.get("name"));
        Html.Element assigned = Html.one(detail(s, "impuls", id).body(), "form#assign-form option[selected]");
        assertEquals(String.valueOf(userId(username)), assigned.attr("value"));
    }

    @Test
    void aComplaintCanBeRegisteredWithoutAHandler() {
        PageSession s = loggedInAs("impuls.medewerker");
        long id = createdId("impuls", submitIntake(s, "impuls", fields("receivedOn", "2026-11-02",
                "summary", "Nog niet toegewezen", "handler", "")));
        assertNull(handler(getCase("impuls", id, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"klimkoord.medewerker", "impuls.beheerder", "impuls.kwaliteit", "abc", "999999"})
    void onlyAnActiveHandlerOfTheOwnTenantCanBeChosen(String handler) {
        PageSession s = loggedInAs("impuls.medewerker");
        String value = handler.contains(".") ? String.valueOf(userId(handler)) : handler;
        int before = caseCount("impuls");

        Page r = submitIntake(s, "impuls", fields("receivedOn", "2026-11-02", "summary", "Met vreemde behandelaar",
                "handler", value));

        assertEquals(400, r.status(), () -> problems(r));
        assertErrorNextToField(r.body(), "handler", "f-handler");
        assertEquals(before, caseCount("impuls"), "nothing was registered");
    }

    // --- field errors ---------------------------------------------------------------------------------------

    @Test
    void validationErrorsAppearNextToTheirFieldAndTheInputIsKept() {
        PageSession s = loggedInAs("impuls.medewerker");
        int before = caseCount("impuls");

        Page r = submitIntake(s, "impuls", fields("receivedOn", "2026-13-45", "summary", "  ",
                "complainantEmail", "geen-mailadres", "complainantName", "Piet Puk", "complainantPlace", "Losser",
                "concernsEmployee", "J. Jansen", "incidentOn", "gisteren"));

        assertEquals(400, r.status(), () -> problems(r));
        assertTrue(Html.exists(r.body(), "#form-errors"));
        assertFalse(Html.exists(r.body(), "#form-refused"));
        assertErrorNextToField(r.body(), "receivedOn", "f-receivedOn");
        assertErrorNextToField(r.body(), "incidentOn", "f-incidentOn");
        assertErrorNextToField(r.body(), "summary", "f-summary");
        assertErrorNextToField(r.body(), "complainantEmail", "f-complainantEmail");
        assertTrue(textOf(r.body(), "error-complainantEmail").contains("geen-mailadres"));
        assertTrue(textOf(r.body(), "error-summary").contains("verplicht"));
        // fields without an error carry none
        assertFalse(Html.exists(r.body(), "#error-complainantName"));
        assertFalse(Html.exists(r.body(), "#error-category"));
        Map<String, String> kept = Html.one(r.body(), "form#intake-form").formValues();
        assertEquals("2026-13-45", kept.get("receivedOn"));
        assertEquals("gisteren", kept.get("incidentOn"));
        assertEquals("geen-mailadres", kept.get("complainantEmail"));
        assertEquals("Piet Puk", kept.get("complainantName"));
        assertEquals("Losser", kept.get("complainantPlace"));
        assertEquals("J. Jansen", kept.get("concernsEmployee"));
        assertEquals(String.valueOf(userId("impuls.medewerker")), kept.get("handler"));
        assertEquals(before, caseCount("impuls"));
    }

    @Test
    void choicesAndTickedBoxesAreKeptAfterAnError() {
        PageSession s = loggedInAs("iederzijnwerk.medewerker");
        Page r = submitIntake(s, "iederzijnwerk", fields("summary", "", "kind", "FORMAL", "channel", "IN_PERSON",
                "complainantRole", "NEXT_OF_KIN", "officialRequested", "true", "unwantedBehaviour", "true",
                "confidential", "true", "complainantName", "Henk", "complainantAddress", "Nummer 3",
                "complainantPlace", "Nijhuizum", "complainantPhone", "0515-1", "category", "COMMUNICATIE",
                "serviceLine", "DAGBESTEDING"));
        assertEquals(400, r.status(), () -> problems(r));
        assertErrorNextToField(r.body(), "summary", "f-summary");
        Map<String, String> kept = Html.one(r.body(), "form#intake-form").formValues();
        assertAll(
                () -> assertEquals("FORMAL", kept.get("kind")),
                () -> assertEquals("IN_PERSON", kept.get("channel")),
                () -> assertEquals("NEXT_OF_KIN", kept.get("complainantRole")),
                () -> assertEquals("COMMUNICATIE", kept.get("category")),
                () -> assertEquals("DAGBESTEDING", kept.get("serviceLine")),
                () -> assertEquals("true", kept.get("officialRequested"), "'handle officially' stays ticked"),
                () -> assertEquals("true", kept.get("unwantedBehaviour"), "'ongewenst gedrag' stays ticked"),
                () -> assertEquals("true", kept.get("confidential"), "'do not share' stays ticked"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PHONE", "IN_PERSON"})
    void anOralComplaintHandledOfficiallyRequiresNameAddressPlaceAndPhone(String channel) {
        PageSession s = loggedInAs("iederzijnwerk.medewerker");
        int before = caseCount("iederzijnwerk");

        Page r = submitIntake(s, "iederzijnwerk", fields("kind", "FORMAL", "channel", channel,
                "receivedOn", "2026-11-10", "officialRequested", "true", "complainantName", "",
                "complainantAddress", "", "complainantPlace", "", "complainantPhone", "",
                "complainantEmail", "klager@example.org", "summary", "Mondeling geklaagd"));

        assertEquals(400, r.status(), () -> problems(r));
        for (String field : List.of("complainantName", "complainantAddress", "complainantPlace",
                "complainantPhone")) {
            assertErrorNextToField(r.body(), field, "f-" + field);
        }
        assertFalse(Html.exists(r.body(), "#error-complainantEmail"));
        assertEquals(before, caseCount("iederzijnwerk"));
    }

    @Test
    void onlyTheMissingContactDetailsOfAnOfficialOralComplaintAreErrors() {
        PageSession s = loggedInAs("iederzijnwerk.medewerker");
        Page r = submitIntake(s, "iederzijnwerk", fields("kind", "FORMAL", "channel", "PHONE",
                "receivedOn", "2026-11-10", "officialRequested", "true", "complainantName", "Henk",
                "complainantAddress", "Nummer 3", "complainantPlace", "", "complainantPhone", "0515-1",
                "summary", "Mondeling geklaagd"));
        assertEquals(400, r.status());
        assertErrorNextToField(r.body(), "complainantPlace", "f-complainantPlace");
        for (String field : List.of("complainantName", "complainantAddress", "complainantPhone")) {
            assertFalse(Html.exists(r.body(), "#error-" + field), field);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LETTER", "EMAIL", "WEB_FORM"})
    void handlingOfficiallyIsOnlyAskedOfAnOralComplaint(String channel) {
        PageSession s = loggedInAs("iederzijnwerk.medewerker");
        Page r = submitIntake(s, "iederzijnwerk", fields("channel", channel, "receivedOn", "2026-11-10",
                "officialRequested", "true", "complainantAddress", "Nummer 3", "complainantPlace", "Nijhuizum",
                "summary", "Schriftelijk geklaagd"));
        assertEquals(400, r.status(), () -> problems(r));
        assertTrue(textOf(r.body(), "error-officialRequested").contains("mondelinge"),
                () -> textOf(r.body(), "error-officialRequested"));
        Html.Element box = Html.one(r.body(), "input[name=officialRequested]");
        assertTrue(box.attr("aria-describedby").contains("error-officialRequested"));
    }

    @Test
    void anOralComplaintHandledOfficiallyIsAFormalOne() {
        PageSession s = loggedInAs("iederzijnwerk.medewerker");
        Page r = submitIntake(s, "iederzijnwerk", fields("kind", "INFORMAL", "channel", "PHONE",
                "receivedOn", "2026-11-10", "officialRequested", "true", "complainantName", "Henk",
                "complainantAddress", "Nummer 3", "complainantPlace", "Nijhuizum", "complainantPhone", "0515-1",
                "summary", "Mondeling geklaagd"));
        assertEquals(400, r.status());
        assertErrorNextToField(r.body(), "kind", "f-kind");
    }

    @Test
    void unknownChoicesAreErrorsAtTheirField() {
        PageSession s = loggedInAs("impuls.medewerker");
        Page r = submitIntake(s, "impuls", fields("kind", "HALF", "channel", "FAX", "complainantRole", "KLANT",
                "summary", "x"));
        assertEquals(400, r.status());
        assertErrorNextToField(r.body(), "kind", "f-kind");
        assertErrorNextToField(r.body(), "channel", "f-channel");
        assertErrorNextToField(r.body(), "complainantRole", "f-complainantRole");
        assertTrue(textOf(r.body(), "error-channel").contains("FAX"));
    }

    // --- refusals -------------------------------------------------------------------------------------------

    Stream<Arguments> refusedIntakes() {
        String tomorrow = LocalDate.parse(TestDatabase.TODAY).plusDays(1).toString();
        return Stream.of(
                Arguments.of("a received date in the future", "impuls", fields("receivedOn", tomorrow),
                        "De ontvangstdatum " + LocalDate.parse(tomorrow).format(DMY) + " ligt in de toekomst"),
                Arguments.of("an unknown service line", "impuls", fields("serviceLine", "KINDEROPVANG"),
                        "Onbekende dienst 'KINDEROPVANG'"),
                Arguments.of("an unknown category", "impuls", fields("category", "PARKEREN"),
                        "Onbekende categorie 'PARKEREN'"),
                Arguments.of("an incident after the receipt", "impuls",
                        fields("receivedOn", "2026-11-02", "incidentOn", "2026-11-05"), "ligt na de ontvangst"),
                Arguments.of("a formal complaint by phone at impuls", "impuls", fields("kind", "FORMAL",
                        "channel", "PHONE", "receivedOn", "2026-11-02"),
                        "Een formele klacht moet schriftelijk worden ingediend"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedIntakes")
    void aRefusedIntakeShowsTheReasonAndKeepsTheInput(String name, String tenant, Map<String, String> entries,
                                                      String reason) {
        PageSession s = loggedInAs(tenant + ".medewerker");
        int before = caseCount(tenant);
        Map<String, String> all = new java.util.LinkedHashMap<>(fields("summary", "Het is misgegaan: " + name,
                "complainantName", "Refusé Klager"));
        all.putAll(entries);

        Page r = submitIntake(s, tenant, all);

        assertEquals(422, r.status(), () -> name + " answered " + r.status() + ": " + problems(r));
        Html.Element refused = Html.one(r.body(), "#form-refused");
        assertTrue(refused.text().contains(label("intake.refused")));
        assertTrue(refused.select("li").stream().anyMatch(li -> li.text().contains(reason)),
                () -> "expected '" + reason + "' in " + refused.text());
        Map<String, String> kept = Html.one(r.body(), "form#intake-form").formValues();
        assertEquals("Het is misgegaan: " + name, kept.get("summary"));
        assertEquals("Refusé Klager", kept.get("complainantName"));
        assertEquals(before, caseCount(tenant), "nothing was registered");
    }

    // --- who may register -----------------------------------------------------------------------------------

    @Test
    void theQualityManagerCannotRegisterAComplaint() {
        PageSession s = loggedInAs("impuls.kwaliteit");
        int before = caseCount("impuls");
        Page form = s.get(intakePath("impuls"));
        Page r = s.post(intakePath("impuls"), fields("kind", "FORMAL", "channel", "LETTER",
                "receivedOn", "2026-11-02", "complainantRole", "CLIENT", "summary", "x", "category", "BEJEGENING"));
        assertEquals(before, caseCount("impuls"), "nothing was registered");
        assertFalse(Html.exists(form.body(), "form#intake-form"), "no intake form for the quality manager");
        assertEquals(403, form.status());
        assertEquals(403, r.status());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /**
     * The error element of a field exists, names the field's problem, and stands right after the field: no
     * other form control between them, and the control points to it.
     */
    private static void assertErrorNextToField(String html, String field, String controlId) {
        String form = Html.one(html, "form#intake-form").inner();
        int control = form.indexOf("id=\"" + controlId + "\"");
        int error = form.indexOf("id=\"error-" + field + "\"");
        assertTrue(control >= 0, "no control " + controlId);
        assertTrue(error > control, () -> "no error for " + field + " after its control");
        String between = form.substring(form.indexOf('>', control), error);
        assertFalse(between.matches("(?s).*<(input|select|textarea)\\b.*"),
                () -> "another control stands between " + field + " and its error: " + between);
        String text = textOf(html, "error-" + field);
        assertFalse(text == null || text.isBlank(), "empty error for " + field);
        Html.Element c = Html.one(form, "#" + controlId);
        assertEquals("true", c.attr("aria-invalid"), field);
        assertTrue(c.attr("aria-describedby").contains("error-" + field), field);
    }

    private static String problems(Page r) {
        return Stream.of("form-refused", "form-errors").map(id -> Html.first(r.body(), "#" + id))
                .flatMap(java.util.Optional::stream).map(Html.Element::text).findFirst()
                .orElse(Html.select(r.body(), "small.field-error").stream().map(Html.Element::text).toList()
                        + " " + (r.status() == 303 ? r.location() : Html.first(r.body(), "main")
                        .map(Html.Element::text).orElse("")));
    }
}
