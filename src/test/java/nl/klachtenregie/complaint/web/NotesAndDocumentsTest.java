package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintRegister;
import nl.klachtenregie.complaint.DocumentSamples;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.support.ApiTestSupport;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notes and documents of a case (issue 16 section 3): internal notes never reach the complainant and only the full
 * register; documents are stored with their row or not at all, checked by content, served only as downloads of their
 * own case and tenant.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesAndDocumentsTest extends ApiTestSupport {

    private static final String IZW = "/api/tenants/iederzijnwerk/complaints";

    @Inject
    ComplaintRegister register;
    @Inject
    TenantDirectory tenants;
    @Inject
    Db db;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
    @Inject
    nl.klachtenregie.publicform.StatusLinks statusLinks;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(super.getProperties());
        // 20 MB uploads on a busy 2-core machine
        props.put("micronaut.http.client.read-timeout", "60s");
        return props;
    }

    private Object newCase(String tenant, String receivedOn) {
        return createComplaint(tenant, complaint("FORMAL", "LETTER", receivedOn)).get("id");
    }

    private Response note(String tenant, Object id, String text, boolean explains) {
        return post("/api/tenants/" + tenant + "/complaints/" + id + "/notes",
                Map.of("text", text, "explainsLateness", explains));
    }

    private Response upload(String tenant, Object id, String name, byte[] content, String kind) {
        MultipartBody.Builder b = MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE,
                content);
        if (kind != null) {
            b.addPart("kind", kind);
        }
        b.addPart("description", "bijlage bij de klacht");
        return send(HttpRequest.POST("/api/tenants/" + tenant + "/complaints/" + id + "/attachments", b.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private HttpResponse<byte[]> download(String tenant, Object id, Object attachmentId, String user) {
        return http.toBlocking().exchange(HttpRequest.GET("/api/tenants/" + tenant + "/complaints/" + id
                + "/attachments/" + attachmentId).basicAuth(user, DEMO_PASSWORD), byte[].class);
    }

    private long rows(String table) {
        return transactions.executeRead(s -> db.count("SELECT COUNT(*) FROM " + table));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNoteIsAddedAndListedWithItsAuthorButNeverShownOnTheComplainantsStatusPage() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        Response added = note("iederzijnwerk", id, "Intern: klager belt vaak, leidinggevende ingelicht.", false);
        assertEquals(201, added.status(), () -> added.body().toString());
        assertEquals("Intern: klager belt vaak, leidinggevende ingelicht.", added.body().get("text"));
        assertTrue(String.valueOf(added.body().get("author")).length() > 2, () -> added.body().toString());

        List<Map<String, Object>> notes = (List<Map<String, Object>>) (Object) retrieve(IZW + "/" + id + "/notes",
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals(1, notes.size());

        // The kwaliteitsmanager reads notes, but does not write them.
        String compliance = http.toBlocking().retrieve(HttpRequest.GET(IZW + "/" + id + "/notes")
                .basicAuth("iederzijnwerk.kwaliteit", DEMO_PASSWORD));
        assertTrue(compliance.contains("klager belt vaak"), compliance);
        Response refused = sendAs("iederzijnwerk.kwaliteit", HttpRequest.POST(IZW + "/" + id + "/notes",
                Map.of("text", "mag niet")));
        assertEquals(403, refused.status());

        Tenant t = tenants.resolve("iederzijnwerk");
        String token = statusLinks.issue(t, ((Number) id).longValue());
        String page = http.toBlocking().retrieve(HttpRequest.GET("/klacht/iederzijnwerk/status/" + token)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains("status") || page.length() > 100, "the status page opened");
        assertFalse(page.contains("klager belt vaak"), "an internal note is never shown to the complainant");
    }

    @Test
    void anEmptyNoteIsRefusedWithTheFieldNamed() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        Response r = note("iederzijnwerk", id, "   ", false);
        assertEquals(400, r.status());
        assertEquals("schrijf een notitie", ((Map<?, ?>) r.body().get("fieldErrors")).get("text"));
    }

    @Test
    void aNoteIsInTheFullRegisterAndTheMarkedOneExplainsTheLateCaseButNotesStayOutOfTheAnonymisedRegister() {
        // Received in August and never acknowledged: its terms ran out long before the register's day.
        Object id = newCase("iederzijnwerk", "2026-08-03");
        assertEquals(201, note("iederzijnwerk", id, "Geheim: de klager heeft ook bij de krant geklaagd.", false)
                .status());
        assertEquals(201, note("iederzijnwerk", id, "Eerste uitleg: behandelaar ziek.", true).status());
        assertEquals(201, note("iederzijnwerk", id, "De behandelaar was zes weken ziek; niemand nam het over.", true)
                .status());
        Tenant t = tenants.resolve("iederzijnwerk");
        LocalDate from = LocalDate.parse("2026-08-01");
        LocalDate to = LocalDate.parse("2026-08-31");
        LocalDate asOf = LocalDate.parse(TestDatabase.TODAY);
        long caseId = ((Number) id).longValue();

        ComplaintRegister.Row full = register.register(t.id(), from, to, asOf, ComplaintRegister.Variant.FULL,
                ComplaintRegister.Selection.RECEIVED).rows().stream().filter(r -> r.id() == caseId).findFirst()
                .orElseThrow();
        assertTrue(full.late(), "the case missed a term");
        assertEquals("De behandelaar was zes weken ziek; niemand nam het over.", full.explanation(),
                "the latest note marked as the explanation wins");
        assertEquals(3, full.internalNotes().size());
        assertTrue(full.internalNotes().get(0).text().contains("krant"));

        ComplaintRegister.Row anonymised = register.register(t.id(), from, to, asOf,
                ComplaintRegister.Variant.ANONYMISED, ComplaintRegister.Selection.RECEIVED).rows().stream()
                .filter(r -> r.id() == caseId).findFirst().orElseThrow();
        assertTrue(anonymised.internalNotes().isEmpty());
        assertEquals("De behandelaar was zes weken ziek; niemand nam het over.", anonymised.explanation(),
                "the handler marked this text as the report's explanation");
        assertFalse(anonymised.toString().contains("krant"), "an unmarked note is not in the anonymised register");
    }

    @Test
    void pdfPngDocxTxtAndTheOtherAllowedTypesComeBackByteIdenticalAsDownloads() throws Exception {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("klachtbrief.pdf", DocumentSamples.pdf());
        files.put("foto.png", DocumentSamples.png());
        files.put("foto 2.jpg", DocumentSamples.jpeg());
        files.put("verslag ondertekend.docx", DocumentSamples.docx());
        files.put("reactie.odt", DocumentSamples.odt());
        files.put("mail van klager.eml", DocumentSamples.eml());
        files.put("outlook.msg", DocumentSamples.msg());
        files.put("notitie één.txt", DocumentSamples.txt());
        Map<String, String> types = Map.of("klachtbrief.pdf", "application/pdf", "foto.png", "image/png",
                "notitie één.txt", "text/plain", "verslag ondertekend.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        for (var f : files.entrySet()) {
            Response r = upload("iederzijnwerk", id, f.getKey(), f.getValue(), "CORRESPONDENCE");
            assertEquals(201, r.status(), () -> f.getKey() + ": " + r.body());
            assertEquals(f.getKey(), r.body().get("fileName"));
            assertEquals((long) f.getValue().length, ((Number) r.body().get("sizeBytes")).longValue());
            HttpResponse<byte[]> d = download("iederzijnwerk", id, r.body().get("id"),
                    "iederzijnwerk.kwaliteit");
            assertEquals(200, d.code());
            assertArrayEquals(f.getValue(), d.body(), f.getKey());
            assertEquals("nosniff", d.header("X-Content-Type-Options"));
            String disposition = d.header("Content-Disposition");
            assertTrue(disposition.startsWith("attachment;"), disposition);
            assertTrue(disposition.contains("filename*=UTF-8''" + java.net.URLEncoder.encode(f.getKey(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")), disposition);
            if (types.containsKey(f.getKey())) {
                assertTrue(d.header("Content-Type").startsWith(types.get(f.getKey())), d.header("Content-Type"));
            }
        }
        List<Map> list = retrieve(IZW + "/" + id + "/attachments", io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals(files.size(), list.size());
        assertFalse(list.get(0).containsKey("storageKey"), "where the bytes are is not the client's business");
    }

    @Test
    void aFileOver20MegabytesIsRefusedWith413AndADutchMessageAndNothingIsStored() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        long before = rows("complaint_attachment");
        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy(DocumentSamples.pdf(), 0, big, 0, DocumentSamples.pdf().length);
        Response r = upload("iederzijnwerk", id, "scan.pdf", big, null);
        assertEquals(413, r.status(), () -> r.body().toString());
        assertTrue(String.valueOf(r.body().get("message")).contains("hoogstens 20 MB"), () -> r.body().toString());
        assertEquals(before, rows("complaint_attachment"));
    }

    @Test
    void aRequestAboveTheServersLimitGetsTheSameDutch413() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        long before = rows("complaint_attachment");
        // Above the server's request limit: the same Dutch message, not the framework's.
        byte[] huge = new byte[30 * 1024 * 1024];
        Response r2;
        try {
            r2 = upload("iederzijnwerk", id, "scan.pdf", huge, null);
        } catch (RuntimeException closed) {
            // The server answers 413 as soon as the headers say the body is too big and closes the connection; a
            // client still sending the body may then see the connection closed before it reads the answer. Either
            // way nothing may be stored.
            assertTrue(String.valueOf(closed.getMessage()).contains("Broken pipe")
                    || String.valueOf(closed.getMessage()).contains("closed")
                    || String.valueOf(closed.getMessage()).contains("reset"), closed::toString);
            assertEquals(before, rows("complaint_attachment"));
            return;
        }
        Response answered = r2;
        assertEquals(413, answered.status(), () -> answered.body().toString());
        assertTrue(String.valueOf(answered.body().get("message")).contains("hoogstens 20 MB"),
                () -> answered.body().toString());
        assertEquals(before, rows("complaint_attachment"));
    }

    @Test
    void aProgramOrAFileWhoseNameSaysAnotherTypeIsRefusedWith415NamingTheAllowedTypes() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        long before = rows("complaint_attachment");
        Response exe = upload("iederzijnwerk", id, "factuur.pdf", DocumentSamples.exe(), null);
        assertEquals(415, exe.status(), () -> exe.body().toString());
        assertTrue(String.valueOf(exe.body().get("message")).contains("Toegestaan zijn: PDF, PNG, JPEG"),
                () -> exe.body().toString());
        Response pngAsPdf = upload("iederzijnwerk", id, "x.pdf", DocumentSamples.png(), null);
        assertEquals(415, pngAsPdf.status());
        assertTrue(String.valueOf(pngAsPdf.body().get("message")).contains("past niet bij de inhoud"));
        Response zip = upload("iederzijnwerk", id, "overzicht.xlsx", DocumentSamples.xlsx(), null);
        assertEquals(415, zip.status());
        Response exeNamedExe = upload("iederzijnwerk", id, "setup.exe", DocumentSamples.txt(), null);
        assertEquals(415, exeNamedExe.status(), "a text file named .exe is still refused by its name");
        assertEquals(before, rows("complaint_attachment"));
    }

    @Test
    void aPathInTheNameIsDroppedAndAnUnknownKindIsABadRequest() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        Response r = upload("iederzijnwerk", id, "../../x.pdf", DocumentSamples.pdf(), "COMPLAINT_LETTER");
        assertEquals(201, r.status(), () -> r.body().toString());
        assertEquals("x.pdf", r.body().get("fileName"));
        assertEquals("COMPLAINT_LETTER", r.body().get("kind"));
        Response bad = upload("iederzijnwerk", id, "y.pdf", DocumentSamples.pdf(), "RECEIPT");
        assertEquals(400, bad.status());
        assertTrue(((Map<?, ?>) bad.body().get("fieldErrors")).containsKey("kind"));
    }

    @Test
    void anotherTenantsOrAnotherCasesDocumentIsNotFound() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        Object other = newCase("iederzijnwerk", "2026-11-03");
        Object attachment = upload("iederzijnwerk", id, "brief.pdf", DocumentSamples.pdf(), null).body().get("id");
        assertEquals(200, download("iederzijnwerk", id, attachment, "iederzijnwerk.medewerker").code());

        HttpClientResponseException otherCase = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> download("iederzijnwerk", other, attachment,
                        "iederzijnwerk.medewerker"));
        assertEquals(404, otherCase.getStatus().getCode());

        // Impuls's own case with the attachment's id: still not iederzijnwerk's document.
        Object impulsCase = createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        HttpClientResponseException otherTenant = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> download("impuls", impulsCase, attachment,
                        "impuls.leidinggevende"));
        assertEquals(404, otherTenant.getStatus().getCode());
        // And iederzijnwerk's path with an impuls user: the tenant is not theirs.
        HttpClientResponseException foreignUser = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> download("iederzijnwerk", id, attachment,
                        "impuls.leidinggevende"));
        assertTrue(foreignUser.getStatus().getCode() == 403 || foreignUser.getStatus().getCode() == 404);
    }

    @Test
    void aFailureAfterTheBytesWereWrittenLeavesNeitherRowNorBytes() {
        Object id = newCase("iederzijnwerk", "2026-11-02");
        long rowsBefore = rows("complaint_attachment");
        long bytesBefore = rows("complaint_attachment_content");
        DocumentSamples.FailAfterStore.ARMED.set(true);
        try {
            Response r = upload("iederzijnwerk", id, "brief.pdf", DocumentSamples.pdf(), null);
            assertEquals(500, r.status(), () -> r.body().toString());
            assertTrue(String.valueOf(r.body().get("message")).contains("Er is niets opgeslagen"));
        } finally {
            DocumentSamples.FailAfterStore.ARMED.set(false);
        }
        assertEquals(rowsBefore, rows("complaint_attachment"));
        assertEquals(bytesBefore, rows("complaint_attachment_content"));
    }
}
