package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A case rule's refusal and a field error reach the API client in the language of its {@code lang} cookie: English
 * for an English reader, today's Dutch otherwise.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsInTheReadersLanguageTest extends ApiTestSupport {

    private static final String TENANT = "iederzijnwerk";

    private Response postEvent(Object id, Map<String, Object> body, String lang) {
        return send(HttpRequest.POST("/api/tenants/" + TENANT + "/complaints/" + id + "/events", body)
                .header("Cookie", "lang=" + lang));
    }

    @Test
    void aCaseRuleRefusesInTheReadersLanguage() {
        Object id = createComplaint(TENANT, complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Response english = postEvent(id, ev("CLOSED", "2026-09-02"), "en");
        assertEquals(422, english.status(), () -> english.body().toString());
        String closing = "A case is closed only after a decision, an informal resolution, a declaration of "
                + "inadmissibility or a referral to an external body that takes over the complaint.";
        assertEquals(closing, english.body().get("message"));
        assertEquals(List.of(closing), english.body().get("reasons"));

        Response dutch = postEvent(id, ev("CLOSED", "2026-09-02"), "nl");
        assertEquals("Een dossier wordt pas gesloten na een beslissing, een informele oplossing, een "
                + "niet-ontvankelijkverklaring of een doorverwijzing naar een externe instantie die de klacht "
                + "overneemt.", dutch.body().get("message"));
    }

    @Test
    void aFieldErrorIsInTheReadersLanguage() {
        Object id = createComplaint(TENANT, complaint("FORMAL", "LETTER", "2026-09-01")).get("id");
        Map<String, Object> setAside = ev("DUTY_SET_ASIDE", "2026-09-02", "codes", List.of("GEEN_PLICHT"),
                "reason", "Niet nodig.");
        Response english = postEvent(id, setAside, "en");
        assertEquals(400, english.status(), () -> english.body().toString());
        assertEquals(true, String.valueOf(((Map<?, ?>) english.body().get("fieldErrors")).get("codes"))
                .startsWith("this case has no duty GEEN_PLICHT; it does have: "), () -> english.body().toString());
        assertEquals(true, String.valueOf(english.body().get("message")).startsWith("Invalid input: codes: "));

        Response dutch = postEvent(id, setAside, "nl");
        assertEquals(true, String.valueOf(((Map<?, ?>) dutch.body().get("fieldErrors")).get("codes"))
                .startsWith("dit dossier heeft geen plicht GEEN_PLICHT; wel: "), () -> dutch.body().toString());
    }
}
