package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.report.ReportFixtures;
import nl.klachtenregie.report.ReportService;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.support.ApiTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Klachten van eerdere jaren inlezen (issue 16, 5): an organisation switching from Excel brings its past complaints in.
 * The dry run evaluates every row under the regulation version in force on its day of receipt, as a live case; the
 * commit stores all rows or none; a second upload adds nothing; the product's own Totaaloverzicht reads back in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PastComplaintsImportTest extends ApiTestSupport {

    private static final String T = "iederzijnwerk";
    private static final String IMPORT = "/api/tenants/" + T + "/complaints/import";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The documented layout, as an organisation's own Excel saves it: ';', dd-mm-jjjj, Dutch headers. */
    static final String CSV = String.join("\r\n",
            "Kenmerk;Soort;Kanaal;Ontvangen op;Klager;E-mail;Categorie;Samenvatting;Ontvangst bevestigd op;"
                    + "Verlenging aangekondigd op;Verlenging weken;Verlengingsbericht verzonden op;Afronding;"
                    + "Afgerond op;Oordeel;Motivering;Tevredenheid (1-5);Gesloten op;Opmerking intern",
            "K-2025-001;Formele klacht;Brief;06-01-2025;A. de Vries;a.devries@example.org;Bejegening;"
                    + "Onvriendelijk te woord gestaan;08-01-2025;;;;Besluit genomen;10-02-2025;Gegrond;"
                    + "De medewerker was onvriendelijk, dat is besproken.;4;12-02-2025;x",
            "K-2025-002;formeel;E-mail;2025-03-03;B. Jansen;;Communicatie;Geen reactie op mijn mail;20-03-2025;;;;;"
                    + "01-05-2025;Ongegrond;Er is binnen twee dagen gereageerd.;;02-05-2025;",
            "K-2025-003;Formele klacht;Brief;07-04-2025;C. Bakker;;Afspraken en duidelijkheid;\"Afspraak verzet; "
                    + "twee keer\";08-04-2025;12-05-2025;4;12-05-2025;Besluit genomen;10-06-2025;Deels gegrond;"
                    + "Deels terecht: de tweede keer was te voorkomen.;3;11-06-2025;",
            "K-2025-004;Informele klacht (onvrede);Brief;02-06-2025;D. Smit;;Overig;Ontevreden over de planning;"
                    + "03-06-2025;;;;Informeel opgelost;10-06-2025;;Opgelost in een gesprek.;;11-06-2025;",
            "");

    @Inject
    ReportService reports;
    @Inject
    TenantDirectory tenants;

    private Response upload(String user, String query, String fileName, String type, byte[] content) {
        MultipartBody body = MultipartBody.builder().addPart("file", fileName, MediaType.of(type), content).build();
        return sendAs(user, HttpRequest.POST(IMPORT + query, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private Response dryRun(String fileName, String type, byte[] content) {
        return upload(T + ".leidinggevende", "?dryRun=true", fileName, type, content);
    }

    private Response commit(String fileName, String type, byte[] content) {
        return upload(T + ".beheerder", "?dryRun=false", fileName, type, content);
    }

    private int listSize() {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + T + "/complaints?limit=500")
                .basicAuth(T + ".leidinggevende", DEMO_PASSWORD), io.micronaut.core.type.Argument.listOf(Map.class))
                .size();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static Map<String, Object> row(Response plan, int row) {
        return list(plan.body().get("cases")).stream().filter(c -> ((Number) c.get("row")).intValue() == row)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + row + " in " + plan.body()));
    }

    private static String status(Map<String, Object> c, String code) {
        return list(c.get("obligations")).stream().filter(o -> code.equals(o.get("code")))
                .map(o -> (String) o.get("status")).findFirst().orElse(null);
    }

    @Test
    @Order(1)
    void theDryRunShowsPerRowTheVersionInForceTheEventsAndWhichObligationsEndMetLateOrSetAside() {
        int before = listSize();
        Response r = dryRun("klachten-2025.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), () -> r.body().toString());
        assertEquals(true, r.body().get("ok"), () -> r.body().toString());
        assertEquals("CSV", r.body().get("format"));
        assertEquals(4, ((Number) r.body().get("newCases")).intValue());
        assertEquals(List.of("Opmerking intern"), r.body().get("ignoredColumns"));
        for (int row = 2; row <= 5; row++) {
            assertEquals("1", row(r, row).get("version"), "IederZijnWerk's version 1 was in force in 2025");
            assertEquals("CLOSED", row(r, row).get("status"));
        }
        Map<String, Object> onTime = row(r, 2);
        assertEquals(List.of("ACKNOWLEDGED", "DECIDED", "CLOSED"), list(onTime.get("events")).stream()
                .map(e -> e.get("type")).filter(t -> !"DUTY_SET_ASIDE".equals(t)).toList());
        assertEquals("MET", status(onTime, "ACKNOWLEDGE"), "acknowledged within five working days");
        assertEquals("MET", status(onTime, "DECIDE"), "decided within six weeks");
        Map<String, Object> late = row(r, 3);
        assertEquals("MET_LATE", status(late, "ACKNOWLEDGE"), "acknowledged after 13 working days");
        assertEquals("MET_LATE", status(late, "DECIDE"), "decided after more than six weeks");
        Map<String, Object> extended = row(r, 4);
        assertEquals("MET", status(extended, "DECIDE"), "met within the extension announced in time");
        assertEquals("2025-06-16", list(extended.get("obligations")).stream()
                .filter(o -> "DECIDE".equals(o.get("code"))).findFirst().orElseThrow().get("dueOn"),
                "six weeks from 7 April plus four weeks of extension");
        assertTrue(((Number) r.body().get("met")).intValue() >= 4, () -> r.body().toString());
        assertTrue(((Number) r.body().get("late")).intValue() >= 2, () -> r.body().toString());
        assertTrue(((Number) r.body().get("setAside")).intValue() >= 1, () -> r.body().toString());
        assertEquals(before, listSize(), "a dry run stores nothing");
    }

    @Test
    @Order(2)
    void aBadDateInRow3IsNamedWithItsRowAndColumnAndNothingIsStored() {
        int before = listSize();
        String bad = CSV.replace("2025-03-03", "31-02-2025");
        Response dry = dryRun("klachten-2025.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, dry.status());
        assertEquals(false, dry.body().get("ok"));
        Map<String, Object> error = list(dry.body().get("errors")).get(0);
        assertEquals(3, ((Number) error.get("row")).intValue());
        assertEquals("Ontvangen op", error.get("column"));
        assertEquals("rij 3, kolom Ontvangen op: '31-02-2025' is geen datum (dd-mm-jjjj of jjjj-mm-dd)",
                error.get("message"));

        Response r = commit("klachten-2025.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), () -> r.body().toString());
        assertTrue(((List<?>) r.body().get("reasons")).contains(
                "rij 3, kolom Ontvangen op: '31-02-2025' is geen datum (dd-mm-jjjj of jjjj-mm-dd)"), () -> r.body().toString());
        assertEquals(before, listSize(), "all or nothing: the good rows were not stored either");
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void theCommitStoresEveryRowWithItsOwnReferenceAndImportedEventsAreNotRecordedLate() {
        int before = listSize();
        Response r = commit("klachten-2025.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.status(), () -> r.body().toString());
        assertEquals(4, ((Number) r.body().get("created")).intValue());
        assertEquals(before + 4, listSize());
        Map<String, Object> extended = list(r.body().get("cases")).stream()
                .filter(c -> "K-2025-003".equals(c.get("externalReference"))).findFirst().orElseThrow();
        assertTrue(((String) extended.get("reference")).matches("IEDE-2025-\\d{4}"), "the tenant's own counter");
        Response c = sendAs(T + ".leidinggevende", HttpRequest.GET("/api/tenants/" + T + "/complaints/"
                + ((Number) extended.get("id")).longValue()));
        assertEquals(200, c.status());
        List<Map<String, Object>> events = list(c.body().get("events"));
        assertFalse(events.isEmpty());
        for (Map<String, Object> e : events) {
            assertEquals(false, e.get("recordedLate"), () -> "imported, not recorded late: " + e);
            assertEquals(false, e.get("awaitingConfirmation"), () -> "no four-eyes check for an import: " + e);
        }
        Map<String, Object> extension = events.stream().filter(e -> "EXTENSION_ANNOUNCED".equals(e.get("type")))
                .findFirst().orElseThrow();
        assertEquals("2025-05-12", extension.get("noticeDate"), "the written notice sent in time (Wkkgz art. 17 lid 2)");
        assertEquals(4, ((Number) extension.get("weeks")).intValue());
        Map<String, Object> decide = list(c.body().get("obligations")).stream()
                .filter(o -> "DECIDE".equals(o.get("code"))).findFirst().orElseThrow();
        assertEquals("MET", decide.get("status"));
        assertEquals("CLOSED", c.body().get("status"));
    }

    @Test
    @Order(4)
    void aSecondUploadOfTheSameFileDuplicatesNothing() {
        int before = listSize();
        Response dry = dryRun("klachten-2025 (kopie).csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, dry.status());
        assertEquals(0, ((Number) dry.body().get("newCases")).intValue());
        assertEquals(4, ((Number) dry.body().get("alreadyImported")).intValue());
        assertTrue(Objects.toString(row(dry, 2).get("existingReference")).startsWith("IEDE-2025-"));
        Response r = commit("klachten-2025.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.status());
        assertEquals(0, ((Number) r.body().get("created")).intValue());
        assertEquals(4, ((Number) r.body().get("skipped")).intValue());
        assertEquals(before, listSize());
    }

    @Test
    @Order(5)
    void theProductsOwnTotaaloverzichtReadsBackIn() throws IOException {
        Tenant izw = tenants.resolve(T);
        byte[] xlsx = reports.workbook(izw, new ReportService.Request(ReportService.TOTAALOVERZICHT,
                Period.parse("2025"), true), ReportFixtures.user(T, Role.DIRECTOR)).content();
        // Read back into the same organisation: every row is one of its own cases.
        Response same = dryRun("totaaloverzicht-iederzijnwerk-2025.xlsx", XLSX, xlsx);
        assertEquals(200, same.status(), () -> same.body().toString());
        assertEquals("XLSX", same.body().get("format"));
        assertEquals(true, same.body().get("ok"), () -> same.body().toString());
        assertEquals(4, ((Number) same.body().get("alreadyImported")).intValue(), () -> same.body().toString());
        assertEquals(0, ((Number) same.body().get("newCases")).intValue());
        byte[] csv = reports.csv(izw, new ReportService.Request(ReportService.TOTAALOVERZICHT, Period.parse("2025"),
                true), "klachten", ReportFixtures.user(T, Role.DIRECTOR)).content();
        Response sameCsv = dryRun("klachten.csv", "text/csv", csv);
        assertEquals(4, ((Number) sameCsv.body().get("alreadyImported")).intValue(), () -> sameCsv.body().toString());

        // The same workbook as another system's numbers: the layout itself is read, every row becomes a case again.
        byte[] renumbered = renumber(xlsx, "OUD-");
        Response other = dryRun("totaaloverzicht-oud.xlsx", XLSX, renumbered);
        assertEquals(true, other.body().get("ok"), () -> other.body().toString());
        assertEquals(4, ((Number) other.body().get("newCases")).intValue(), () -> other.body().toString());
        List<Map<String, Object>> cases = list(other.body().get("cases"));
        assertEquals(List.of("2025-01-06", "2025-03-03", "2025-04-07", "2025-06-02"), cases.stream()
                .map(c -> (String) c.get("receivedOn")).sorted().toList());
        assertTrue(cases.stream().allMatch(c -> "CLOSED".equals(c.get("status"))), () -> cases.toString());
        assertTrue(cases.stream().anyMatch(c -> "INFORMAL".equals(c.get("kind"))));
        int before = listSize();
        Response r = commit("totaaloverzicht-oud.xlsx", XLSX, renumbered);
        assertEquals(201, r.status(), () -> r.body().toString());
        assertEquals(before + 4, listSize());
    }

    @Test
    @Order(6)
    void aFileThatIsNeitherCsvNorXlsxIs415AndOneTooLargeIs413() {
        Response pdf = dryRun("klachten.csv", "text/csv", "%PDF-1.7\n\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(415, pdf.status(), () -> pdf.body().toString());
        assertEquals("Dit bestand is geen CSV of Excel-werkmap (.xlsx).", pdf.body().get("message"));
        Response xls = dryRun("klachten.xls", "application/vnd.ms-excel",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertEquals(415, xls.status());
        assertTrue(((String) xls.body().get("message")).contains(".xls"));
        Response zip = dryRun("klachten.xlsx", XLSX, new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0});
        assertEquals(415, zip.status());
        byte[] big = new byte[8 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        Response tooLarge = dryRun("groot.csv", "text/csv", big);
        assertEquals(413, tooLarge.status(), () -> tooLarge.body().toString());
    }

    @Test
    @Order(7)
    void aMissingColumnIsBadInputAndStaffMayNotImport() {
        Response r = dryRun("k.csv", "text/csv", "Kenmerk;Ontvangen op;Soort\r\nA;01-02-2025;formeel\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status());
        assertTrue(r.body().toString().contains("De kolom 'Categorie' ontbreekt."), () -> r.body().toString());
        Response staff = upload(T + ".medewerker", "?dryRun=true", "k.csv", "text/csv",
                CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(403, staff.status());
    }

    private static byte[] renumber(byte[] xlsx, String prefix) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Klachten");
            int kenmerk = -1;
            int headerRow = -1;
            for (int r = 0; r < 10 && kenmerk < 0; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (Cell cell : row) {
                    if ("Kenmerk".equals(cell.toString())) {
                        kenmerk = cell.getColumnIndex();
                        headerRow = r;
                    }
                }
            }
            assertNotNull(sheet.getRow(headerRow + 1), "the workbook has rows");
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                // The export writes inline strings; a new cell holds the new number (a set value would not show).
                Row row = sheet.getRow(r);
                String number = row.getCell(kenmerk).getStringCellValue();
                row.removeCell(row.getCell(kenmerk));
                row.createCell(kenmerk).setCellValue(prefix + number);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
