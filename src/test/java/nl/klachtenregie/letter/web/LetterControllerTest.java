package nl.klachtenregie.letter.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.letter.LetterKind;
import nl.klachtenregie.letter.LetterService;
import nl.klachtenregie.letter.LetterSummary;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Issuing a letter from the case page and downloading it: who may, with a CSRF token, within the own tenant. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterControllerTest extends PageTestSupport {

    @Inject
    LetterService letters;
    @Inject
    TenantDirectory tenants;

    @Test
    void aHandlerIssuesALetterAndDownloadsItAsPdf() {
        long id = newCase();
        PageSession staff = signedIn("impuls.medewerker");

        Page issued = staff.post(letters(id), Map.of("kind", "ACKNOWLEDGEMENT"));

        assertEquals(303, issued.status(), issued::body);
        assertEquals("/t/impuls/klachten/" + id + "#letters", issued.location());
        List<LetterSummary> stored = letters.ofCase(tenants.resolve("impuls"), new ComplaintId(id));
        assertEquals(1, stored.size());
        assertEquals(LetterKind.ACKNOWLEDGEMENT, stored.get(0).kind());
        assertEquals("Mila Medewerker", stored.get(0).issuedBy());

        HttpResponse<byte[]> pdf = staff.download(letters(id) + "/" + stored.get(0).id().value() + ".pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf.body(), 4));
        String reference = reference(id);
        assertEquals("attachment; filename=\"" + reference + "-ontvangstbevestiging.pdf\"",
                pdf.headers().firstValue("content-disposition").orElse(""));
        // the quality manager reads letters too
        assertEquals(200, signedIn("impuls.kwaliteit")
                .download(letters(id) + "/" + stored.get(0).id().value() + ".pdf").statusCode());
    }

    @Test
    void issuingWithoutCsrfTokenIsForbidden() {
        long id = newCase();
        PageSession staff = signedIn("impuls.medewerker");

        assertEquals(403, staff.postRaw(letters(id), Map.of("kind", "ACKNOWLEDGEMENT")).status());
        assertEquals(403, staff.postRaw(letters(id), Map.of("kind", "ACKNOWLEDGEMENT", "csrfToken", "vervalst"))
                .status());
        assertTrue(letters.ofCase(tenants.resolve("impuls"), new ComplaintId(id)).isEmpty());
    }

    @Test
    void theQualityManagerMayNotIssueLetters() {
        long id = newCase();

        assertEquals(403, signedIn("impuls.kwaliteit").post(letters(id), Map.of("kind", "ACKNOWLEDGEMENT")).status());
        assertTrue(letters.ofCase(tenants.resolve("impuls"), new ComplaintId(id)).isEmpty());
    }

    @Test
    void anotherTenantsUserCanNeitherIssueNorDownload() {
        long id = newCase();
        LetterSummary letter = letters.issue(tenants.resolve("impuls"), new ComplaintId(id),
                LetterKind.ACKNOWLEDGEMENT, null);
        PageSession other = signedIn("klimkoord.medewerker");

        assertEquals(403, other.post(letters(id), Map.of("kind", "PROGRESS")).status());
        assertEquals(403, other.download(letters(id) + "/" + letter.id().value() + ".pdf").statusCode());
        // under its own path the case and the letter do not exist
        assertEquals(404, other.post("/t/klimkoord/klachten/" + id + "/brieven", Map.of("kind", "PROGRESS")).status());
        assertEquals(404, other.download("/t/klimkoord/klachten/" + id + "/brieven/" + letter.id().value() + ".pdf")
                .statusCode());
        assertEquals(1, letters.ofCase(tenants.resolve("impuls"), new ComplaintId(id)).size());
    }

    @Test
    void badInputIsAnsweredWith400AndAnUnfittingKindWith422() {
        long id = newCase();
        PageSession staff = signedIn("impuls.leidinggevende");

        assertEquals(400, staff.post(letters(id), Map.of("kind", "LOVE_LETTER")).status());
        assertEquals(400, staff.post(letters(id), Map.of()).status());
        assertEquals(400, staff.post("/t/impuls/klachten/abc/brieven", Map.of("kind", "PROGRESS")).status());
        Page refused = staff.post(letters(id), Map.of("kind", "DECISION"));
        assertEquals(422, refused.status());
        assertTrue(refused.contains("nog geen besluit"), refused::body);
        assertEquals(404, staff.download(letters(id) + "/999999.pdf").statusCode());
        assertEquals(400, staff.download(letters(id) + "/nul.pdf").statusCode());
    }

    private long newCase() {
        return ((Number) createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-09-01")).get("id")).longValue();
    }

    private String reference(long id) {
        return (String) getCase("impuls", id, null).get("reference");
    }

    private static String letters(long id) {
        return "/t/impuls/klachten/" + id + "/brieven";
    }

    /** Signed in, with the CSRF token of the new session (login starts a fresh session). */
    private PageSession signedIn(String username) {
        PageSession s = loggedInAs(username);
        Page page = s.get("/login");
        assertTrue(page.contains("csrfToken"), "a page with the session's CSRF token");
        return s;
    }
}
