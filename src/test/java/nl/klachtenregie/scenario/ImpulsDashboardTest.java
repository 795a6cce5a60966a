package nl.klachtenregie.scenario;

import static nl.klachtenregie.complaint.Channel.EMAIL;
import static nl.klachtenregie.complaint.Channel.LETTER;
import static nl.klachtenregie.complaint.Channel.PHONE;
import static nl.klachtenregie.complaint.Channel.WEB_FORM;
import static nl.klachtenregie.complaint.ComplaintKind.FORMAL;
import static nl.klachtenregie.complaint.ComplaintKind.INFORMAL;
import static nl.klachtenregie.complaint.EventType.MEETING_HELD;
import static nl.klachtenregie.complaint.EventType.MEETING_INVITED;
import static nl.klachtenregie.complaint.EventType.PROGRESS_REPORTED;
import static nl.klachtenregie.complaint.EventType.RESOLVED_INFORMALLY;
import static nl.klachtenregie.scenario.DashboardFixtures.assertKpi;
import static nl.klachtenregie.scenario.DashboardFixtures.assertTrend;
import static nl.klachtenregie.scenario.DashboardFixtures.attention;
import static nl.klachtenregie.scenario.DashboardFixtures.closed;
import static nl.klachtenregie.scenario.DashboardFixtures.complaint;
import static nl.klachtenregie.scenario.DashboardFixtures.counts;
import static nl.klachtenregie.scenario.DashboardFixtures.decided;
import static nl.klachtenregie.scenario.DashboardFixtures.escalated;
import static nl.klachtenregie.scenario.DashboardFixtures.event;
import static nl.klachtenregie.scenario.DashboardFixtures.file;
import static nl.klachtenregie.scenario.DashboardFixtures.flags;
import static nl.klachtenregie.scenario.DashboardFixtures.kpi;
import static nl.klachtenregie.scenario.DashboardFixtures.notAdmissible;
import static nl.klachtenregie.scenario.DashboardFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.kpi.DashboardService;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Impuls, welzijn en Educatie's dashboard against a hand-counted fixture. A formal (written) complaint: progress
 * report within 2 weeks (PROGRESS_UPDATE), handled within 6 weeks (DECIDE), no extension; the talk within 3 weeks of
 * receipt once one is planned (MEETING). Declared not admissible or resolved informally waives all three. KPIs: the
 * three shares 100%. The director reviews per half-year, so the half-year is the period. Today is Sun 22-11-2026.
 *
 * <pre>
 * case received        kind/channel    cat/line        events                               PROGRESS (due/met)   MEETING (due/met)   DECIDE (due/met)
 * I1   Tue 31-12-2024  FORMAL LETTER   BEJ/-           progress 10-01, decided 11-02        14-01 / 10-01 ok     -                   11-02 / 11-02 ok      (version "1")
 * I11  Mon 02-02-2026  FORMAL LETTER   DIE/-           decided 10-03, closed 12-03 (sat 2)  16-02 / - LATE       -                   16-03 / 10-03 ok
 *                                                                                           (stays after closing)
 * I3   Mon 16-03-2026  FORMAL EMAIL    BEJ/-           progress 01-04, decided 28-04        30-03 / 01-04 LATE   -                   27-04 Koningsdag -> 28-04 / 28-04 ok
 *                      about M. Bakker
 * I2   Tue 30-06-2026  FORMAL LETTER   DIE/WELZIJN     invited 01-07, progress 14-07, held  14-07 / 14-07 ok     21-07 / 20-07 ok    11-08 / 10-08 ok
 *                                                      20-07, decided 10-08, closed 20-08 (sat 4)
 * I4   Mon 06-07-2026  FORMAL LETTER   BEJ/WELZIJN     invited 08-07, progress 15-07, held  20-07 / 15-07 ok     27-07 / 29-07 LATE  17-08 / 18-08 LATE
 *                      about M. Bakker                 29-07, decided 18-08
 * I5   Mon 03-08-2026  FORMAL WEB_FORM BEJ/WELZIJN     escalated DIRECTOR 20-09             17-08 / - LATE       -                   14-09 / - LATE (overdue)
 *                      about m. bakker
 * I6   Mon 07-09-2026  INFORMAL PHONE  DIE/EDUCATIE    resolved 07-09, closed 08-09 (sat 5) -                    -                   -
 * I7   Mon 12-10-2026  FORMAL LETTER   VER/-           progress 20-10                       26-10 / 20-10 ok     -                   23-11 / - not yet due
 * I8   Mon 19-10-2026  FORMAL LETTER   DIE/-           not admissible 22-10, closed 23-10   02-11 WAIVED         -                   30-11 WAIVED
 *                                                      (sat 1)
 * I9   Mon 09-11-2026  FORMAL EMAIL    BEJ/-           invited 10-11                        23-11 not yet due    30-11 not yet due   21-12 not yet due
 * + one Klimkoord complaint (other tenant), overdue, in 2026-H2: never counted here.
 *
 * 2024-H2 (I1):               DECIDE 1/1, PROGRESS 1/1, MEETING nothing to measure
 * 2026-H1 (I11 I3 I2 = 3):    DECIDE 3/3 met; PROGRESS 1/3 (I11, I3 late); MEETING 1/1 met
 * 2026-H2 (I4..I9 = 6):       DECIDE 0/2 (I4 late, I5 overdue; I7 I9 not due; I8 waived); PROGRESS 2/3; MEETING 0/1
 * 2026:                       DECIDE 3/5, PROGRESS 3/6, MEETING 1/2
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpulsDashboardTest implements TestPropertyProvider {

    private static final String DECIDE_KPI = "AFHANDELING_BINNEN_ZES_WEKEN";
    private static final String PROGRESS_KPI = "VOORTGANG_BINNEN_TWEE_WEKEN";
    private static final String MEETING_KPI = "GESPREK_BINNEN_DRIE_WEKEN";

    @Inject
    DashboardService dashboards;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;

    Tenant impuls;
    CaseView i1;
    CaseView i3;
    CaseView i5;
    CaseView i7;
    CaseView i9;

    @Override
    public Map<String, String> getProperties() {
        return DashboardFixtures.properties();
    }

    @BeforeAll
    void cases() {
        impuls = tenants.resolve("impuls");
        i1 = file(complaints, impuls, complaint(FORMAL, LETTER, "2024-12-31", "BEJEGENING", null, null),
                event(PROGRESS_REPORTED, "2025-01-10"), decided("2025-02-11"));
        file(complaints, impuls, complaint(FORMAL, LETTER, "2026-02-02", "DIENSTVERLENING", null, null),
                decided("2026-03-10"), closed("2026-03-12", 2));
        i3 = file(complaints, impuls, complaint(FORMAL, EMAIL, "2026-03-16", "BEJEGENING", null, "M. Bakker"),
                event(PROGRESS_REPORTED, "2026-04-01"), decided("2026-04-28"));
        file(complaints, impuls, complaint(FORMAL, LETTER, "2026-06-30", "DIENSTVERLENING", "WELZIJNSWERK", null),
                event(MEETING_INVITED, "2026-07-01"), event(PROGRESS_REPORTED, "2026-07-14"),
                event(MEETING_HELD, "2026-07-20"), decided("2026-08-10"), closed("2026-08-20", 4));
        file(complaints, impuls, complaint(FORMAL, LETTER, "2026-07-06", "BEJEGENING", "WELZIJNSWERK", "M. Bakker"),
                event(MEETING_INVITED, "2026-07-08"), event(PROGRESS_REPORTED, "2026-07-15"),
                event(MEETING_HELD, "2026-07-29"), decided("2026-08-18"));
        i5 = file(complaints, impuls, complaint(FORMAL, WEB_FORM, "2026-08-03", "BEJEGENING", "WELZIJNSWERK",
                "m. bakker"), escalated("2026-09-20", "DIRECTOR"));
        file(complaints, impuls, complaint(INFORMAL, PHONE, "2026-09-07", "DIENSTVERLENING", "EDUCATIE", null),
                event(RESOLVED_INFORMALLY, "2026-09-07"), closed("2026-09-08", 5));
        i7 = file(complaints, impuls, complaint(FORMAL, LETTER, "2026-10-12", "VERBETERVOORSTEL", null, null),
                event(PROGRESS_REPORTED, "2026-10-20"));
        file(complaints, impuls, complaint(FORMAL, LETTER, "2026-10-19", "DIENSTVERLENING", null, null),
                notAdmissible("2026-10-22"), closed("2026-10-23", 1));
        i9 = file(complaints, impuls, complaint(FORMAL, EMAIL, "2026-11-09", "BEJEGENING", null, null),
                event(MEETING_INVITED, "2026-11-10"));
        // Another tenant's overdue complaint in the same half-year, about an employee of the same name.
        file(complaints, tenants.resolve("klimkoord"),
                complaint(INFORMAL, PHONE, "2026-09-01", "BEJEGENING", null, "M. Bakker"));
    }

    private Dashboard dashboard(String period) {
        return dashboards.dashboard(impuls, Period.parse(period));
    }

    @Test
    void handlingTermEndingOnKoningsdagMovesToTheNextWorkingDay() {
        CaseView c = complaints.get(impuls, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(i3.id()), null);
        assertEquals(LocalDate.of(2026, 4, 28), c.obligations().stream().filter(o -> o.code().equals("DECIDE"))
                .findFirst().orElseThrow().dueOn());
        assertEquals("1", i1.regulationVersion());
        assertEquals("2", i3.regulationVersion());
    }

    @Test
    void secondHalfYearCountsProgressMeetingAndHandlingAgainstTheHundredPercentTargets() {
        Dashboard d = dashboard("2026-H2");
        assertKpi(kpi(d, DECIDE_KPI), 0.0, 0, 2, 0, false);
        assertKpi(kpi(d, PROGRESS_KPI), 2.0 / 3, 2, 3, 0, false);
        assertKpi(kpi(d, MEETING_KPI), 0.0, 0, 1, 0, false);
        assertEquals(List.of(DECIDE_KPI, MEETING_KPI, PROGRESS_KPI), DashboardFixtures.kpiCodes(d),
                "every code with a term has a target, so no default share");
        assertEquals(List.of("DIRECTIEBEOORDELING", "HALFJAARRAPPORTAGE_LEIDINGGEVENDEN"),
                d.reportDuties().stream().map(r -> r.code()).sorted().toList());
    }

    @Test
    void complaintReceivedOnThirtyJuneBelongsToTheFirstHalfYear() {
        // I2: received 30-06; progress, talk and handling all fell in July/August, all on time
        Dashboard h1 = dashboard("2026-H1");
        assertKpi(kpi(h1, DECIDE_KPI), 1.0, 3, 3, 0, true);
        assertKpi(kpi(h1, PROGRESS_KPI), 1.0 / 3, 1, 3, 0, false);
        assertKpi(kpi(h1, MEETING_KPI), 1.0, 1, 1, 0, true);
        assertEquals(3, h1.breakdowns().total());
        assertKpi(kpi(dashboard("2026-K3"), MEETING_KPI), 0.0, 0, 1, 0, false);
    }

    @Test
    void complaintReceivedOnThirtyFirstDecemberBelongsToTheOldYearAndItsVersion() {
        // I1: received 31-12-2024 under version "1"; its terms ran in 2025
        Dashboard h2 = dashboard("2024-H2");
        assertKpi(kpi(h2, DECIDE_KPI), 1.0, 1, 1, 0, true);
        assertKpi(kpi(h2, PROGRESS_KPI), 1.0, 1, 1, 0, true);
        assertKpi(kpi(h2, MEETING_KPI), null, 0, 0, 0, null);
        assertEquals(1, h2.breakdowns().total());
        assertEquals(0, dashboard("2025").breakdowns().total());
        assertKpi(kpi(dashboard("2025"), DECIDE_KPI), null, 0, 0, 0, null);
    }

    @Test
    void unmetTermNotYetDueAndWaivedTermsDoNotCount() {
        // Q4: I7 due 23-11 (tomorrow), I9 not due, I8 waived by the inadmissibility
        Dashboard k4 = dashboard("2026-K4");
        assertKpi(kpi(k4, DECIDE_KPI), null, 0, 0, 0, null);
        assertKpi(kpi(k4, PROGRESS_KPI), 1.0, 1, 1, 0, true);
        assertKpi(kpi(k4, MEETING_KPI), null, 0, 0, 0, null);
    }

    @Test
    void yearAddsUpBothHalves() {
        Dashboard y = dashboard("2026");
        assertKpi(kpi(y, DECIDE_KPI), 3.0 / 5, 3, 5, 0, false);
        assertKpi(kpi(y, PROGRESS_KPI), 0.5, 3, 6, 0, false);
        assertKpi(kpi(y, MEETING_KPI), 0.5, 1, 2, 0, false);
        assertEquals(9, y.breakdowns().total());
        assertEquals(0, y.breakdowns().previousTotal());
    }

    @Test
    void trendShowsTheLastSixHalfYears() {
        Dashboard d = dashboard("2026-H2");
        assertEquals(List.of("2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2"),
                d.trendPeriods().stream().map(Period::code).toList());
        assertTrend(values(null, 1.0, null, null, 1.0, 0.0), kpi(d, DECIDE_KPI).trend());
        assertTrend(values(null, 1.0, null, null, 1.0 / 3, 2.0 / 3), kpi(d, PROGRESS_KPI).trend());
        assertTrend(values(null, null, null, null, 1.0, 0.0), kpi(d, MEETING_KPI).trend());
        assertEquals(List.of(0L, 1L, 0L, 0L, 3L, 5L), d.formalTrend());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 1L), d.informalTrend());
    }

    @Test
    void breakdownsCountTheHalfYearAgainstThePreviousOne() {
        Dashboard.Breakdowns b = dashboard("2026-H2").breakdowns();
        assertEquals(6, b.total());
        assertEquals(3, b.previousTotal());
        assertEquals("FORMAL=5/3, INFORMAL=1/0", counts(b.byKind()));
        assertEquals("EMAIL=1/1, LETTER=3/2, PHONE=1/0, WEB_FORM=1/0", counts(b.byChannel()));
        assertEquals("BEJEGENING=3/1, DIENSTVERLENING=2/2, VERBETERVOORSTEL=1/0", counts(b.byCategory()));
        assertEquals("WELZIJNSWERK=2/1, EDUCATIE=1/0, =3/2", counts(b.byServiceLine()));
        assertEquals("EMPLOYEE=5/3, TEAM_LEAD=0/0, DIRECTOR=1/0", counts(b.byLevel()));
        assertEquals("directeur", DashboardFixtures.count(b.byLevel(), "DIRECTOR").label());
    }

    @Test
    void satisfactionOfTheHalfYearsComplaints() {
        Dashboard.Satisfaction h2 = dashboard("2026-H2").satisfaction();
        assertEquals(2, h2.responses());
        assertEquals(3.0, h2.average(), 1e-9);
        assertEquals(List.of(1L, 0L, 0L, 0L, 1L), h2.distribution());
        assertEquals(3, h2.concluded(), "I4 decided, I6 resolved, I8 not admissible");
        Dashboard.Satisfaction h1 = dashboard("2026-H1").satisfaction();
        assertEquals(2, h1.responses(), "I2's 4 counts in the half-year it was received, though closed in August");
        assertEquals(List.of(0L, 1L, 0L, 1L, 0L), h1.distribution());
        assertEquals(3, h1.concluded());
    }

    @Test
    void repeatedPersonRisingCategoryAndRepeatedSubjectAreFlagged() {
        // M. Bakker in I4, I5 (I3 before); BEJEGENING 1 -> 3 rises; DIENSTVERLENING 2 -> 2 repeats
        assertEquals("REPEATED_PERSON:m. bakker=2/1, RISING_CATEGORY:BEJEGENING=3/1, "
                + "REPEATED_SUBJECT:DIENSTVERLENING=2/2", flags(dashboard("2026-H2")));
    }

    @Test
    void attentionListsOpenCasesOverdueOrDueWithinSevenDaysAndNeverClosedOnes() {
        // I5 overdue since 17-08; I7's handling and I9's progress due 23-11; I9's talk 30-11 is beyond 29-11;
        // I11 is closed with its progress report never sent
        Dashboard d = dashboard("2026-H2");
        assertEquals(i5.reference() + ":PROGRESS_UPDATE:2026-08-17:overdue, " + i7.reference()
                + ":DECIDE:2026-11-23:soon, " + i9.reference() + ":PROGRESS_UPDATE:2026-11-23:soon", attention(d));
        assertEquals(3, d.attentionTotal());
    }

    @Test
    void anotherTenantsComplaintsNeverAppear() {
        Dashboard d = dashboard("2026-09");
        assertEquals(1, d.breakdowns().total(), "I6 only, not the Klimkoord complaint of 01-09");
        assertEquals("FORMAL=0/1, INFORMAL=1/0", counts(d.breakdowns().byKind()), "I6; August had I5");
        assertTrue(d.attention().stream().allMatch(a -> a.reference().startsWith("IMPU-")), attention(d));
    }

    @Test
    void aPeriodThatHasNotStartedIsRefused() {
        assertThrows(InvalidInputException.class, () -> dashboard("2027"));
        assertThrows(InvalidInputException.class, () -> dashboard("2027-H1"));
    }
}
