package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Correcties met geschiedenis (issue 16 section 2): what intake recorded can be corrected by the case's handler or a
 * leidinggevende, and the dossier keeps every correction (old value, new value, who, when, why); the terms are computed
 * again and say when they move; nothing is stored when the correction is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionsWithHistoryTest extends ApiTestSupport {

    private static final String T = "iederzijnwerk";

    private Response patch(String tenant, Object id, Map<String, Object> body) {
        return send(HttpRequest.PATCH("/api/tenants/" + tenant + "/complaints/" + id, body));
    }

    private Response patchAs(String user, String tenant, Object id, Map<String, Object> body) {
        return sendAs(user, HttpRequest.PATCH("/api/tenants/" + tenant + "/complaints/" + id, body));
    }

    private static Map<String, Object> body(Map<String, Object> c, Object... keyValues) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("expectedVersion", c.get("version"));
        for (int i = 0; i < keyValues.length; i += 2) {
            b.put((String) keyValues[i], keyValues[i + 1]);
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> corrections(String tenant, Object id) {
        return retrieve("/api/tenants/" + tenant + "/complaints/" + id + "/corrections",
                io.micronaut.core.type.Argument.listOf((Class<Map<String, Object>>) (Class<?>) Map.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> correction) {
        return (List<Map<String, Object>>) correction.get("changes");
    }

    private static Map<String, Object> change(Map<String, Object> correction, String kind, String field) {
        return changes(correction).stream().filter(c -> kind.equals(c.get("kind")) && field.equals(c.get("field")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + field + " in " + correction));
    }

    private static String fieldError(Response r, String field) {
        assertEquals(400, r.status(), () -> "expected 400 but got " + r.status() + ": " + r.body());
        Object errors = r.body().get("fieldErrors");
        assertTrue(errors instanceof Map<?, ?> m && m.containsKey(field), () -> "no field error " + field + " in "
                + r.body());
        return String.valueOf(((Map<?, ?>) errors).get(field));
    }

    @Test
    void aCorrectionIsKeptWithOldAndNewValueWhoWhenAndWhy() {
        Map<String, Object> c = createComplaint(T, complaint("FORMAL", "LETTER", "2026-10-01"));
        Map<String, Object> complainant = new LinkedHashMap<>();
        complainant.put("name", "J. de Klaager");
        complainant.put("email", "j.deklager@example.org");
        Response r = patch(T, c.get("id"), body(c, "category", "COMMUNICATIE", "complainant", complainant,
                "reason", "Bij intake de verkeerde categorie gekozen."));
        assertEquals(200, r.status(), () -> "correction: " + r.body());
        assertEquals("COMMUNICATIE", r.body().get("category"));
        assertEquals("J. de Klaager", ((Map<?, ?>) r.body().get("complainant")).get("name"));
        assertEquals(((Number) c.get("version")).intValue() + 1, ((Number) r.body().get("version")).intValue());

        List<Map<String, Object>> history = corrections(T, c.get("id"));
        assertEquals(1, history.size(), "one PATCH of three fields is one correction");
        Map<String, Object> k = history.get(0);
        assertEquals("Bij intake de verkeerde categorie gekozen.", k.get("reason"));
        assertEquals("Lars Leidinggevende", k.get("correctedBy"));
        assertNotNull(k.get("correctedAt"));
        Map<String, Object> category = change(k, "FIELD", "category");
        assertEquals("BEJEGENING", category.get("oldValue"));
        assertEquals("COMMUNICATIE", category.get("newValue"));
        assertEquals("J. de Klager", change(k, "FIELD", "complainant.name").get("oldValue"));
        assertEquals("j.deklager@example.org", change(k, "FIELD", "complainant.email").get("newValue"));
    }

    @Test
    void withoutAReasonTheKindTheReceivedDateOrTheCategoryIsNotCorrectedAndNothingIsSaved() {
        Map<String, Object> c = createComplaint(T, complaint("FORMAL", "LETTER", "2026-10-01"));
        for (Object[] change : List.of(new Object[] {"kind", "INFORMAL"}, new Object[] {"receivedOn", "2026-09-30"},
                new Object[] {"category", "COMMUNICATIE"})) {
            Response r = patch(T, c.get("id"), body(c, change[0].toString(), change[1], "reason", " "));
            assertTrue(fieldError(r, "reason").contains("reden"), r.body().toString());
        }
        Map<String, Object> after = getCase(T, c.get("id"), null);
        assertEquals(c.get("version"), after.get("version"), "nothing saved");
        assertEquals("FORMAL", after.get("kind"));
        assertEquals("2026-10-01", after.get("receivedOn"));
        assertEquals("BEJEGENING", after.get("category"));
        assertTrue(corrections(T, c.get("id")).isEmpty());
        // A misspelt name needs no reason.
        assertEquals(200, patch(T, c.get("id"), body(c, "complainant", Map.of("name", "J. de Klagers"))).status());
    }

    @Test
    void aCorrectionBasedOnAnOldVersionIsAConflictAndSavesNothing() {
        Map<String, Object> c = createComplaint(T, complaint("FORMAL", "LETTER", "2026-10-01"));
        event(T, c.get("id"), ev("ACKNOWLEDGED", "2026-10-02"));
        Response stale = patch(T, c.get("id"), body(c, "summary", "Een andere omschrijving van de klacht."));
        assertEquals(409, stale.status());
        assertTrue(message(stale.body()).contains("intussen door iemand anders gewijzigd"), message(stale.body()));
        assertEquals("De begeleiding kwam afspraken niet na.", getCase(T, c.get("id"), null).get("summary"));
        assertTrue(corrections(T, c.get("id")).isEmpty());
    }

    @Test
    void anotherReceivedDateMovesTheDecisionTermAndTheCorrectionSaysSo() {
        Map<String, Object> c = createComplaint(T, complaint("FORMAL", "LETTER", "2026-10-01"));
        Object dueBefore = obligation(c, "DECIDE").get("dueOn");
        Response r = patch(T, c.get("id"), body(c, "receivedOn", "2026-09-24",
                "reason", "De brief lag een week onopgemerkt bij de receptie."));
        assertEquals(200, r.status(), () -> "correction: " + r.body());
        Object dueAfter = obligation(r.body(), "DECIDE").get("dueOn");
        assertNotEquals(dueBefore, dueAfter, "the decision term starts a week earlier");
        Map<String, Object> term = change(corrections(T, c.get("id")).get(0), "TERM", "DECIDE");
        assertEquals(dueBefore, term.get("oldValue"));
        assertEquals(dueAfter, term.get("newValue"));
        String note = String.valueOf(term.get("note"));
        assertTrue(note.startsWith("Besluit nemen en schriftelijk meedelen: was "), note);
        assertTrue(note.contains("was " + LocalDate.parse(dueBefore.toString()).format(
                java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ", wordt "), note);
    }

    @Test
    void aReceivedDateUnderAnEarlierRegulationVersionMovesTheCaseToThatVersionWithANote() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2025-01-10");
        Map<String, Object> c = createComplaint("impuls", body);
        assertEquals("2", c.get("regulationVersion"));
        Response r = patch("impuls", c.get("id"), body(c, "receivedOn", "2024-12-20",
                "reason", "Poststempel: ontvangen vóór de nieuwe regeling."));
        assertEquals(200, r.status(), () -> "correction: " + r.body());
        assertEquals("1", r.body().get("regulationVersion"));
        Map<String, Object> version = change(corrections("impuls", c.get("id")).get(0), "VERSION",
                "regulationVersion");
        assertEquals("2", version.get("oldValue"));
        assertEquals("1", version.get("newValue"));
        assertTrue(String.valueOf(version.get("note")).contains("was versie 2, wordt versie 1"), version.toString());
    }

    @Test
    void theReceivedDateOfAClosedCaseIsOnRecordButAMisspeltNameMayStillBeCorrected() {
        Map<String, Object> c = createComplaint(T, complaint("INFORMAL", "PHONE", "2026-10-01"));
        event(T, c.get("id"), ev("RESOLVED_INFORMALLY", "2026-10-02", "text", "Opgelost aan de telefoon"));
        setAsideOpenDuties(T, c.get("id"), "2026-10-02");
        Map<String, Object> closed = event(T, c.get("id"), ev("CLOSED", "2026-10-02"));
        assertEquals("CLOSED", closed.get("status"));
        Response refused = patch(T, c.get("id"), body(closed, "receivedOn", "2026-09-30", "reason", "Eerder gebeld."));
        assertEquals(422, refused.status(), () -> refused.body().toString());
        assertTrue(message(refused.body()).contains("gesloten"), message(refused.body()));
        assertEquals("2026-10-01", getCase(T, c.get("id"), null).get("receivedOn"));
        assertTrue(corrections(T, c.get("id")).isEmpty());
        Response name = patch(T, c.get("id"), body(closed, "complainant", Map.of("name", "J. de Klaager")));
        assertEquals(200, name.status(), () -> name.body().toString());
        assertEquals("CLOSED", name.body().get("status"));
    }

    @Test
    void badInputNamesTheFieldAndSavesNothing() {
        Map<String, Object> c = createComplaint(T, complaint("FORMAL", "LETTER", "2026-10-01"));
        Object id = c.get("id");
        fieldError(patch(T, id, body(c, "colour", "rood")), "colour");
        fieldError(patch(T, id, body(c, "incidentOn", "1-10-2026")), "incidentOn");
        assertTrue(fieldError(patch(T, id, body(c, "complainant", Map.of("email", "geen adres"))),
                "complainant.email").contains("geen adres"));
        fieldError(patch(T, id, body(c, "category", "ONBEKEND", "reason", "test")), "category");
        fieldError(patch(T, id, body(c, "summary", "De begeleiding kwam afspraken niet na.")), "changes");
        fieldError(patch(T, id, Map.of("summary", "Zonder versie")), "expectedVersion");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        fieldError(patch(T, id, body(c, "receivedOn", tomorrow, "reason", "test")), "receivedOn");
        event(T, id, ev("ACKNOWLEDGED", "2026-10-02"));
        Map<String, Object> now = getCase(T, id, null);
        assertTrue(fieldError(patch(T, id, body(now, "receivedOn", "2026-10-05", "reason", "test")), "receivedOn")
                .contains("eerste stap"));
        assertTrue(corrections(T, id).isEmpty(), "nothing saved");
    }

    @Test
    void onlyTheHandlerOrALeidinggevendeMayCorrect() {
        Map<String, Object> c = createComplaint(T, complaint("FORMAL", "LETTER", "2026-10-01"));
        Map<String, Object> fix = body(c, "complainant", Map.of("phone", "0687654321"));
        assertEquals(403, patchAs(T + ".kwaliteit", T, c.get("id"), fix).status(), "the kwaliteitsmanager reads only");
        Response other = patchAs(T + ".medewerker", T, c.get("id"), fix);
        assertEquals(403, other.status(), "a medewerker who does not handle the case");
        assertTrue(message(other.body()).contains("behandelaar"), message(other.body()));
        assertEquals(200, patchAs(T + ".leidinggevende", T, c.get("id"), fix).status());
    }
}
