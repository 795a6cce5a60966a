package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.support.Html;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gegevens corrigeren on the pages (issue 16): the handler corrects intake on a prefilled form, a field error keeps
 * what was typed, a stale page saves nothing, and the case's timeline shows the correction (old and new value, who,
 * when, why) in the page's words.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseCorrectionPagesTest extends CasePagesTestSupport {

    private static final String T = "iederzijnwerk";

    @Inject
    ComplaintService complaints;

    @Inject
    TenantDirectory tenants;

    private Object caseHandledByTheMedewerker(String receivedOn) {
        Object id = createComplaint(T, complaint("FORMAL", "LETTER", receivedOn)).get("id");
        complaints.assign(tenants.resolve(T), new ComplaintId(((Number) id).longValue()),
                new UserId(userId(T + ".medewerker")), null);
        return id;
    }

    private static String correctPath(Object id) {
        return casePath(T, id) + "/corrigeren";
    }

    @Test
    void theHandlerCorrectsOnAPrefilledFormAndTheTimelineShowsOldNewWhoWhenAndWhy() {
        Object id = caseHandledByTheMedewerker("2026-10-01");
        PageSession staff = loggedInAs(T + ".medewerker");
        Page detail = detail(staff, T, id);
        assertEquals(correctPath(id), Html.one(detail.body(), "a#correct-link").attr("href"));

        Page form = staff.get(correctPath(id));
        assertEquals(200, form.status(), form::body);
        Map<String, String> values = Html.one(form.body(), "form#correction-form").formValues();
        assertEquals("J. de Klager", values.get("complainantName"));
        assertEquals("2026-10-01", values.get("receivedOn"));
        assertEquals("BEJEGENING", values.get("category"));
        assertTrue(values.containsKey("version"), "the row version travels with the form");

        values.put("complainantName", "J. de Klaager");
        values.put("complainantEmail", "geen adres");
        values.put("receivedOn", "2026-09-28");
        values.put("reason", "");
        Page bad = staff.post(correctPath(id), values);
        assertEquals(400, bad.status());
        assertTrue(Html.exists(bad.body(), "#error-complainantEmail"), "the e-mail field names its error");
        assertTrue(Html.exists(bad.body(), "#error-reason"), "a new received date needs a reason");
        Map<String, String> kept = Html.one(bad.body(), "form#correction-form").formValues();
        assertEquals("J. de Klaager", kept.get("complainantName"), "what was typed stays");
        assertEquals("geen adres", kept.get("complainantEmail"));
        assertEquals("2026-09-28", kept.get("receivedOn"));

        kept.put("complainantEmail", "j.deklaager@example.org");
        kept.put("reason", "De brief was al op 28 september binnen.");
        Page saved = staff.post(correctPath(id), kept);
        assertEquals(303, saved.status(), saved::body);

        Page after = detail(staff, T, id);
        Html.Element entry = timeline(after, "CORRECTION").get(0);
        String text = entry.text();
        assertTrue(text.contains(label("event.CORRECTION")), text);
        assertTrue(text.contains(displayName(T + ".medewerker")), "who: " + text);
        assertTrue(text.contains("was J. de Klager, wordt J. de Klaager"), text);
        assertTrue(text.contains("was 01-10-2026, wordt 28-09-2026"), text);
        assertTrue(text.contains("De brief was al op 28 september binnen."), "why: " + text);
        assertTrue(text.matches("(?s).*gecorrigeerd op \\d\\d-\\d\\d-\\d{4} om \\d\\d:\\d\\d.*"), "when: " + text);
        assertTrue(text.contains(label("obligation.DECIDE") + ": was "), "the moved term: " + text);
        assertFalse(text.matches("(?s).*\\d{4}-\\d\\d-\\d\\d.*"), "no ISO dates: " + text);
        assertTrue(text.contains(label("field.receivedOn")), text);
    }

    @Test
    void aStalePageSavesNothingAndSaysSomeoneElseChangedTheCase() {
        Object id = caseHandledByTheMedewerker("2026-10-01");
        PageSession staff = loggedInAs(T + ".medewerker");
        Map<String, String> values = Html.one(staff.get(correctPath(id)).body(), "form#correction-form").formValues();
        event(T, id, ev("ACKNOWLEDGED", "2026-10-02"));
        values.put("summary", "Een betere omschrijving van de klacht.");
        Page stale = staff.post(correctPath(id), values);
        assertEquals(409, stale.status());
        assertTrue(Html.exists(stale.body(), "#correction-stale"), stale.body());
        assertTrue(Html.one(stale.body(), "form#correction-form").formValues().get("summary")
                .contains("Een betere omschrijving"), "the input is kept");
        assertEquals("De begeleiding kwam afspraken niet na.", getCase(T, id, null).get("summary"));
    }

    @Test
    void nothingChangedIsSaidAndNothingIsStored() {
        Object id = caseHandledByTheMedewerker("2026-10-01");
        PageSession staff = loggedInAs(T + ".medewerker");
        Map<String, String> values = Html.one(staff.get(correctPath(id)).body(), "form#correction-form").formValues();
        Page same = staff.post(correctPath(id), values);
        assertEquals(400, same.status());
        assertTrue(Html.exists(same.body(), "#error-changes"));
        assertTrue(timeline(detail(staff, T, id), "CORRECTION").isEmpty());
    }

    @Test
    void anotherMedewerkerAndTheKwaliteitsmanagerCannotCorrect() {
        Object unassigned = createComplaint(T, complaint("FORMAL", "LETTER", "2026-10-01")).get("id");
        PageSession staff = loggedInAs(T + ".medewerker");
        assertFalse(Html.exists(detail(staff, T, unassigned).body(), "a#correct-link"));
        assertEquals(403, staff.get(correctPath(unassigned)).status());
        PageSession quality = loggedInAs(T + ".kwaliteit");
        assertFalse(Html.exists(detail(quality, T, unassigned).body(), "a#correct-link"));
        assertEquals(403, quality.get(correctPath(unassigned)).status());
        PageSession manager = loggedInAs(T + ".leidinggevende");
        assertTrue(Html.exists(detail(manager, T, unassigned).body(), "a#correct-link"));
        assertEquals(200, manager.get(correctPath(unassigned)).status());
    }

    @Test
    void aReceivedDateUnderAnEarlierVersionShowsBothVersionsOnTheTimelineInTheReadersLanguage() {
        Object id = createComplaint("impuls", complaint("FORMAL", "LETTER", "2025-01-10")).get("id");
        PageSession manager = loggedInAs("impuls.leidinggevende");
        String path = casePath("impuls", id) + "/corrigeren";
        Map<String, String> values = Html.one(manager.get(path).body(), "form#correction-form").formValues();
        values.put("receivedOn", "2024-12-20");
        values.put("reason", "Poststempel 20 december 2024.");
        assertEquals(303, manager.post(path, values).status());
        Page after = detail(manager, "impuls", id);
        String text = timeline(after, "CORRECTION").get(0).text();
        assertTrue(text.contains(label("correction.versionLabel")), text);
        assertTrue(text.contains("was versie 2, wordt versie 1"), text);
        manager.cookies().put("lang", "en");
        String english = timeline(detail(manager, "impuls", id), "CORRECTION").get(0).text();
        assertTrue(english.contains("Details corrected"), english);
        assertTrue(english.contains("was version 2, now version 1"), english);
        assertTrue(english.contains("was 10-01-2025, now 20-12-2024"), english);
    }
}
