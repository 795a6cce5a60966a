package nl.klachtenregie.letter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.letter.LetterKind;
import nl.klachtenregie.letter.LetterService;
import nl.klachtenregie.letter.LetterSummary;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Briefsjablonen: the administrator tries a template on a sample case without saving, saves it only when it works,
 * and can go back to the default; the letters issued afterwards use what was saved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterTemplatePageTest extends PageTestSupport {

    private static final String ACK = "/t/impuls/beheer/brieven/acknowledgement";

    @Inject
    TenantDirectory tenants;
    @Inject
    LetterService letters;
    @Inject
    AuditLog audit;

    @Test
    void theOverviewShowsWhichLettersUseTheOrganisationsOwnTemplate() {
        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        Page page = admin.get("/t/iederzijnwerk/beheer/brieven");
        assertEquals(200, page.status());
        assertTrue(page.contains("data-kind=\"ACKNOWLEDGEMENT\" data-own=\"true\""), "imported from tenants/");
        assertTrue(page.contains("data-kind=\"DECISION\" data-own=\"false\""));
        assertTrue(page.contains("href=\"/t/iederzijnwerk/beheer/brieven\" aria-current=\"page\""));
        assertTrue(page.contains("href=\"/t/iederzijnwerk/beheer/brieven/not-admissible\""));
    }

    @Test
    void aPreviewRendersTheSampleCaseInASandboxedFrameWithoutSaving() {
        PageSession admin = loggedInAs("impuls.beheerder");
        Tenant impuls = tenants.resolve("impuls");
        LetterService.EditableTemplate before = letters.template(impuls, LetterKind.PROGRESS);
        admin.get("/t/impuls/beheer/brieven/progress");
        String body = "<p>Beste {{complainant.name}}, wij werken aan {{case.reference}}.</p>\n"
                + "<p>{{case.summary}}</p><script>alert('x')</script>";
        Page r = admin.post("/t/impuls/beheer/brieven/progress", Map.of("actie", "voorbeeld",
                "subject", "Stand van zaken {{case.reference}}", "body", body));
        assertEquals(200, r.status(), r.body());
        assertTrue(textOf(r.body(), "preview-subject").startsWith("Stand van zaken "), r.body());
        String frame = all(r.body(), "(<iframe id=\"preview-frame\"[^>]*>)").get(0);
        assertTrue(frame.contains("sandbox=\"\""), frame);
        String srcdoc = PostedForm.unescape(frame.substring(frame.indexOf("srcdoc=\"") + 8, frame.lastIndexOf('"')));
        assertTrue(srcdoc.contains("<p>Beste mevrouw A. de Vries, wij werken aan"), srcdoc);
        assertTrue(srcdoc.contains("Impuls, welzijn en Educatie"), "the letterhead of the tenant");
        assertFalse(r.contains("<script>alert"), "tenant HTML never runs in our page");
        assertEquals(body, PostedForm.of(r.body(), "template-form").get("body"), "the text stays in the editor");
        assertEquals(before, letters.template(impuls, LetterKind.PROGRESS), "nothing saved");
    }

    @Test
    void aSavedTemplateIsUsedForTheNextLetterAndResetGoesBackToTheDefault() {
        PageSession admin = loggedInAs("impuls.beheerder");
        Tenant impuls = tenants.resolve("impuls");
        admin.get(ACK);
        Page saved = admin.post(ACK, Map.of("actie", "opslaan", "subject", "Eigen bevestiging {{case.reference}}",
                "body", "<p>Wij hebben uw klacht van {{case.receivedOn}} ontvangen.</p>"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(ACK + "?gedaan=opgeslagen", saved.location());
        Page edit = admin.get(saved.location());
        assertEquals("true", all(edit.body(), "id=\"template-source\" data-own=\"([a-z]+)\"").get(0));
        assertEquals("Eigen bevestiging {{case.reference}}", PostedForm.of(edit.body(), "template-form").get("subject"));
        AuditLog.Entry entry = audit.recent(impuls.id(), 5).get(0);
        assertEquals("LETTER_TEMPLATE_SAVED", entry.action());
        assertEquals("ACKNOWLEDGEMENT", entry.subject());
        assertEquals("impuls.beheerder", entry.actor());

        Object id = createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-03-02")).get("id");
        LetterSummary letter = letters.issue(impuls, new ComplaintId(((Number) id).longValue()),
                LetterKind.ACKNOWLEDGEMENT, null);
        assertTrue(letter.subject().startsWith("Eigen bevestiging "), letter.subject());

        Page reset = admin.post(ACK + "/standaard", Map.of());
        assertEquals(303, reset.status());
        assertEquals(ACK + "?gedaan=standaard", reset.location());
        assertFalse(letters.template(impuls, LetterKind.ACKNOWLEDGEMENT).own());
        assertEquals("LETTER_TEMPLATE_RESET", audit.recent(impuls.id(), 5).get(0).action());
        LetterSummary again = letters.issue(impuls, new ComplaintId(((Number) id).longValue()),
                LetterKind.ACKNOWLEDGEMENT, null);
        assertTrue(again.subject().startsWith("Ontvangstbevestiging"), again.subject());
    }

    @Test
    void aSyntaxErrorIsRefusedWith422NamingTheLineAndKeepsTheText() {
        PageSession admin = loggedInAs("klimkoord.beheerder");
        Tenant klimkoord = tenants.resolve("klimkoord");
        String path = "/t/klimkoord/beheer/brieven/decision";
        admin.get(path);
        String body = "<p>Geachte {{complainant.name}},</p>\n<p>Ons besluit:</p>\n<p>{{decision.judgement</p>";
        for (String action : List.of("opslaan", "voorbeeld")) {
            Page r = admin.post(path, Map.of("actie", action, "subject", "Besluit", "body", body));
            assertEquals(422, r.status(), action);
            String error = textOf(r.body(), "template-error");
            assertNotNull(error, r.body());
            assertTrue(error.contains("regel 3"), error);
            assertEquals(body, PostedForm.of(r.body(), "template-form").get("body"));
        }
        Page raw = admin.post(path, Map.of("actie", "opslaan", "subject", "Besluit", "body", "<p>{{{case.summary}}}</p>"));
        assertEquals(422, raw.status(), "unescaped output is refused");
        Page malformed = admin.post(path, Map.of("actie", "opslaan", "subject", "Besluit", "body", "<p>open"));
        assertEquals(422, malformed.status(), "not well-formed XHTML");
        assertFalse(letters.template(klimkoord, LetterKind.DECISION).own(), "nothing saved");
    }

    @Test
    void onlyTheTenantsAdministratorEditsItsTemplates() {
        PageSession staff = loggedInAs("impuls.medewerker");
        assertEquals(403, staff.get("/t/impuls/beheer/brieven").status());
        assertEquals(403, staff.post(ACK, Map.of("actie", "opslaan", "subject", "X", "body", "<p>x</p>")).status());
        PageSession other = loggedInAs("klimkoord.beheerder");
        assertEquals(403, other.get(ACK).status());
        other.get("/t/klimkoord/beheer/brieven");
        assertEquals(403, other.post(ACK, Map.of("actie", "opslaan", "subject", "X", "body", "<p>x</p>")).status());
        assertEquals(403, other.post(ACK + "/standaard", Map.of()).status());
        PageSession admin = loggedInAs("impuls.beheerder");
        assertEquals(404, admin.get("/t/impuls/beheer/brieven/geen-brief").status());
        admin.get(ACK);
        assertEquals(403, admin.post(ACK, Map.of("actie", "opslaan", "subject", "X", "body", "<p>x</p>",
                "csrfToken", "vervalst")).status());
        assertFalse(letters.template(tenants.resolve("impuls"), LetterKind.ACKNOWLEDGEMENT).subject().equals("X"));
    }
}
