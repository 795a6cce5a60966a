package nl.klachtenregie.report.web;

import static nl.klachtenregie.report.ReportFixtures.EMAIL;
import static nl.klachtenregie.report.ReportFixtures.NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.report.ReportFixtures;
import nl.klachtenregie.report.ReportService;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reports pages over HTTP: the list of the report duties of the rules in force, a report as a page and its
 * files, the full register for the kwaliteitsmanager and the directie only, and person-readable refusals.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest extends PageTestSupport {

    private static final String BASE = "/t/iederzijnwerk/rapportages";

    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;

    private ReportFixtures cases;

    @BeforeAll
    void createTheYear() {
        cases = ReportFixtures.create(complaints, tenants.resolve(ReportFixtures.T));
    }

    @Test
    void reportsPageListsTheDutiesOfTheRulesInForceWithTheirSectionsAndTheTotaaloverzicht() {
        Page p = loggedInAs("iederzijnwerk.kwaliteit").get(BASE);
        assertEquals(200, p.status(), p::body);
        assertTrue(p.contains("id=\"report-jaarrapportage-klachten\""), p::body);
        assertTrue(p.contains("Jaarrapportage klachten"));
        assertTrue(p.contains("het aantal ingediende klachten dat niet binnen de gestelde termijn van 6 weken is "
                + "afgehandeld, met toelichting"), p::body);
        assertTrue(p.contains("Jaarlijks"));
        assertTrue(p.contains("id=\"report-totaaloverzicht\""), "the generic Totaaloverzicht");
        assertTrue(p.contains("aria-current=\"page\" id=\"nav-reports\""), "the reports tab is current");
        assertTrue(p.contains("name=\"volledig\""), "the kwaliteitsmanager may ask for the full register");
        assertFalse(loggedInAs("iederzijnwerk.leidinggevende").get(BASE).contains("name=\"volledig\""),
                "a manager is not offered it");
        Page impuls = loggedInAs("impuls.directeur").get("/t/impuls/rapportages");
        assertTrue(impuls.contains("Directiebeoordeling") && impuls.contains("Elk halfjaar"), impuls::body);
        assertTrue(impuls.contains("<option value=\"2026-H1\" selected>"), "the half just past is chosen");
        assertEquals(403, loggedInAs("iederzijnwerk.medewerker").get(BASE).status(), "staff do not see reports");
    }

    @Test
    void annualReportPageShowsTheLateComplaintWithItsExplanationAndNoNames() {
        Page p = loggedInAs("iederzijnwerk.leidinggevende").get(BASE + "/jaarrapportage-klachten?periode=2026");
        assertEquals(200, p.status(), p::body);
        assertTrue(p.contains("data-code=\"LATE\""));
        assertTrue(p.contains(cases.late.reference()));
        assertTrue(p.contains("mevrouw [klager] was ziek"), p::body);
        assertFalse(p.contains("Zwanenburg"), "anonymised");
        assertTrue(p.contains(BASE + "/jaarrapportage-klachten/te-laat.csv?periode=2026"), "a CSV per table");
    }

    @Test
    void managerAskingForTheFullRegisterGets403WithADutchReason() {
        Page p = loggedInAs("iederzijnwerk.leidinggevende").get(BASE + "/totaaloverzicht?periode=2026&volledig=ja");
        assertEquals(403, p.status());
        assertTrue(p.contains("alleen voor de kwaliteitsmanager en de directie"), p::body);
        assertFalse(p.contains("Zwanenburg"));
        HttpResponse<byte[]> xlsx = loggedInAs("iederzijnwerk.leidinggevende")
                .download(BASE + "/totaaloverzicht.xlsx?periode=2026&volledig=ja");
        assertEquals(403, xlsx.statusCode());
    }

    @Test
    void theFullRegisterNamesComplainantsAndEveryFullExportIsLogged() throws IOException {
        PageSession quality = loggedInAs("iederzijnwerk.kwaliteit");
        Page p = quality.get(BASE + "/totaaloverzicht?periode=2026&volledig=ja");
        assertEquals(200, p.status(), p::body);
        assertTrue(p.contains(NAME), "the full register names the complainant");
        HttpResponse<byte[]> xlsx = quality.download(BASE + "/totaaloverzicht.xlsx?periode=2026&volledig=ja");
        assertEquals(200, xlsx.statusCode());
        assertEquals("attachment; filename=\"totaaloverzicht-iederzijnwerk-2026.xlsx\"",
                xlsx.headers().firstValue("content-disposition").orElse(""));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(List.of("Klachten", "Verbeterregister", "Kengetallen"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            assertEquals(4, wb.getSheet("Klachten").getLastRowNum() - 3);
        }
        List<String> logged = audit.recent(tenants.resolve("iederzijnwerk").id(), 50).stream()
                .filter(e -> e.action().equals(ReportService.FULL_EXPORT_ACTION)
                        && e.actor().equals("iederzijnwerk.kwaliteit")).map(AuditLog.Entry::subject).toList();
        assertTrue(logged.contains("TOTAALOVERZICHT 2026 (html)"), logged::toString);
        assertTrue(logged.contains("TOTAALOVERZICHT 2026 (xlsx)"), logged::toString);
    }

    @Test
    void aPeriodThatDoesNotFitIsA422PageAndAnUnreadableOneA400() {
        PageSession s = loggedInAs("iederzijnwerk.kwaliteit");
        Page half = s.get(BASE + "/jaarrapportage-klachten?periode=2026-H2");
        assertEquals(422, half.status());
        assertTrue(half.contains("is een jaarrapportage: kies een jaar"), half::body);
        Page nonsense = s.get(BASE + "/jaarrapportage-klachten?periode=vorig-jaar");
        assertEquals(400, nonsense.status());
        assertTrue(nonsense.contains("is geen periode"), nonsense::body);
        Page none = s.get(BASE + "/jaarrapportage-klachten");
        assertEquals(400, none.status());
        assertTrue(none.contains("Kies een periode"), none::body);
        assertEquals(404, s.get(BASE + "/bestaat-niet?periode=2026").status());
        assertEquals(422, s.download(BASE + "/jaarrapportage-klachten.pdf?periode=2026-K1").statusCode());
    }

    @Test
    void pdfAndCsvDownloadsWithTheAuthorsText() throws IOException {
        PageSession s = loggedInAs("iederzijnwerk.directeur");
        s.get(BASE + "/jaarrapportage-klachten?periode=2026");
        HttpResponse<byte[]> plain = s.download(BASE + "/jaarrapportage-klachten.pdf?periode=2026");
        assertEquals(200, plain.statusCode());
        assertEquals("application/pdf", plain.headers().firstValue("content-type").orElse(""));
        Page posted = s.post(BASE + "/jaarrapportage-klachten.pdf", Map.of("periode", "2026",
                "toelichting", "Advies: termijnbewaking per behandelaar invoeren."));
        assertEquals(200, posted.status(), posted::body);
        HttpResponse<byte[]> csv = s.download(BASE + "/jaarrapportage-klachten/te-laat.csv?periode=2026");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFKenmerk;Ontvangen;"), text);
        assertTrue(text.contains(cases.late.reference()), text);
        assertFalse(text.contains(EMAIL));
        assertEquals(404, s.download(BASE + "/jaarrapportage-klachten/geen-tabel.csv?periode=2026").statusCode());
        assertEquals(403, s.postRaw(BASE + "/jaarrapportage-klachten.pdf", Map.of("periode", "2026")).status(),
                "a post without the CSRF token is refused");
    }

    @Test
    void aPdfWithTheAuthorsTextCarriesItInTheConclusions() throws IOException {
        PageSession s = loggedInAs("iederzijnwerk.kwaliteit");
        s.get(BASE + "/jaarrapportage-klachten?periode=2026");
        HttpResponse<byte[]> pdf = postForPdf(s, BASE + "/jaarrapportage-klachten.pdf",
                "periode=2026&toelichting=" + enc("Advies: termijnbewaking per behandelaar invoeren."));
        assertEquals(200, pdf.statusCode());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Conclusies en advies van de opsteller"), text);
            assertTrue(text.contains("Advies: termijnbewaking per behandelaar invoeren."), text);
        }
    }

    private HttpResponse<byte[]> postForPdf(PageSession s, String path, String body) {
        try {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body + "&csrfToken="
                            + enc(s.csrfToken())));
            b.header("Cookie", String.join("; ", s.cookies().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            return java.net.http.HttpClient.newHttpClient().send(b.build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
