package nl.klachtenregie.report;

import static nl.klachtenregie.report.ReportFixtures.EMAIL;
import static nl.klachtenregie.report.ReportFixtures.EMPLOYEE;
import static nl.klachtenregie.report.ReportFixtures.NAME;
import static nl.klachtenregie.report.ReportFixtures.PHONE;
import static nl.klachtenregie.report.ReportFixtures.T;
import static nl.klachtenregie.report.ReportFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reports of a hand-counted year ({@link ReportFixtures}): PDF read back with PDFBox, the workbook with POI,
 * the CSV parsed; anonymised by default, full only for the kwaliteitsmanager and the directie, and logged.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest implements TestPropertyProvider {

    @Inject
    ReportService reports;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;

    private Tenant izw;
    private ReportFixtures cases;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @BeforeAll
    void createTheYear() {
        izw = tenants.resolve(T);
        cases = ReportFixtures.create(complaints, izw);
        // Another tenant's complainant of the same name must never show up in IederZijnWerk's register.
        complaints.create(tenants.resolve("impuls"), ReportFixtures.intake(ComplaintKind.FORMAL, Channel.LETTER,
                "2026-03-02", new Complainant("Impuls Zwanenburg-Oudshoorn", ComplainantRole.CLIENT, null, null,
                        null, null), "Andere organisatie", "DIENSTVERLENING", null));
    }

    private static ReportService.Request annual(boolean full) {
        return new ReportService.Request("JAARRAPPORTAGE_KLACHTEN", Period.parse("2026"), full);
    }

    private static ReportService.Request totaal(boolean full) {
        return new ReportService.Request(ReportService.TOTAALOVERZICHT, Period.parse("2026"), full);
    }

    @Test
    void annualReportListsComplaintsNotHandledWithinSixWeeksWithExplanation() throws IOException {
        ReportService.ReportFile file = reports.pdf(izw, annual(false), user(T, Role.COMPLIANCE));
        assertEquals("jaarrapportage-klachten-iederzijnwerk-2026.pdf", file.fileName());
        String text = pdfText(file.content());
        // the four sections IederZijnWerk's procedure names, headed by its own words
        assertTrue(text.contains("1. Het totaal aantal ingediende klachten"), text);
        assertTrue(text.contains("2. Het aantal ingediende klachten dat niet binnen de gestelde termijn van 6 weken "
                + "is afgehandeld, met toelichting"), text);
        assertTrue(text.contains("3. De ingediende, maar niet behandelde klachten, met toelichting"), text);
        assertTrue(text.contains("4. Een overzicht van de klanttevredenheid met betrekking tot de afhandeling van de "
                + "klachten"), text);
        assertTrue(text.contains("Totaal aantal klachten in 2026 4"), text);
        assertTrue(text.contains("Formeel 3"), text);
        assertTrue(text.contains("Informeel (uitingen van onvrede) 1"), text);
        // late: one case, decided nine days after its term, with the handler's note why
        assertTrue(text.contains("Niet binnen de gestelde termijn afgehandeld 1 van 4"), text);
        assertTrue(text.contains(cases.late.reference()), text);
        // (the dates are kept whole on the page, which moves them in the extracted text: checked one by one)
        assertTrue(text.contains("Besluit nemen en schriftelijk meedelen: termijn"), text);
        assertTrue(text.contains("13-04-2026") && text.contains("22-04-2026"), text);
        assertTrue(text.contains("(9 dagen te laat)"), text);
        assertTrue(text.contains("Wachten op het gespreksverslag; mevrouw [klager] was ziek"), text);
        // not handled: the declaration's motivation
        assertTrue(text.contains("Ingediend maar niet behandeld 1 van 4"), text);
        assertTrue(text.contains(cases.notAdmissible.reference()), text);
        assertTrue(text.contains("de klacht gaat over de gemeente, niet over IederZijnWerk Ambulant"), text);
        // satisfaction 2, 4 and 5
        assertTrue(text.contains("Reacties 3 van"), text);
        assertTrue(text.contains("Gemiddelde tevredenheid (1-5) 3,7"), text);
        assertTrue(text.contains("pagina 1 van"), "page numbers");
        assertFalse(text.contains("Zwanenburg"), "anonymised");
    }

    @Test
    void anonymisedReportsCarryNoComplainantNameEmailOrPhoneAndFullOnesDo() throws IOException {
        ReportService.ReportFile anonymous = reports.workbook(izw, totaal(false), user(T, Role.COMPLIANCE));
        String all = workbookText(anonymous.content());
        for (String secret : List.of("Zwanenburg", EMAIL, PHONE, EMPLOYEE, "Gerrit Bosgraaf", "Kees Smit",
                "Begeleider kwam afspraken niet na")) {
            assertFalse(all.contains(secret), () -> "anonymised workbook shows " + secret);
        }
        assertTrue(all.contains("Medewerker 1"), "the employee by a pseudonym");
        assertTrue(all.contains("[klager]"), "the complainant's name replaced in the explanation");
        String pdf = pdfText(reports.pdf(izw, totaal(false), user(T, Role.COMPLIANCE)).content());
        assertFalse(pdf.contains("Zwanenburg") || pdf.contains(EMAIL) || pdf.contains(PHONE), pdf);
        String csv = new String(reports.csv(izw, totaal(false), "klachten", user(T, Role.COMPLIANCE)).content(),
                StandardCharsets.UTF_8);
        assertFalse(csv.contains("Zwanenburg") || csv.contains(EMAIL) || csv.contains(PHONE), csv);

        String full = workbookText(reports.workbook(izw, totaal(true), user(T, Role.DIRECTOR)).content());
        for (String known : List.of(NAME, EMAIL, PHONE, EMPLOYEE, "Begeleider kwam afspraken niet na")) {
            assertTrue(full.contains(known), () -> "full workbook lacks " + known);
        }
        assertFalse(full.contains("Impuls Zwanenburg"), "another tenant's complaint");
    }

    @Test
    void totaaloverzichtWorkbookHasTheTabsOfProcedure65WithOneRowPerComplaint() throws IOException {
        ReportService.ReportFile file = reports.workbook(izw, totaal(false), user(T, Role.COMPLIANCE));
        assertEquals("totaaloverzicht-iederzijnwerk-2026.xlsx", file.fileName());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            assertEquals("Klachten", wb.getSheetName(0));
            assertEquals("Verbeterregister", wb.getSheetName(1));
            assertEquals("Kengetallen", wb.getSheetName(2));
            Sheet klachten = wb.getSheet("Klachten");
            List<String> header = cells(klachten.getRow(3));
            assertEquals("Kenmerk", header.get(0));
            assertEquals(4, klachten.getLastRowNum() - 3, "one row per complaint of 2026");
            Row late = rowOf(klachten, cases.late.reference());
            List<String> row = cells(late);
            assertEquals("02-03-2026", row.get(header.indexOf("Ontvangen")));
            assertEquals("Formele klacht", row.get(header.indexOf("Soort")));
            assertEquals("1", row.get(header.indexOf("Termijnen niet gehaald")));
            assertTrue(row.get(header.indexOf("Termijnen niet gehaald (code, termijn, gedaan)"))
                    .contains("termijn 13-04-2026, gedaan 22-04-2026 (9 dagen te laat)"), row::toString);
            assertEquals("nee", row.get(header.indexOf("Verlengd")));
            assertEquals("2", row.get(header.indexOf("Tevredenheid (1-5)")));
            assertEquals("Deels gegrond", row.get(header.indexOf("Oordeel")));
            assertEquals("Medewerker 1", row.get(header.indexOf("Betreft medewerker")));
            assertFalse(header.contains("Klager"), "no complainant columns in the anonymised register");
            assertTrue(late.getCell(1).getCellStyle().getDataFormatString().contains("yy"), "a date cell");
            String kengetallen = sheetText(wb.getSheet("Kengetallen"));
            assertTrue(kengetallen.contains("AFGEHANDELD_BINNEN_TERMIJN"), kengetallen);
        }
    }

    @Test
    void csvIsUtf8WithBomSemicolonsAndNeutralisedFormulas() {
        byte[] bytes = reports.csv(izw, totaal(true), "klachten", user(T, Role.COMPLIANCE)).content();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        List<List<String>> rows = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertEquals("Kenmerk", header.get(0));
        assertEquals(5, rows.size(), "header and four complaints");
        List<String> na = rows.stream().filter(r -> r.get(0).equals(cases.notAdmissible.reference())).findFirst()
                .orElseThrow();
        assertEquals("'" + ReportFixtures.NOT_ADMISSIBLE_MOTIVATION, na.get(header.indexOf("Toelichting")),
                "a text starting with '-' is not a formula");
        List<String> late = rows.stream().filter(r -> r.get(0).equals(cases.late.reference())).findFirst()
                .orElseThrow();
        assertEquals(NAME, late.get(header.indexOf("Klager")), "accents survive (UTF-8)");
        assertEquals(ReportFixtures.DELAY_TEXT, late.get(header.indexOf("Toelichting")),
                "a ';' inside a field is quoted, not a new column");
        assertTrue(rows.stream().allMatch(r -> r.size() == header.size()), "every row as wide as the header");
        assertEquals("'=HYPERLINK(\"x\")", ReportCsv.neutralise("=HYPERLINK(\"x\")"));
        assertEquals("'+31 6 1234", ReportCsv.neutralise("+31 6 1234"));
        assertEquals("'@SUM(A1)", ReportCsv.neutralise("@SUM(A1)"));
    }

    @Test
    void managerAskingForTheFullRegisterIsRefusedInDutch() {
        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> reports.workbook(izw, totaal(true), user(T, Role.MANAGER)));
        assertTrue(e.getMessage().contains("alleen voor de kwaliteitsmanager en de directie"), e.getMessage());
        // the anonymised one is theirs
        assertTrue(reports.workbook(izw, totaal(false), user(T, Role.MANAGER)).content().length > 0);
    }

    @Test
    void everyFullExportIsWrittenToTheLog() {
        reports.csv(izw, annual(true), "te-laat", user(T, Role.DIRECTOR));
        List<AuditLog.Entry> entries = audit.recent(izw.id(), 20).stream()
                .filter(e -> e.action().equals(ReportService.FULL_EXPORT_ACTION)
                        && e.actor().equals("iederzijnwerk.directeur")).toList();
        assertFalse(entries.isEmpty());
        assertEquals("JAARRAPPORTAGE_KLACHTEN/te-laat 2026 (csv)", entries.get(0).subject());
        int before = audit.recent(izw.id(), 1000).size();
        reports.pdf(izw, annual(false), user(T, Role.DIRECTOR));
        assertEquals(before, audit.recent(izw.id(), 1000).size(), "an anonymised report is not logged");
    }

    @Test
    void aReportsPeriodMustMatchItsDuty() {
        RefusedException quarter = assertThrows(RefusedException.class, () -> reports.report(tenants.resolve("impuls"),
                new ReportService.Request("DIRECTIEBEOORDELING", Period.parse("2026-K3"), false),
                user("impuls", Role.COMPLIANCE)));
        assertTrue(quarter.getMessage().contains("halfjaarrapportage"), quarter.getMessage());
        RefusedException half = assertThrows(RefusedException.class, () -> reports.report(izw,
                new ReportService.Request("JAARRAPPORTAGE_KLACHTEN", Period.parse("2026-H1"), false),
                user(T, Role.COMPLIANCE)));
        assertTrue(half.getMessage().contains("jaarrapportage"), half.getMessage());
        // a half-year report of a whole year is fine
        Report year = reports.report(tenants.resolve("impuls"), new ReportService.Request("DIRECTIEBEOORDELING",
                Period.parse("2026"), false), user("impuls", Role.COMPLIANCE));
        assertEquals("CLOSED_PROCEDURES", year.sections().get(0).code());
    }

    @Test
    void sectionsComeFromTheTenantsRulesInTheirOrder() {
        Report klimkoord = reports.report(tenants.resolve("klimkoord"), new ReportService.Request(
                "JAARVERSLAG_KLACHTEN", Period.parse("2026"), false), user("klimkoord", Role.COMPLIANCE));
        assertEquals(List.of("REGISTER", "NATURE", "HANDLING", "DECISIONS", "BOTTLENECKS"),
                klimkoord.sections().stream().map(Report.Section::code).toList());
        assertEquals("een advies over mogelijke knelpunten", klimkoord.sections().get(4).words());
        Report impuls = reports.report(tenants.resolve("impuls"), new ReportService.Request(
                "HALFJAARRAPPORTAGE_LEIDINGGEVENDEN", Period.parse("2026-H1"), false,
                "Minder klachten dan vorig jaar."),
                user("impuls", Role.COMPLIANCE));
        Report.Section conclusions = impuls.sections().stream().filter(s -> "CONCLUSIONS".equals(s.code()))
                .findFirst().orElseThrow();
        assertEquals("Minder klachten dan vorig jaar.", conclusions.authorText());
        assertEquals(List.of("INFORMAL_NOTES", "INTERNALLY_RESOLVED", "CONCLUSIONS", "IMPROVEMENT_PROPOSALS"),
                impuls.sections().stream().map(Report.Section::code).toList());
    }

    /**
     * 2,000 complaints of one year (Klimkoord, 2025; each with its open terms, so every one is "late" on the
     * register's day): the workbook, the PDF and a CSV are built within seconds, and the register has them all.
     */
    @Test
    void twoThousandComplaintsMakeAWorkbookAndAPdfInSeconds() throws IOException {
        Tenant klimkoord = tenants.resolve("klimkoord");
        java.time.LocalDate first = java.time.LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 2_000; i++) {
            ComplaintKind kind = i % 3 == 0 ? ComplaintKind.INFORMAL : ComplaintKind.FORMAL;
            complaints.create(klimkoord, ReportFixtures.intake(kind, Channel.EMAIL, first.plusDays(i % 365).toString(), new Complainant("Klager " + i,
                            ComplainantRole.CLIENT, "k" + i + "@example.org", null, null, null), "Klacht " + i,
                    i % 2 == 0 ? "BEJEGENING" : "ZORGVERLENING", i % 10 == 0 ? "Medewerker X" + (i % 7) : null));
        }
        ReportService.Request request = new ReportService.Request(ReportService.TOTAALOVERZICHT,
                Period.parse("2025"), true);
        long t0 = System.nanoTime();
        byte[] xlsx = reports.workbook(klimkoord, request, user("klimkoord", Role.COMPLIANCE)).content();
        long t1 = System.nanoTime();
        byte[] pdf = reports.pdf(klimkoord, request, user("klimkoord", Role.COMPLIANCE)).content();
        long t2 = System.nanoTime();
        byte[] csv = reports.csv(klimkoord, request, "klachten", user("klimkoord", Role.COMPLIANCE)).content();
        long t3 = System.nanoTime();
        System.out.printf("2,000 cases: xlsx %d ms (%d KB), pdf %d ms (%d KB), csv %d ms (%d KB)%n",
                (t1 - t0) / 1_000_000, xlsx.length / 1024, (t2 - t1) / 1_000_000, pdf.length / 1024,
                (t3 - t2) / 1_000_000, csv.length / 1024);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(2_000, wb.getSheet("Klachten").getLastRowNum() - 3);
        }
        assertTrue(pdfText(pdf).contains("Hier staan de eerste 500 van 2000 klachten"), "the PDF lists 500");
        assertTrue((t1 - t0) / 1_000_000 < 30_000 && (t2 - t1) / 1_000_000 < 60_000, "within seconds");
    }

    // --- reading back ------------------------------------------------------------------------------------------

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static String workbookText(byte[] xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder sb = new StringBuilder();
            for (Sheet s : wb) {
                sb.append(sheetText(s)).append('\n');
            }
            return sb.toString();
        }
    }

    private static String sheetText(Sheet s) {
        StringBuilder sb = new StringBuilder();
        for (Row r : s) {
            sb.append(String.join(" | ", cells(r))).append('\n');
        }
        return sb.toString();
    }

    private static List<String> cells(Row r) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.getLastCellNum(); i++) {
            out.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
        }
        return out;
    }

    private static Row rowOf(Sheet s, String reference) {
        for (Row r : s) {
            if (r.getCell(0) != null && reference.equals(r.getCell(0).toString())) {
                return r;
            }
        }
        throw new AssertionError("no row " + reference);
    }

    /** RFC 4180 with ';': quoted fields, doubled quotes, CRLF records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
