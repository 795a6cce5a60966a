package nl.klachtenregie.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.letter.LetterKind;
import nl.klachtenregie.letter.LetterService;
import nl.klachtenregie.publicform.StatusLinks;
import nl.klachtenregie.support.Closing;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bewaartermijn en de rechten van de klager (AVG art. 5 lid 1 onder e, 15 en 17): a closed case is anonymised once
 * the tenant's retention period after closing ran out, by exactly one of several runs, keeping what the KPIs count;
 * a legal hold keeps it; the complainant's status link offers a copy of what they submitted and of the letters; the
 * kwaliteitsmanager exports one complainant's cases (and nothing of anyone else or another tenant) and erases the
 * closed ones at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionAndRightsTest extends PageTestSupport {

    private static final String T = "iederzijnwerk";

    @Inject
    ComplaintService complaints;
    @Inject
    Retention retention;
    @Inject
    TenantDirectory tenants;
    @Inject
    LetterService letters;
    @Inject
    StatusLinks links;
    @Inject
    AuditLog audit;
    @Inject
    MovableClock clock;
    @Inject
    Attachments attachments;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestDatabase.freshSchemaProperties());
        props.put(MovableClock.PROPERTY, "true");
        return props;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Tenant tenant(String slug) {
        return tenants.resolve(slug);
    }

    /** A formal complaint received by letter on {@code on}, with the clock on that day. */
    private CaseView receive(String slug, String on, String name, String email, String summary) {
        clock.set(on);
        Tenant t = tenant(slug);
        return complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, LocalDate.parse(on), null,
                new Complainant(name, ComplainantRole.CLIENT, email, "0612345678", "Dorpsstraat 1", "Zwolle"),
                summary, t.profile().categories().get(0).code(), null, "J. Medewerker", false, false));
    }

    /** Decided with reasons on {@code on} and closed the same day (the clock on that day). */
    private CaseView decideAndClose(String slug, CaseView c, String on) {
        clock.set(on);
        Tenant t = tenant(slug);
        LocalDate day = LocalDate.parse(on);
        Closing.record(complaints, t, c, new NewEvent(EventType.DECIDED, day, null, null, null,
                Judgement.WELL_FOUNDED, "Nieuwe afspraken met de heer Pietersen", day.plusMonths(1),
                "De begeleider van mevrouw Pietersen kwam drie keer niet; dat had niet mogen gebeuren.", null, null,
                null));
        return Closing.record(complaints, t, c, NewEvent.of(EventType.CLOSED, day));
    }

    private long anonymisedEntries(String slug, String reference) {
        return audit.recent(tenant(slug).id(), 1000).stream()
                .filter(e -> e.action().equals("CASE_ANONYMISED") && e.subject().equals(reference)).count();
    }

    @Test
    void aClosedCaseIsAnonymisedWhenItsRetentionPeriodRanOutKeepingWhatTheKpisCountAndAHeldCaseIsSkipped() {
        CaseView expired = receive(T, "2024-01-10", "A. Pietersen", "a.pietersen@example.org",
                "Mijn begeleider kwam drie keer niet opdagen.");
        CaseView held = receive(T, "2024-01-11", "B. Held", "b.held@example.org", "Een klacht die bewaard moet worden.");
        CaseView open = receive(T, "2024-01-12", "C. Open", "c.open@example.org", "Nog in behandeling.");
        decideAndClose(T, expired, "2024-02-20");
        decideAndClose(T, held, "2024-02-20");
        assertEquals(2, tenant(T).profile().retentionYearsAfterClosing(), "the seed tenant keeps cases 2 years");

        clock.set("2026-02-19");
        Tenant t = tenant(T);
        retention.setLegalHold(t, new ComplaintId(held.id()), "Geschil bij de Geschillencommissie", "test",
                clock.today());
        Map<String, Object> kpisBefore = kpis();
        retention.run(t);
        assertNull(retention.state(t, new ComplaintId(expired.id())).anonymisedOn(),
                "closed 20-02-2024: kept through 19-02-2026");

        clock.set("2026-02-20");
        Retention.RunResult first = retention.run(t);
        assertTrue(first.anonymised() >= 1, first::toString);
        CaseView after = complaints.get(t, Viewer.SYSTEM, new ComplaintId(expired.id()), null);
        assertEquals("geanonimiseerd op 20-02-2026", after.complainant().name());
        assertNull(after.complainant().email());
        assertNull(after.complainant().phone());
        assertNull(after.complainant().address());
        assertNull(after.concernsEmployee());
        assertEquals("geanonimiseerd op 20-02-2026", after.summary());
        CaseView.EventView decided = after.events().stream().filter(e -> e.type() == EventType.DECIDED).findFirst()
                .orElseThrow();
        assertEquals("geanonimiseerd op 20-02-2026", decided.motivation());
        // A single text or a list of measures: every description is replaced, a measure's date stays.
        String measures = String.valueOf(decided.measures());
        assertTrue(measures.contains("geanonimiseerd op 20-02-2026") && !measures.contains("Pietersen"), measures);
        // What the KPIs and reports count stays.
        assertEquals(Judgement.WELL_FOUNDED, decided.judgement());
        assertEquals(CaseStatus.CLOSED, after.status());
        assertEquals(expired.category(), after.category());
        assertEquals(expired.receivedOn(), after.receivedOn());
        assertEquals(kpisBefore, kpis(), "the KPIs count the same cases the same way");

        assertNull(retention.state(t, new ComplaintId(held.id())).anonymisedOn(), "a legal hold is skipped");
        assertEquals("B. Held", complaints.get(t, Viewer.SYSTEM, new ComplaintId(held.id()), null).complainant().name());
        assertEquals("C. Open", complaints.get(t, Viewer.SYSTEM, new ComplaintId(open.id()), null).complainant().name());

        AuditLog.Entry logged = audit.recent(t.id(), 1000).stream()
                .filter(e -> e.action().equals("CASE_ANONYMISED") && e.subject().equals(expired.reference()))
                .findFirst().orElseThrow();
        assertEquals(Retention.RETENTION_RUN, logged.actor());
        assertFalse(logged.detail().contains("Pietersen") || logged.detail().contains("example.org"),
                "the log holds no personal data: " + logged.detail());

        // Anonymising twice is a no-op.
        clock.set("2026-03-01");
        assertEquals(0, retention.run(t).anonymised());
        assertEquals(1, anonymisedEntries(T, expired.reference()));
        assertEquals("geanonimiseerd op 20-02-2026",
                complaints.get(t, Viewer.SYSTEM, new ComplaintId(expired.id()), null).complainant().name());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> kpis() {
        Response r = sendAs(T + ".kwaliteit", HttpRequest.GET("/api/tenants/" + T + "/kpis?year=2024"));
        assertEquals(200, r.status(), () -> "kpis: " + r.body());
        return r.body();
    }

    @Test
    void twoRunsInParallelAnonymiseEachCaseExactlyOnce() throws Exception {
        List<CaseView> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CaseView c = receive(T, "2023-05-0" + (i + 1), "Parallel " + i, "p" + i + "@example.org", "Klacht " + i);
            cases.add(decideAndClose(T, c, "2023-06-1" + i));
        }
        clock.set("2026-01-05");
        Tenant t = tenant(T);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Retention.RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return retention.run(t);
                }));
            }
            start.countDown();
            int anonymised = 0;
            for (Future<Retention.RunResult> run : runs) {
                anonymised += run.get().anonymised();
            }
            for (CaseView c : cases) {
                assertNotNull(retention.state(t, new ComplaintId(c.id())).anonymisedOn(), c.reference());
                assertEquals(1, anonymisedEntries(T, c.reference()), "logged once: " + c.reference());
            }
            assertTrue(anonymised >= cases.size(), "every case anonymised by one of the runs");
            assertEquals(0, retention.run(t).anonymised(), "nothing left for a third run");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStatusPageOffersAPdfOfWhatTheComplainantSubmittedAndTheLettersSentToThem() throws Exception {
        CaseView c = receive(T, "2026-11-02", "D. de Boer", "d.deboer@example.org",
                "De taxi kwam niet en niemand belde terug.");
        Tenant t = tenant(T);
        letters.issue(t, new ComplaintId(c.id()), LetterKind.ACKNOWLEDGEMENT, null);
        String token = links.issue(t, c.id());

        Page status = anonymous().get("/klacht/" + T + "/status/" + token);
        assertEquals(200, status.status());
        assertTrue(status.body().contains("/klacht/" + T + "/status/" + token + "/kopie.pdf"), "the page links the copy");

        HttpResponse<byte[]> pdf = http.toBlocking().exchange(HttpRequest.GET("/klacht/" + T + "/status/" + token
                + "/kopie.pdf"), byte[].class);
        assertEquals(200, pdf.code());
        assertEquals("application/pdf", pdf.getContentType().orElseThrow().toString());
        assertTrue(pdf.header("Content-Disposition").startsWith("attachment"));
        assertEquals("no-store", pdf.header("Cache-Control"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("De taxi kwam niet en niemand belde terug."), text);
            assertTrue(text.contains("D. de Boer"), text);
            assertTrue(text.contains("d.deboer@example.org"), text);
            assertTrue(doc.getNumberOfPages() >= 2, "the letter follows the intake");
            assertTrue(text.contains(c.reference()), text);
        }
        HttpClientResponseException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.GET("/klacht/" + T
                        + "/status/" + "x".repeat(43) + "/kopie.pdf"), byte[].class));
        assertEquals(404, unknown.getStatus().getCode());
    }

    @Test
    void theInzageExportHoldsThisComplainantsCasesAndNothingOfOthersOrAnotherTenant() throws Exception {
        CaseView first = receive(T, "2026-10-01", "E. Jansen", "e.jansen@example.org", "Eerste klacht van Jansen.");
        CaseView second = receive(T, "2026-10-15", "E. Jansen", "E.Jansen@example.org", "Tweede klacht van Jansen.");
        CaseView other = receive(T, "2026-10-16", "F. Ander", "f.ander@example.org", "Klacht van iemand anders.");
        CaseView elsewhere = receive("impuls", "2026-10-17", "E. Jansen", "e.jansen@example.org",
                "Klacht bij een andere organisatie.");
        clock.set("2026-11-02");
        letters.issue(tenant(T), new ComplaintId(first.id()), LetterKind.ACKNOWLEDGEMENT, null);

        String officer = T + ".kwaliteit";
        HttpResponse<List<Map<String, Object>>> list = http.toBlocking().exchange(HttpRequest.GET("/api/tenants/" + T
                        + "/privacy/cases?email=e.jansen@example.org").basicAuth(officer, DEMO_PASSWORD),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        List<String> references = list.body().stream().map(m -> (String) m.get("reference")).toList();
        assertEquals(List.of(first.reference(), second.reference()), references);

        HttpResponse<byte[]> zip = http.toBlocking().exchange(HttpRequest.POST("/api/tenants/" + T
                + "/privacy/subject-access", Map.of("complaintIds", List.of(first.id(), second.id())))
                .basicAuth(officer, DEMO_PASSWORD), byte[].class);
        assertEquals(200, zip.code());
        Map<String, byte[]> files = unzip(zip.body());
        String json = new String(files.get("dossiers.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains(first.reference()) && json.contains(second.reference()), json);
        assertTrue(json.contains("Eerste klacht van Jansen.") && json.contains("Tweede klacht van Jansen."));
        assertFalse(json.contains(other.reference()) || json.contains("F. Ander"), "nobody else's case");
        assertFalse(json.contains("andere organisatie"), "nothing of another tenant");
        assertTrue(files.keySet().stream().anyMatch(n -> n.startsWith("brieven/") && n.endsWith(".pdf")
                && n.contains(first.reference())), files.keySet()::toString);
        assertTrue(files.containsKey("LEESMIJ.txt"));
        assertTrue(audit.recent(tenant(T).id(), 50).stream().anyMatch(e -> e.action().equals("SUBJECT_ACCESS_EXPORTED")
                && e.detail().contains(first.reference()) && !e.detail().contains("Jansen")), "logged");

        // Another tenant's case is not found, and only the kwaliteitsmanager exports.
        Response foreign = sendAs(officer, HttpRequest.POST("/api/tenants/" + T + "/privacy/subject-access",
                Map.of("complaintIds", List.of(elsewhere.id()))));
        assertEquals(404, foreign.status());
        Response staff = sendAs(T + ".medewerker", HttpRequest.POST("/api/tenants/" + T + "/privacy/subject-access",
                Map.of("complaintIds", List.of(first.id()))));
        assertEquals(403, staff.status());
        Response none = sendAs(officer, HttpRequest.POST("/api/tenants/" + T + "/privacy/subject-access",
                Map.of("complaintIds", List.of())));
        assertEquals(400, none.status());
        Response noTerm = sendAs(officer, HttpRequest.GET("/api/tenants/" + T + "/privacy/cases?name=x"));
        assertEquals(400, noTerm.status());
    }

    /**
     * AVG art. 15 and 17 for the rest of the dossier: the inzage export holds the case's internal notes, its documents
     * as uploaded and its corrections; erasing the case removes notes and documents and the corrected values.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDossiersNotesDocumentsAndCorrectionsAreExportedAndGoWhenTheCaseIsAnonymised() throws Exception {
        CaseView c = receive(T, "2026-06-01", "H. Dossier", "h.dossier@example.org", "Klacht met een dossier.");
        String base = "/api/tenants/" + T + "/complaints/" + c.id();
        String manager = T + ".leidinggevende";
        assertEquals(201, sendAs(manager, HttpRequest.POST(base + "/notes", Map.of("text",
                "Gebeld met mevrouw Dossier over haar buurvrouw."))).status());
        byte[] letter = "Brief van H. Dossier over de zorg.".getBytes(StandardCharsets.UTF_8);
        long documentId = attachments.upload(tenant(T), Viewer.SYSTEM, new ComplaintId(c.id()), new Attachments.Upload("brief.txt",
                letter, "COMPLAINT_LETTER", null), null).id();
        int version = ((Number) getCase(T, c.id(), null).get("version")).intValue();
        Response corrected = sendAs(manager, HttpRequest.PATCH(base, Map.of("complainant",
                Map.of("phone", "0687654321"), "expectedVersion", version, "reason", "Nummer van H. Dossier verbeterd")));
        assertEquals(200, corrected.status(), corrected::toString);

        clock.set("2026-07-01");
        String officer = T + ".kwaliteit";
        HttpResponse<byte[]> zip = http.toBlocking().exchange(HttpRequest.POST("/api/tenants/" + T
                + "/privacy/subject-access", Map.of("complaintIds", List.of(c.id())))
                .basicAuth(officer, DEMO_PASSWORD), byte[].class);
        Map<String, byte[]> files = unzip(zip.body());
        String folder = "dossier/" + c.reference() + "/";
        assertTrue(new String(files.get(folder + "notities.json"), StandardCharsets.UTF_8)
                .contains("buurvrouw"), files.keySet()::toString);
        assertTrue(new String(files.get(folder + "correcties.json"), StandardCharsets.UTF_8).contains("0687654321"));
        assertTrue(files.entrySet().stream().anyMatch(e -> e.getKey().startsWith(folder + "documenten/")
                && java.util.Arrays.equals(letter, e.getValue())), "the document as uploaded");

        decideAndClose(T, c, "2026-07-01");
        clock.set("2026-11-02");
        HttpResponse<List<Map<String, Object>>> erased = http.toBlocking().exchange(HttpRequest.POST("/api/tenants/"
                        + T + "/privacy/erasure", Map.of("complaintIds", List.of(c.id())))
                .basicAuth(officer, DEMO_PASSWORD), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals("ANONYMISED", erased.body().get(0).get("outcome"));

        String notes = http.toBlocking().retrieve(HttpRequest.GET(base + "/notes").basicAuth(manager, DEMO_PASSWORD));
        assertFalse(notes.contains("buurvrouw"), "the notes are gone");
        String documents = http.toBlocking().retrieve(HttpRequest.GET(base + "/attachments").basicAuth(manager,
                DEMO_PASSWORD));
        assertFalse(documents.contains("brief.txt"), "the documents are gone");
        Response download = sendAs(manager, HttpRequest.GET(base + "/attachments/" + documentId));
        assertEquals(404, download.status(), "and their bytes");
        String text = http.toBlocking().retrieve(HttpRequest.GET(base + "/corrections").basicAuth(manager,
                DEMO_PASSWORD));
        assertTrue(text.contains("phone") || text.contains("telefoon") || text.contains("Telefoon"), text);
        assertFalse(text.contains("0687654321") || text.contains("0612345678") || text.contains("H. Dossier"),
                () -> "the corrected values are gone: " + text);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anErasureRequestAnonymisesTheClosedCasesAtOnceRefusesOpenOnesAndSkipsAHeldOne() {
        CaseView closed = receive(T, "2026-06-01", "G. Wis", "g.wis@example.org", "Graag alles wissen.");
        CaseView stillOpen = receive(T, "2026-10-01", "G. Wis", "g.wis@example.org", "Nog open.");
        CaseView held = receive(T, "2026-06-02", "G. Wis", "g.wis@example.org", "Onder blokkade.");
        decideAndClose(T, closed, "2026-07-01");
        decideAndClose(T, held, "2026-07-01");
        clock.set("2026-11-02");
        String officer = T + ".kwaliteit";
        String base = "/api/tenants/" + T;

        Response noReason = sendAs(T + ".leidinggevende", HttpRequest.PUT(base + "/complaints/" + held.id()
                + "/legal-hold", Map.of("reason", " ")));
        assertEquals(400, noReason.status(), noReason::toString);
        Response staffHold = sendAs(T + ".medewerker", HttpRequest.PUT(base + "/complaints/" + held.id()
                + "/legal-hold", Map.of("reason", "Claim")));
        assertEquals(403, staffHold.status());
        Response hold = sendAs(T + ".leidinggevende", HttpRequest.PUT(base + "/complaints/" + held.id()
                + "/legal-hold", Map.of("reason", "Aansprakelijkheidsclaim loopt")));
        assertEquals(200, hold.status(), hold::toString);
        assertEquals("Aansprakelijkheidsclaim loopt", hold.body().get("legalHoldReason"));

        HttpResponse<List<Map<String, Object>>> erased = http.toBlocking().exchange(HttpRequest.POST(base
                        + "/privacy/erasure", Map.of("complaintIds", List.of(closed.id(), stillOpen.id(), held.id())))
                .basicAuth(officer, DEMO_PASSWORD), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Map<String, Object>> byReference = new HashMap<>();
        erased.body().forEach(e -> byReference.put((String) e.get("reference"), e));
        assertEquals("ANONYMISED", byReference.get(closed.reference()).get("outcome"));
        assertEquals("REFUSED_OPEN", byReference.get(stillOpen.reference()).get("outcome"));
        assertTrue(((String) byReference.get(stillOpen.reference()).get("reason")).contains("nog niet gesloten"));
        assertEquals("SKIPPED_LEGAL_HOLD", byReference.get(held.reference()).get("outcome"));
        assertTrue(((String) byReference.get(held.reference()).get("reason")).contains("Aansprakelijkheidsclaim"));

        Map<String, Object> c = getCase(T, closed.id(), null);
        assertEquals("geanonimiseerd op 02-11-2026", ((Map<String, Object>) c.get("complainant")).get("name"));
        assertEquals("geanonimiseerd op 02-11-2026", c.get("summary"));
        assertEquals("G. Wis", ((Map<String, Object>) getCase(T, stillOpen.id(), null).get("complainant")).get("name"));
        assertEquals("G. Wis", ((Map<String, Object>) getCase(T, held.id(), null).get("complainant")).get("name"));
        assertTrue(audit.recent(tenant(T).id(), 50).stream().anyMatch(e -> e.action().equals("ERASURE_REQUESTED")
                && e.detail().contains(closed.reference()) && !e.detail().contains("Wis")), "logged");

        // Twice: a no-op.
        HttpResponse<List<Map<String, Object>>> again = http.toBlocking().exchange(HttpRequest.POST(base
                        + "/privacy/erasure", Map.of("complaintIds", List.of(closed.id())))
                .basicAuth(officer, DEMO_PASSWORD), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals("ALREADY_ANONYMISED", again.body().get(0).get("outcome"));
        assertEquals(1, anonymisedEntries(T, closed.reference()));
        // An anonymised case cannot be held any more: nothing is left to keep.
        Response late = sendAs(T + ".leidinggevende", HttpRequest.PUT(base + "/complaints/" + closed.id()
                + "/legal-hold", Map.of("reason", "Te laat")));
        assertEquals(422, late.status());
    }

    @Test
    void theKwaliteitsmanagerFindsACaseOnThePrivacyPageAndAManagerHoldsACaseOnItsBewaringPage() {
        CaseView c = receive(T, "2026-09-01", "H. Pagina", "h.pagina@example.org", "Klacht voor de pagina.");
        clock.set("2026-11-02");
        PageSession officer = loggedInAs(T + ".kwaliteit");
        Page empty = officer.get("/t/" + T + "/privacy");
        assertEquals(200, empty.status());
        assertTrue(empty.body().contains("id=\"nav-privacy\""), "the kwaliteitsmanager finds the page in the menu");
        Page found = officer.get("/t/" + T + "/privacy?email=" + enc("h.pagina@example.org"));
        assertEquals(200, found.status());
        assertTrue(found.body().contains(c.reference()) && found.body().contains("H. Pagina"), found.body());
        Page tooShort = officer.get("/t/" + T + "/privacy?name=x");
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("minstens 2 letters"), tooShort.body());
        Page erasedOpen = officer.post("/t/" + T + "/privacy/wissen", Map.of("email", "h.pagina@example.org",
                "complaintIds", String.valueOf(c.id())));
        assertEquals(200, erasedOpen.status());
        assertTrue(erasedOpen.body().contains("geweigerd: het dossier is nog niet gesloten"), erasedOpen.body());
        assertEquals(403, loggedInAs(T + ".medewerker").get("/t/" + T + "/privacy").status());

        PageSession manager = loggedInAs(T + ".leidinggevende");
        Page casePage = manager.get("/t/" + T + "/klachten/" + c.id());
        assertTrue(casePage.body().contains("/t/" + T + "/klachten/" + c.id() + "/bewaring"), "linked from the case");
        Page bewaring = manager.get("/t/" + T + "/klachten/" + c.id() + "/bewaring");
        assertEquals(200, bewaring.status());
        Page noReason = manager.post("/t/" + T + "/klachten/" + c.id() + "/bewaring", Map.of("action", "hold",
                "reason", ""));
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("geef de reden van de juridische blokkade"), noReason.body());
        Page held = manager.post("/t/" + T + "/klachten/" + c.id() + "/bewaring", Map.of("action", "hold",
                "reason", "Klacht ligt bij de Geschillencommissie"));
        assertEquals(303, held.status());
        assertTrue(manager.get("/t/" + T + "/klachten/" + c.id() + "/bewaring").body()
                .contains("Klacht ligt bij de Geschillencommissie"));
        assertEquals("Klacht ligt bij de Geschillencommissie",
                retention.state(tenant(T), new ComplaintId(c.id())).legalHoldReason());
        Page lifted = manager.post("/t/" + T + "/klachten/" + c.id() + "/bewaring", Map.of("action", "lift"));
        assertEquals(303, lifted.status());
        assertNull(retention.state(tenant(T), new ComplaintId(c.id())).legalHoldReason());
    }

    @Test
    void theRetentionPeriodIsSetOnTheProfilePageBetweenOneAndTwentyYears() {
        PageSession admin = loggedInAs("klimkoord.beheerder");
        Page form = admin.get("/t/klimkoord/beheer/profiel");
        assertEquals(200, form.status());
        assertTrue(form.body().contains("name=\"retentionYearsAfterClosing\""), "the field is on the page");
        Map<String, String> posted = new HashMap<>(nl.klachtenregie.support.PostedForm.of(form.body(), "profile-form")
                .asMap());
        posted.put("retentionYearsAfterClosing", "25");
        Page refused = admin.post("/t/klimkoord/beheer/profiel", posted);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("kies tussen 1 en 20 jaar"), refused.body());
        assertEquals(2, tenant("klimkoord").profile().retentionYearsAfterClosing(), "nothing stored");
        posted.put("retentionYearsAfterClosing", "7");
        Page saved = admin.post("/t/klimkoord/beheer/profiel", posted);
        assertTrue(saved.status() == 303 || saved.status() == 200, () -> saved.status() + saved.body());
        assertEquals(7, tenant("klimkoord").profile().retentionYearsAfterClosing());
        assertTrue(audit.recent(tenant("klimkoord").id(), 5).stream().anyMatch(e -> e.detail()
                .contains("bewaartermijn na afsluiting: 2 → 7 jaar")));
    }
}
