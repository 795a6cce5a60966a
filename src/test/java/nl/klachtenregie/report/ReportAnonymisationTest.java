package nl.klachtenregie.report;

import static nl.klachtenregie.report.ReportFixtures.T;
import static nl.klachtenregie.report.ReportFixtures.user;
import static nl.klachtenregie.report.ReportsTest.pdfText;
import static nl.klachtenregie.report.ReportsTest.workbookText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintRegister;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.improvement.Effectiveness;
import nl.klachtenregie.improvement.ImprovementRegister;
import nl.klachtenregie.improvement.Measure;
import nl.klachtenregie.improvement.MeasureKind;
import nl.klachtenregie.improvement.MeasureLevel;
import nl.klachtenregie.improvement.MeasureStatus;
import nl.klachtenregie.improvement.NewMeasure;
import nl.klachtenregie.improvement.Origin;
import nl.klachtenregie.improvement.OriginType;
import nl.klachtenregie.improvement.Review;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The anonymised variant as a reviewer reads it: no complainant's name or contact detail however a handler wrote it,
 * employees only as the pseudonym of the 'Klachten' tab, also in the verbeterregister; and the late count is about
 * the handling term, not any term.
 *
 * <p>IederZijnWerk, 2026, two formal complaints about the same employee, Piet de Groot:
 * <ul>
 * <li>{@link #devries}: Jan de Vries, received 02-03, acknowledged and decided on time; a progress note names his
 * phone (written differently), street, postcode and place, and the employee by surname.</li>
 * <li>{@link #jansen}: Marieke Jansen-Bos, received Mon 09-03, acknowledged 20-03 (due 16-03: late), decided 01-04
 * (due 20-04: on time). So its handling was on time; only the acknowledgement was late.</li>
 * </ul>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAnonymisationTest implements TestPropertyProvider {

    static final String EMPLOYEE = "Piet de Groot";
    static final String PROGRESS = "Gebeld naar 06 123 456 78 en naar +31 6 12345678; op bezoek geweest aan de "
            + "Dorpsstraat 12 (postcode 1234AB) in Nijhuizum. De Groot was erbij, collega Groot belt terug. "
            + "Dhr. De Vries was tevreden.";
    static final String JANSEN_NOTE = "Mevrouw Jansen belt over P. de Groot; mevrouw Bos is haar moeder.";

    @Inject
    ReportService reports;
    @Inject
    ComplaintService complaints;
    @Inject
    ComplaintRegister registers;
    @Inject
    TenantDirectory tenants;
    @Inject
    ImprovementRegister improvements;

    private Tenant izw;
    private CaseView devries;
    private CaseView jansen;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @BeforeAll
    void createTheCasesAndMeasures() {
        izw = tenants.resolve(T);
        devries = complaints.create(izw, ReportFixtures.intake(ComplaintKind.FORMAL, Channel.LETTER, "2026-03-02",
                new Complainant("Jan de Vries", ComplainantRole.CLIENT, "j.devries@example.org", "06-12345678",
                        "Dorpsstraat 12, 1234 AB Nijhuizum", "Nijhuizum"), "Onheus bejegend", "AFSPRAKEN", EMPLOYEE));
        event(devries, NewEvent.of(EventType.ACKNOWLEDGED, d("2026-03-03")));
        event(devries, new NewEvent(EventType.PROGRESS_REPORTED, d("2026-03-10"), null, null, null, null, null, null,
                null, PROGRESS, null, null));
        devries = event(devries, new NewEvent(EventType.DECIDED, d("2026-04-01"), null, null, null,
                Judgement.WELL_FOUNDED, null, null, "Wij hebben de klacht onderzocht en met beide partijen gesproken.", "Gegrond", null, null));

        jansen = complaints.create(izw, ReportFixtures.intake(ComplaintKind.FORMAL, Channel.EMAIL, "2026-03-09",
                new Complainant("Marieke Jansen-Bos", ComplainantRole.CLIENT, "m.jansen@example.org", null, null,
                        null), "Niet teruggebeld", "COMMUNICATIE", EMPLOYEE));
        event(jansen, NewEvent.of(EventType.ACKNOWLEDGED, d("2026-03-20")));
        event(jansen, new NewEvent(EventType.PROGRESS_REPORTED, d("2026-03-25"), null, null, null, null, null, null,
                null, JANSEN_NOTE, null, null));
        jansen = event(jansen, new NewEvent(EventType.DECIDED, d("2026-04-01"), null, null, null,
                Judgement.UNFOUNDED, null, null, "Wij hebben de klacht onderzocht en met beide partijen gesproken.", "Ongegrond", null, null));

        String actor = "iederzijnwerk.kwaliteit";
        improvements.create(izw, new NewMeasure("Excuusbrief aan dhr. De Vries", "Brief aan Jan de Vries, "
                + "Dorpsstraat 12", MeasureKind.CORRECTIVE, MeasureLevel.CLIENT, new Origin(OriginType.COMPLAINTS,
                null, null), List.of(devries.reference()), "Teamleider", d("2026-12-01"), MeasureStatus.OPEN, null),
                actor);
        Measure coaching = improvements.create(izw, new NewMeasure("Coaching voor Piet de Groot", "Gesprekken met "
                + "De Groot over de bejegening van mevrouw Jansen", MeasureKind.PREVENTIVE, MeasureLevel.ORGANISATION,
                new Origin(OriginType.TREND, "TREND:REPEATED_PERSON:" + EMPLOYEE + ":2026",
                        "Herhaaldelijk geklaagd over " + EMPLOYEE), List.of(devries.reference(), jansen.reference()),
                "Kwaliteitsmanager", d(TestDatabase.TODAY), MeasureStatus.DONE, d(TestDatabase.TODAY)), actor);
        improvements.review(izw, coaching.id(), new Review(d(TestDatabase.TODAY), 2026, Effectiveness.PARTLY,
                "Groot krijgt minder klachten; dhr. De Vries bleef ontevreden", null), coaching.rowVersion(), actor);
    }

    @Test
    void anonymisedVerbeterregisterShowsNoComplainantAndTheEmployeeOnlyAsTheKlachtenTabPseudonym()
            throws IOException {
        byte[] xlsx = reports.workbook(izw, totaal(false), user(T, Role.MANAGER)).content();
        String all = workbookText(xlsx);
        for (String secret : List.of("Vries", "Groot", "Piet", "Jansen", "Dorpsstraat", "Excuusbrief")) {
            assertFalse(all.contains(secret), () -> "anonymised workbook shows '" + secret + "':\n" + all);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            String measures = text(wb.getSheet("Verbeterregister"));
            assertTrue(measures.contains("Maatregel op cliëntniveau (zie het klachtdossier)"), measures);
            assertTrue(measures.contains("Coaching voor Medewerker 1"), measures);
            assertTrue(measures.contains("Herhaaldelijk geklaagd over Medewerker 1"), measures);
            assertTrue(measures.contains("Medewerker 1 krijgt minder klachten"), measures);
            assertTrue(measures.contains("bejegening van mevrouw [klager]"), measures);
            assertTrue(measures.contains("dhr. [klager] bleef ontevreden"), measures);
            assertTrue(measures.contains("Kwaliteitsmanager"), "the owner is staff and stays");
            String klachten = text(wb.getSheet("Klachten"));
            assertTrue(klachten.contains("Medewerker 1") && !klachten.contains("Medewerker 2"),
                    "one employee, one pseudonym, the same on both tabs: " + klachten);
        }
        String pdf = pdfText(reports.pdf(izw, totaal(false), user(T, Role.MANAGER)).content());
        for (String secret : List.of("Vries", "Groot", "Piet", "Excuusbrief")) {
            assertFalse(pdf.contains(secret), () -> "anonymised PDF shows '" + secret + "': " + pdf);
        }
        assertTrue(pdf.contains("Maatregel op cliëntniveau"), pdf);

        String full = workbookText(reports.workbook(izw, totaal(true), user(T, Role.DIRECTOR)).content());
        for (String known : List.of("Excuusbrief aan dhr. De Vries", "Herhaaldelijk geklaagd over Piet de Groot",
                "Groot krijgt minder klachten; dhr. De Vries bleef ontevreden")) {
            assertTrue(full.contains(known), () -> "full workbook lacks " + known);
        }
    }

    @Test
    void anonymisedRegisterReplacesPhoneHoweverWrittenAddressPostcodePlaceAndEmployeeBySurname() {
        ComplaintRegister.Register anonymous = registers.register(izw.id(), d("2026-01-01"), d("2026-12-31"),
                d(TestDatabase.TODAY), ComplaintRegister.Variant.ANONYMISED, ComplaintRegister.Selection.RECEIVED);
        String note = note(anonymous, devries.reference());
        for (String secret : List.of("123 456 78", "12345678", "Dorpsstraat", "1234AB", "Nijhuizum", "Groot",
                "Vries")) {
            assertFalse(note.contains(secret), () -> "'" + secret + "' left in: " + note);
        }
        assertEquals("Gebeld naar [klager] en naar [klager]; op bezoek geweest aan de [adres] (postcode [adres]) in "
                + "[woonplaats]. Medewerker 1 was erbij, collega Medewerker 1 belt terug. Dhr. [klager] was "
                + "tevreden.", note);
        assertEquals("Mevrouw [klager] belt over P. Medewerker 1; mevrouw [klager] is haar moeder.",
                note(anonymous, jansen.reference()), "each half of a double name, and the surname with its particle");

        ComplaintRegister.Register full = registers.register(izw.id(), d("2026-01-01"), d("2026-12-31"),
                d(TestDatabase.TODAY), ComplaintRegister.Variant.FULL, ComplaintRegister.Selection.RECEIVED);
        assertEquals(PROGRESS, note(full, devries.reference()), "the full register keeps the text");
    }

    @Test
    void lateHeadlineCountsOnlyCasesWhoseHandlingTermWasMissedAndListsOtherTermsApart() {
        Report annual = reports.report(izw, new ReportService.Request("JAARRAPPORTAGE_KLACHTEN", Period.parse("2026"),
                false), user(T, Role.COMPLIANCE));
        Report.Section late = annual.sections().stream().filter(s -> "LATE".equals(s.code())).findFirst()
                .orElseThrow();
        assertEquals("0 van 2", figure(late, "Niet binnen de gestelde termijn afgehandeld"),
                "the late acknowledgement is no late handling");
        assertEquals("1 van 2", figure(late, "Andere termijnen niet gehaald"));
        Report.Table others = annual.table("andere-termijnen").orElseThrow();
        assertEquals(1, others.rows().size());
        assertEquals(jansen.reference(), others.rows().get(0).get(0));
        assertTrue(others.rows().get(0).get(3).toString().startsWith("Ontvangst van de klacht bevestigen"),
                others.rows().toString());
        assertTrue(annual.table("te-laat").orElseThrow().rows().isEmpty());

        Report totaal = reports.report(izw, totaal(false), user(T, Role.COMPLIANCE));
        Report.Section conclusions = totaal.sections().stream().filter(s -> "CONCLUSIONS".equals(s.code()))
                .findFirst().orElseThrow();
        assertEquals("0", figure(conclusions, "Niet binnen de termijn afgehandeld"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static ReportService.Request totaal(boolean full) {
        return new ReportService.Request(ReportService.TOTAALOVERZICHT, Period.parse("2026"), full);
    }

    private static String figure(Report.Section s, String label) {
        return s.figures().stream().filter(f -> f.label().equals(label)).map(Report.Figure::value).findFirst()
                .orElseThrow(() -> new AssertionError("no figure '" + label + "' in " + s.figures()));
    }

    private static String note(ComplaintRegister.Register register, String reference) {
        return register.rows().stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow()
                .notes().stream().filter(n -> n.type() == EventType.PROGRESS_REPORTED).findFirst().orElseThrow()
                .text();
    }

    private static String text(Sheet s) {
        DataFormatter f = new DataFormatter();
        StringBuilder sb = new StringBuilder();
        for (Row r : s) {
            r.forEach(c -> sb.append(f.formatCellValue(c)).append(" | "));
            sb.append('\n');
        }
        return sb.toString();
    }

    private CaseView event(CaseView c, NewEvent e) {
        return complaints.recordEvent(izw, new ComplaintId(c.id()), e);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
