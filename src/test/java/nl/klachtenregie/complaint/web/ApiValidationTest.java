package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad input gets 400/404/422 with a message a person understands; never a 500, never lost data. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiValidationTest extends ApiTestSupport {

    private static final String COMPLAINTS = "/api/tenants/iederzijnwerk/complaints";

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        Map<String, Object> body = complaint("SERIOUS", "PIGEON", "2026-13-45");
        body.remove("summary");
        body.put("incidentOn", "gisteren");
        Response r = post(COMPLAINTS, body);
        assertEquals(400, r.status());
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) r.body().get("fieldErrors");
        assertEquals("onbekende waarde 'SERIOUS'; kies uit FORMAL, INFORMAL", fields.get("kind"));
        assertTrue(fields.get("channel").contains("LETTER, EMAIL, WEB_FORM, PHONE, IN_PERSON"));
        assertTrue(fields.get("receivedOn").contains("geen geldige datum"));
        assertTrue(fields.get("incidentOn").contains("geen geldige datum"));
        assertEquals("verplicht", fields.get("summary"));
    }

    @Test
    void aMissingComplainantAndRoleAreNamed() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        body.remove("complainant");
        Response r = post(COMPLAINTS, body);
        assertEquals(400, r.status());
        assertTrue(((Map<?, ?>) r.body().get("fieldErrors")).containsKey("complainant"));

        Map<String, Object> noRole = complaint("FORMAL", "LETTER", "2026-09-01");
        ((Map<String, Object>) noRole.get("complainant")).remove("role");
        Response r2 = post(COMPLAINTS, noRole);
        assertEquals(400, r2.status());
        assertTrue(((Map<?, ?>) r2.body().get("fieldErrors")).containsKey("complainant.role"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAddressTheOutboxCannotSendToIsRefusedAtIntakeWithTheOtherFieldErrors() {
        // An underscore has no place in a domain name: the outbox could never send the acknowledgement there.
        Map<String, Object> body = complaint("FORMAL", "PIGEON", "2026-09-01");
        ((Map<String, Object>) body.get("complainant")).put("email", " bel@voor_beeld.nl ");
        Response r = post(COMPLAINTS, body);
        assertEquals(400, r.status());
        Map<String, String> fields = (Map<String, String>) r.body().get("fieldErrors");
        assertEquals("'bel@voor_beeld.nl' is geen geldig e-mailadres", fields.get("complainant.email"));
        assertTrue(fields.containsKey("channel"), "all errors at once: " + fields);

        ((Map<String, Object>) body.get("complainant")).put("email", "x".repeat(250) + "@voorbeeld.nl");
        Map<String, String> tooLong = (Map<String, String>) post(COMPLAINTS, body).body().get("fieldErrors");
        assertEquals("te lang (hoogstens 255 tekens)", tooLong.get("complainant.email"), "too long before format");
    }

    @Test
    void malformedJsonIsABadRequestWithAMessage() {
        Response r = send(HttpRequest.POST(COMPLAINTS, "{\"kind\": ").contentType(MediaType.APPLICATION_JSON));
        assertEquals(400, r.status());
        assertTrue(String.valueOf(r.body().get("message")).length() > 5, () -> r.body().toString());
    }

    @Test
    void aWrongTypeIsABadRequest() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        body.put("unwantedBehaviour", Map.of("a", 1));
        Response r = post(COMPLAINTS, body);
        assertEquals(400, r.status(), () -> r.body().toString());
    }

    @Test
    void aFlagThatIsNotTrueOrFalseIsNamedNotSilentlyFalse() {
        Map<String, Object> body = complaint("INFORMAL", "EMAIL", "2026-09-01");
        body.put("unwantedBehaviour", "ja");
        Response r = post("/api/tenants/klimkoord/complaints", body);
        assertEquals(400, r.status());
        assertTrue(((Map<?, ?>) r.body().get("fieldErrors")).get("unwantedBehaviour").toString()
                .contains("true of false"));
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Response weeks = post(COMPLAINTS + "/" + id + "/events", ev("EXTENSION_ANNOUNCED", "2026-09-02",
                "weeks", "vier"));
        assertEquals(400, weeks.status());
        assertTrue(((Map<?, ?>) weeks.body().get("fieldErrors")).containsKey("weeks"));
    }

    @Test
    void yearsOutsideTheCalendarWeUseAreRefused() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        body.put("incidentOn", "-5000-01-01");
        Response r = post(COMPLAINTS, body);
        assertEquals(400, r.status());
        assertTrue(((Map<?, ?>) r.body().get("fieldErrors")).containsKey("incidentOn"));
        assertEquals(400, get(COMPLAINTS + "/1?asOf=+999999999-12-31").status());
    }

    @Test
    void anUnknownCategoryOrServiceLineIsRefusedWithTheKnownOnes() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        body.put("category", "ONBEKEND");
        body.put("serviceLine", "RUIMTEVAART");
        Response r = post(COMPLAINTS, body);
        assertEquals(422, r.status());
        List<?> reasons = (List<?>) r.body().get("reasons");
        assertTrue(reasons.stream().anyMatch(x -> x.toString().startsWith("Onbekende categorie 'ONBEKEND'")));
        assertTrue(reasons.stream().anyMatch(x -> x.toString().startsWith("Onbekende dienst 'RUIMTEVAART'")));
    }

    @Test
    void aComplaintReceivedInTheFutureIsRefused() {
        Response r = post(COMPLAINTS, complaint("FORMAL", "LETTER", "2099-01-01"));
        assertEquals(422, r.status());
        assertTrue(r.body().get("message").toString().contains("in de toekomst"));
    }

    @Test
    void aComplaintFromBeforeTheFirstVersionIsRegisteredUnderItWithANote() {
        // IederZijnWerk's first version takes effect on an assumed 01-01-2023: an older complaint is not refused.
        Response r = post(COMPLAINTS, complaint("FORMAL", "LETTER", "2021-03-01"));
        assertEquals(201, r.status(), () -> r.body().toString());
        assertEquals("1", r.body().get("regulationVersion"));
        assertTrue(r.body().get("versionNote").toString().contains("vóór de ingangsdatum van versie 1 (01-01-2023)"),
                () -> r.body().toString());
    }

    @Test
    void badInputAboutDutiesNamesTheField() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Response lowerCase = post(COMPLAINTS + "/" + id + "/events", ev("DUTY_SET_ASIDE", "2026-09-02", "codes",
                List.of("acknowledge"), "reason", "x"));
        assertEquals(400, lowerCase.status());
        assertTrue(((Map<?, ?>) lowerCase.body().get("fieldErrors")).containsKey("codes"), lowerCase.body()::toString);
        Response unknown = post(COMPLAINTS + "/" + id + "/events", ev("TERM_SUSPENDED", "2026-09-02", "code",
                "CONTCT", "reason", "wacht op de klager"));
        assertEquals(400, unknown.status());
        assertTrue(((Map<?, ?>) unknown.body().get("fieldErrors")).get("codes").toString().contains("CONTCT"),
                unknown.body()::toString);
        Response noReason = post(COMPLAINTS + "/" + id + "/events", ev("DUTY_SET_ASIDE", "2026-09-02", "code",
                "ACKNOWLEDGE"));
        assertEquals(400, noReason.status());
        assertTrue(((Map<?, ?>) noReason.body().get("fieldErrors")).containsKey("reason"));
        Map<String, Object> noSuspension = refusedEvent("iederzijnwerk", id, ev("TERM_RESUMED", "2026-09-03"));
        assertTrue(noSuspension.get("message").toString().contains("geen opgeschorte termijn"), noSuspension::toString);
        Map<String, Object> notAllowed = refusedEvent("iederzijnwerk", id, ev("TERM_SUSPENDED", "2026-09-03", "code",
                "DECIDE", "reason", "wacht op de klager"));
        assertTrue(notAllowed.get("message").toString().contains("staat niet toe"), notAllowed::toString);
        Response badDate = post(COMPLAINTS + "/" + id + "/events", ev("EXTENSION_ANNOUNCED", "2026-09-03", "weeks", 4,
                "noticeDate", "gisteren"));
        assertEquals(400, badDate.status());
        assertTrue(((Map<?, ?>) badDate.body().get("fieldErrors")).containsKey("noticeDate"));
        assertEquals(List.of(), getCase("iederzijnwerk", id, null).get("events"), "nothing was recorded");
        var atUnknownRung = complaint("FORMAL", "LETTER", "2026-09-01");
        atUnknownRung.put("escalationLevel", "KLACHTENFUNCTIONARIS");
        Response rung = post(COMPLAINTS, atUnknownRung);
        assertEquals(400, rung.status());
        assertTrue(((Map<?, ?>) rung.body().get("fieldErrors")).containsKey("escalationLevel"), rung.body()::toString);
    }

    @Test
    void anEventDatedBeforeReceiptIsRefusedAndNothingIsStored() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Map<String, Object> error = refusedEvent("iederzijnwerk", id, ev("ACKNOWLEDGED", "2026-08-31"));
        assertEquals(List.of("De datum 31-08-2026 ligt vóór de ontvangst van de klacht (01-09-2026)."),
                error.get("reasons"));
        assertEquals(List.of(), getCase("iederzijnwerk", id, null).get("events"));
    }

    @Test
    void eventFieldsAreChecked() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Response noType = post(COMPLAINTS + "/" + id + "/events", Map.of("on", "2026-09-02"));
        assertEquals(400, noType.status());
        Response badType = post(COMPLAINTS + "/" + id + "/events", ev("PARTY", "2026-09-02"));
        assertEquals(400, badType.status());
        assertTrue(((Map<?, ?>) badType.body().get("fieldErrors")).get("type").toString().contains("ACKNOWLEDGED"));
        Response noJudgement = post(COMPLAINTS + "/" + id + "/events", ev("DECIDED", "2026-09-02"));
        assertEquals(400, noJudgement.status());
        Response noWeeks = post(COMPLAINTS + "/" + id + "/events", ev("EXTENSION_ANNOUNCED", "2026-09-02"));
        assertEquals(400, noWeeks.status());
        Response badSatisfaction = post(COMPLAINTS + "/" + id + "/events", ev("CLOSED", "2026-09-02",
                "satisfaction", 9));
        assertEquals(400, badSatisfaction.status());
        assertTrue(((Map<?, ?>) badSatisfaction.body().get("fieldErrors")).containsKey("satisfaction"));
    }

    @Test
    void unknownCasesAndBadIdsAreNotServerErrors() {
        assertEquals(404, get(COMPLAINTS + "/999999").status());
        assertEquals(400, get(COMPLAINTS + "/abc").status());
        assertEquals(400, get(COMPLAINTS + "?status=LOST").status());
        assertEquals(400, get(COMPLAINTS + "?overdue=maybe").status());
        assertEquals(400, get("/api/tenants/iederzijnwerk/kpis?year=twee").status());
        assertEquals(400, get(COMPLAINTS + "/1?asOf=morgen").status());
    }

    @Test
    void escalatingToALevelTheRulesDoNotOfferIsRefusedWithTheOptions() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Map<String, Object> error = refusedEvent("iederzijnwerk", id, ev("ESCALATED", "2026-09-02",
                "level", "DISPUTES_COMMITTEE"));
        assertTrue(error.get("message").toString().startsWith("Escaleren naar DISPUTES_COMMITTEE is nu niet mogelijk"),
                () -> error.toString());
    }

    @Test
    void aClosedCaseTakesNoMoreEvents() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Map<String, Object> early = refusedEvent("iederzijnwerk", id, ev("CLOSED", "2026-09-02"));
        assertTrue(early.get("message").toString().contains("pas gesloten na een beslissing"));
        event("iederzijnwerk", id, ev("DECIDED", "2026-09-10", "judgement", "UNFOUNDED"));
        setAsideOpenDuties("iederzijnwerk", id, "2026-09-11");
        Map<String, Object> closed = event("iederzijnwerk", id, ev("CLOSED", "2026-09-11", "satisfaction", 4));
        assertEquals("CLOSED", closed.get("status"));
        assertEquals(List.of(), closed.get("nextActions"));
        Map<String, Object> after = refusedEvent("iederzijnwerk", id, ev("CONTACTED", "2026-09-12"));
        assertEquals("Het dossier is gesloten; er kan niets meer aan worden toegevoegd.", after.get("message"));
    }
}
