package nl.klachtenregie.report;

import static nl.klachtenregie.report.ReportFixtures.T;
import static nl.klachtenregie.report.ReportFixtures.user;
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
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.improvement.ImprovementRegister;
import nl.klachtenregie.improvement.MeasureKind;
import nl.klachtenregie.improvement.MeasureLevel;
import nl.klachtenregie.improvement.MeasureStatus;
import nl.klachtenregie.improvement.NewMeasure;
import nl.klachtenregie.improvement.Origin;
import nl.klachtenregie.improvement.OriginType;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The verbeterregister in the reports: the workbook's tab and the sections on measures. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportMeasuresTest implements TestPropertyProvider {

    @Inject
    ReportService reports;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    ImprovementRegister improvements;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @Test
    void verbeterregisterTabListsTheYearsMeasuresAndHidesClientLevelDescriptionsWhenAnonymised() throws IOException {
        Tenant izw = tenants.resolve(T);
        ReportFixtures cases = ReportFixtures.create(complaints, izw);
        improvements.create(izw, new NewMeasure("Termijnbewaking per behandelaar", "Wekelijks overzicht van open "
                + "termijnen", MeasureKind.CORRECTIVE, MeasureLevel.ORGANISATION, new Origin(OriginType.COMPLAINTS,
                null, null), List.of(cases.late.reference()), "Kwaliteitsmanager", LocalDate.of(2026, 12, 1),
                MeasureStatus.DONE, LocalDate.of(2026, 11, 22)), "iederzijnwerk.kwaliteit");
        improvements.create(izw, new NewMeasure("Vaste begeleider", "Mevrouw Zwanenburg-Oudshoorn krijgt een vaste "
                + "begeleider", MeasureKind.CORRECTIVE, MeasureLevel.CLIENT, new Origin(OriginType.COMPLAINTS, null,
                null), List.of(cases.late.reference()), "Coördinator", LocalDate.of(2026, 12, 15), MeasureStatus.OPEN,
                null), "iederzijnwerk.kwaliteit");
        byte[] xlsx = reports.workbook(izw, new ReportService.Request(ReportService.TOTAALOVERZICHT,
                Period.parse("2026"), false), user(T, Role.COMPLIANCE)).content();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet tab = wb.getSheet("Verbeterregister");
            assertEquals(2, tab.getLastRowNum() - 3);
            StringBuilder text = new StringBuilder();
            DataFormatter f = new DataFormatter();
            for (Row r : tab) {
                r.forEach(c -> text.append(f.formatCellValue(c)).append(" | "));
            }
            assertTrue(text.toString().contains("Termijnbewaking per behandelaar"), text::toString);
            assertTrue(text.toString().contains("VM-2026-"), text::toString);
            assertFalse(text.toString().contains("Zwanenburg"), "a client-level description names the client");
        }
        Report r = reports.report(tenants.resolve("kwaliteitsprocedure-6-5"), new ReportService.Request(
                "DIRECTIEBEOORDELING_EFFECTIVITEIT", Period.parse("2026"), false),
                user("kwaliteitsprocedure-6-5", Role.DIRECTOR));
        assertEquals(List.of("CORRECTIVE_MEASURES", "PREVENTIVE_MEASURES", "EFFECTIVENESS"),
                r.sections().stream().map(Report.Section::code).toList());
        assertFalse(r.notices().stream().anyMatch(n -> n.contains("nog niet beschikbaar")));
    }
}
