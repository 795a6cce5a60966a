package nl.klachtenregie.scenario;

import static nl.klachtenregie.complaint.Channel.EMAIL;
import static nl.klachtenregie.complaint.Channel.IN_PERSON;
import static nl.klachtenregie.complaint.Channel.LETTER;
import static nl.klachtenregie.complaint.Channel.PHONE;
import static nl.klachtenregie.complaint.Channel.WEB_FORM;
import static nl.klachtenregie.complaint.ComplaintKind.FORMAL;
import static nl.klachtenregie.complaint.ComplaintKind.INFORMAL;
import static nl.klachtenregie.complaint.EventType.CONTACTED;
import static nl.klachtenregie.complaint.EventType.RESOLVED_INFORMALLY;
import static nl.klachtenregie.complaint.EventType.SOLUTION_COMMUNICATED;
import static nl.klachtenregie.scenario.DashboardFixtures.assertKpi;
import static nl.klachtenregie.scenario.DashboardFixtures.assertTrend;
import static nl.klachtenregie.scenario.DashboardFixtures.attention;
import static nl.klachtenregie.scenario.DashboardFixtures.closed;
import static nl.klachtenregie.scenario.DashboardFixtures.complaint;
import static nl.klachtenregie.scenario.DashboardFixtures.counts;
import static nl.klachtenregie.scenario.DashboardFixtures.escalated;
import static nl.klachtenregie.scenario.DashboardFixtures.event;
import static nl.klachtenregie.scenario.DashboardFixtures.file;
import static nl.klachtenregie.scenario.DashboardFixtures.flags;
import static nl.klachtenregie.scenario.DashboardFixtures.kpi;
import static nl.klachtenregie.scenario.DashboardFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Stichting Klimkoord's dashboard against a hand-counted fixture. Informal complaints (4.2): contact within 14 days
 * (CONTACT), the steps communicated within 30 days (COMMUNICATE_SOLUTION), both calendar days that roll to the next
 * working day when they end on a weekend or holiday. Formal complaints go to Klachtenportaal Zorg: no terms here,
 * but the KPI (6.2) "&lt; 1 formele klachten per jaar". Targets: the two shares 100%, the count below 1.
 * Today is Sun 22-11-2026.
 *
 * <pre>
 * case received        kind/channel     category       events                                 CONTACT (due/met)         COMMUNICATE_SOLUTION (due/met)
 * K2   Tue 10-06-2025  INFORMAL PHONE   WACHTTIJDEN    contact 12-06, solution 20-06          24-06 / 12-06 on time     10-07 / 20-06 on time
 * K1   Wed 31-12-2025  INFORMAL WEB     BEREIKBAARH.   contact 05-01, solution 02-02          14-01 / 05-01 on time     30-01 / 02-02 LATE
 * K3   Mon 02-03-2026  FORMAL EMAIL     BEJEGENING     -                                      - (Klachtenportaal Zorg)  -
 * K10  Mon 03-08-2026  INFORMAL LETTER  WACHTTIJDEN    solution 20-08, resolved 20-08,        17-08 / -  LATE (ran out  02-09 / 20-08 on time
 *                                                      closed 25-08 (sat 3)                   before closing: stays)
 * K4   Wed 30-09-2026  INFORMAL EMAIL   ZORGVERLENING  contact 14-10, solution 29-10          14-10 / 14-10 on time     30-10 / 29-10 on time
 *                      about P. de Vries
 * K5   Sat 03-10-2026  INFORMAL WEB     ZORGVERLENING  contact 19-10, solution 03-11          17-10 Sat -> 19-10 /      02-11 / 03-11 LATE
 *                      about P. de Vries                                                      19-10 on time
 * K6   Tue 20-10-2026  INFORMAL PHONE   WACHTTIJDEN    escalated TEAM_LEAD 02-11              03-11 / -  LATE (overdue) 19-11 / -  LATE (overdue)
 * K8   Mon 02-11-2026  INFORMAL EMAIL   WACHTTIJDEN    contact 05-11, resolved 06-11,         16-11 / 05-11 on time     02-12 SET ASIDE at closing: not on time
 *                                                      closed 09-11 (sat 5)
 * K7   Tue 10-11-2026  INFORMAL IN_PERS BEJEGENING     -                                      24-11 not yet due         10-12 not yet due
 *                      about p. de vries
 * K9   Mon 16-11-2026  INFORMAL EMAIL   ONGEW_GEDRAG   contact 17-11                          30-11 / 17-11 on time     16-12 not yet due
 * + one IederZijnWerk formal complaint (other tenant) in 2025: never counted here.
 *
 * 2025:    formal 0 -> FORMELE_KLACHTEN_PER_JAAR 0 met;  CONTACT 2/2 met;  SOLUTION 1/2 breached
 * 2026:    formal 1 (K3) -> breached
 *          CONTACT: K10 late, K4 K5 on time, K6 late, K8 K9 on time, K7 not due -> 4/6 breached
 *          SOLUTION: K10 K4 on time, K5 K6 late, K8 set aside, K7 K9 not due -> 2/5 breached
 * 2026-K3 (K10 K4):          CONTACT 1/2, SOLUTION 2/2
 * 2026-K4 (K5 K6 K8 K7 K9):  CONTACT 3/4 (K6 late), SOLUTION 0/3 (K5 K6 late; K8 set aside; K7 K9 not due)
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KlimkoordDashboardTest implements TestPropertyProvider {

    private static final String FORMAL_KPI = "FORMELE_KLACHTEN_PER_JAAR";
    private static final String CONTACT_KPI = "CONTACT_BINNEN_14_DAGEN";
    private static final String SOLUTION_KPI = "OPLOSSING_BINNEN_30_DAGEN";

    @Inject
    DashboardService dashboards;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;

    Tenant klimkoord;
    CaseView k5;
    CaseView k6;
    CaseView k7;

    @Override
    public Map<String, String> getProperties() {
        return DashboardFixtures.properties();
    }

    @BeforeAll
    void cases() {
        klimkoord = tenants.resolve("klimkoord");
        file(complaints, klimkoord, complaint(INFORMAL, PHONE, "2025-06-10", "WACHTTIJDEN", null, null),
                event(CONTACTED, "2025-06-12"), event(SOLUTION_COMMUNICATED, "2025-06-20"));
        file(complaints, klimkoord, complaint(INFORMAL, WEB_FORM, "2025-12-31", "BEREIKBAARHEID", null, null),
                event(CONTACTED, "2026-01-05"), event(SOLUTION_COMMUNICATED, "2026-02-02"));
        file(complaints, klimkoord, complaint(FORMAL, EMAIL, "2026-03-02", "BEJEGENING", null, null));
        file(complaints, klimkoord, complaint(INFORMAL, LETTER, "2026-08-03", "WACHTTIJDEN", null, null),
                event(SOLUTION_COMMUNICATED, "2026-08-20"), event(RESOLVED_INFORMALLY, "2026-08-20"),
                closed("2026-08-25", 3));
        file(complaints, klimkoord, complaint(INFORMAL, EMAIL, "2026-09-30", "ZORGVERLENING", null, "P. de Vries"),
                event(CONTACTED, "2026-10-14"), event(SOLUTION_COMMUNICATED, "2026-10-29"));
        k5 = file(complaints, klimkoord, complaint(INFORMAL, WEB_FORM, "2026-10-03", "ZORGVERLENING", null,
                "P. de Vries"), event(CONTACTED, "2026-10-19"), event(SOLUTION_COMMUNICATED, "2026-11-03"));
        k6 = file(complaints, klimkoord, complaint(INFORMAL, PHONE, "2026-10-20", "WACHTTIJDEN", null, null),
                escalated("2026-11-02", "TEAM_LEAD"));
        file(complaints, klimkoord, complaint(INFORMAL, EMAIL, "2026-11-02", "WACHTTIJDEN", null, null),
                event(CONTACTED, "2026-11-05"), event(RESOLVED_INFORMALLY, "2026-11-06"), closed("2026-11-09", 5));
        k7 = file(complaints, klimkoord, complaint(INFORMAL, IN_PERSON, "2026-11-10", "BEJEGENING", null,
                "p. de vries"));
        file(complaints, klimkoord, complaint(INFORMAL, EMAIL, "2026-11-16", "ONGEWENST_GEDRAG", null, null),
                event(CONTACTED, "2026-11-17"));
        // Another tenant's formal complaint in 2025, the year Klimkoord had none.
        file(complaints, tenants.resolve("iederzijnwerk"),
                complaint(FORMAL, LETTER, "2025-05-12", "BEJEGENING", null, null));
    }

    private Dashboard dashboard(String period) {
        return dashboards.dashboard(klimkoord, Period.parse(period));
    }

    @Test
    void contactTermEndingOnASaturdayMovesToMonday() {
        CaseView c = complaints.get(klimkoord, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(k5.id()), null);
        assertEquals(LocalDate.of(2026, 10, 19), c.obligations().stream().filter(o -> o.code().equals("CONTACT"))
                .findFirst().orElseThrow().dueOn());
        assertEquals(LocalDate.of(2026, 11, 2), c.obligations().stream()
                .filter(o -> o.code().equals("COMMUNICATE_SOLUTION")).findFirst().orElseThrow().dueOn());
    }

    @Test
    void noFormalComplaintInAYearMeetsFewerThanOneFormalComplaintAYear() {
        Dashboard d = dashboard("2025");
        Dashboard.KpiValue formal = kpi(d, FORMAL_KPI);
        assertKpi(formal, 0.0, 0, 1, 0, true);
        assertEquals("LT", formal.comparator());
        assertEquals(1.0, formal.target());
        assertEquals("FORMAL_COMPLAINTS", formal.measure());
        assertKpi(kpi(d, CONTACT_KPI), 1.0, 2, 2, 0, true);
        assertKpi(kpi(d, SOLUTION_KPI), 0.5, 1, 2, 0, false);
    }

    @Test
    void anInformalComplaintTakenToKlachtenportaalZorgCountsInFewerThanOneFormalComplaintAYear() {
        // 2024 is used by this test only: one informal complaint, taken to the Klachtenfunctionaris of Klachtenportaal
        // Zorg, who handles it as a formal one (5.): "< 1 formele klachten per jaar" is broken.
        file(complaints, klimkoord, complaint(INFORMAL, PHONE, "2024-08-05", "BEREIKBAARHEID", null, null),
                escalated("2024-08-06", "COMPLAINTS_OFFICER"));
        Dashboard d = dashboard("2024");
        assertKpi(kpi(d, FORMAL_KPI), 1.0, 1, 1, 0, false);
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L), d.formalTrend().subList(0, 6).stream().map(x -> 0L).toList(),
                "the trend of formal and informal complaints shows the kind as registered");
        assertEquals(1L, (long) d.informalTrend().get(d.informalTrend().size() - 1));
    }

    @Test
    void oneFormalComplaintInAYearBreachesFewerThanOneFormalComplaintAYear() {
        Dashboard.KpiValue formal = kpi(dashboard("2026"), FORMAL_KPI);
        assertKpi(formal, 1.0, 1, 1, 0, false);
        assertTrue(formal.breached());
    }

    @Test
    void aQuarterWithoutFormalComplaintsStillBreachesTheYearlyNormBrokenEarlierThatYear() {
        // K3 (formal) came in March; the fourth quarter has none, but "< 1 per jaar" is already broken for 2026
        Dashboard.KpiValue k4 = kpi(dashboard("2026-K4"), FORMAL_KPI);
        assertKpi(k4, 1.0, 1, 1, 0, false);
        assertKpi(kpi(dashboard("2025-K4"), FORMAL_KPI), 0.0, 0, 1, 0, true);
        assertKpi(kpi(dashboard("2026-02"), FORMAL_KPI), 0.0, 0, 1, 0, true);
    }

    @Test
    void contactWithinFourteenDaysAndSolutionWithinThirtyDaysOverTheYear() {
        Dashboard d = dashboard("2026");
        assertKpi(kpi(d, CONTACT_KPI), 4.0 / 6, 4, 6, 0, false);
        assertKpi(kpi(d, SOLUTION_KPI), 0.4, 2, 5, 0, false);
        // both obligation codes with a term have a target; the others (ACKNOWLEDGE, MEETING, ...) have no term
        assertEquals(List.of(CONTACT_KPI, FORMAL_KPI, SOLUTION_KPI), DashboardFixtures.kpiCodes(d));
    }

    @Test
    void complaintReceivedOnThirtySeptemberBelongsToTheThirdQuarter() {
        // K4: received 30-09, its terms end 14-10 and 30-10 in the fourth quarter
        Dashboard k3 = dashboard("2026-K3");
        assertKpi(kpi(k3, CONTACT_KPI), 0.5, 1, 2, 0, false);
        assertKpi(kpi(k3, SOLUTION_KPI), 1.0, 2, 2, 0, true);
        assertEquals(2, k3.breakdowns().total());
        assertEquals(1, dashboard("2026-09").breakdowns().total());
        assertEquals(2, dashboard("2026-10").breakdowns().total(), "K5 and K6; K4 stays in September");
        assertEquals(5, dashboard("2026-K4").breakdowns().total());
    }

    @Test
    void complaintReceivedOnThirtyFirstDecemberBelongsToTheOldYear() {
        // K1's late solution (02-02-2026) is 2025's breach
        assertKpi(kpi(dashboard("2025-K4"), SOLUTION_KPI), 0.0, 0, 1, 0, false);
        assertKpi(kpi(dashboard("2026-K1"), SOLUTION_KPI), null, 0, 0, 0, null);
        assertEquals(1, dashboard("2026-K1").breakdowns().total(), "K3 only");
    }

    @Test
    void anUnmetTermNotYetDueDoesNotCountButATermSetAsideAtClosingCountsAsNotOnTime() {
        Dashboard d = dashboard("2026-K4");
        assertKpi(kpi(d, CONTACT_KPI), 0.75, 3, 4, 0, false);
        assertKpi(kpi(d, SOLUTION_KPI), 0.0, 0, 3, 0, false);
        // November alone: K7's and K9's open terms do not count yet; K8's solution, set aside when it was closed, does
        assertKpi(kpi(dashboard("2026-11"), SOLUTION_KPI), 0.0, 0, 1, 0, false);
        assertKpi(kpi(dashboard("2026-11"), CONTACT_KPI), 1.0, 2, 2, 0, true);
    }

    @Test
    void trendShowsTheLastSixQuarters() {
        Dashboard d = dashboard("2026-K4");
        assertEquals(List.of("2025-K3", "2025-K4", "2026-K1", "2026-K2", "2026-K3", "2026-K4"),
                d.trendPeriods().stream().map(Period::code).toList());
        assertTrend(values(null, 1.0, null, null, 0.5, 0.75), kpi(d, CONTACT_KPI).trend());
        assertTrend(values(null, 0.0, null, null, 1.0, 0.0), kpi(d, SOLUTION_KPI).trend());
        // the count KPI is per year: each quarter shows its year so far (K3 in March 2026 counts on to December)
        assertTrend(values(0.0, 0.0, 1.0, 1.0, 1.0, 1.0), kpi(d, FORMAL_KPI).trend());
        assertEquals(List.of(0L, 0L, 1L, 0L, 0L, 0L), d.formalTrend());
        assertEquals(List.of(0L, 1L, 0L, 0L, 2L, 5L), d.informalTrend());
    }

    @Test
    void breakdownsCountTheQuarterAgainstThePreviousQuarter() {
        Dashboard.Breakdowns b = dashboard("2026-K4").breakdowns();
        assertEquals(5, b.total());
        assertEquals(2, b.previousTotal());
        assertEquals("INFORMAL=5/2", counts(b.byKind()));
        assertEquals("EMAIL=2/1, IN_PERSON=1/0, LETTER=0/1, PHONE=1/0, WEB_FORM=1/0", counts(b.byChannel()));
        assertEquals("BEJEGENING=1/0, ZORGVERLENING=1/1, BEREIKBAARHEID=0/0, WACHTTIJDEN=2/1, "
                + "INFORMATIEVOORZIENING=0/0, TRAININGSAANBOD=0/0, COMMUNICATIEWIJZE=0/0, ONGEWENST_GEDRAG=1/0, "
                + "OVERIG=0/0", counts(b.byCategory()));
        assertEquals("=5/2", counts(b.byServiceLine()), "Klimkoord has no service lines");
        assertEquals("EMPLOYEE=4/2, TEAM_LEAD=1/0, COMPLAINTS_OFFICER=0/0", counts(b.byLevel()));
    }

    @Test
    void satisfactionOfTheQuartersComplaints() {
        Dashboard.Satisfaction k4 = dashboard("2026-K4").satisfaction();
        assertEquals(1, k4.responses());
        assertEquals(5.0, k4.average(), 1e-9);
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L), k4.distribution());
        assertEquals(1, k4.concluded(), "K8 resolved");
        Dashboard.Satisfaction k3 = dashboard("2026-K3").satisfaction();
        assertEquals(1, k3.responses());
        assertEquals(3.0, k3.average(), 1e-9);
        Dashboard.Satisfaction none = dashboard("2026-K1").satisfaction();
        assertEquals(0, none.responses());
        assertNull(none.average());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), none.distribution());
    }

    @Test
    void repeatedPersonAndRepeatedSubjectAreFlagged() {
        // P. de Vries in K5 and K7 (and K4 the quarter before); WACHTTIJDEN 1 -> 2 repeats but does not rise by 2
        assertEquals("REPEATED_PERSON:p. de vries=2/1, REPEATED_SUBJECT:WACHTTIJDEN=2/1", flags(dashboard("2026-K4")));
    }

    @Test
    void attentionListsOpenCasesOverdueOrDueWithinSevenDaysAndNeverClosedOnes() {
        // K6 overdue since 03-11; K7's contact due 24-11; K10 is closed with its contact never made
        Dashboard d = dashboard("2026-K4");
        assertEquals(k6.reference() + ":CONTACT:2026-11-03:overdue, " + k7.reference() + ":CONTACT:2026-11-24:soon",
                attention(d));
        assertEquals(2, d.attentionTotal());
    }

    @Test
    void anotherTenantsFormalComplaintNeverCounts() {
        assertEquals(0, dashboard("2025").breakdowns().byKind().stream()
                .filter(c -> c.code().equals("FORMAL")).mapToLong(Dashboard.Count::count).sum());
        assertEquals(2, dashboard("2025").breakdowns().total());
        assertTrue(dashboard("2025").attention().stream().allMatch(a -> a.reference().startsWith("KLIM-")));
    }

    @Test
    void aPeriodThatHasNotStartedIsRefused() {
        assertThrows(InvalidInputException.class, () -> dashboard("2027"));
        assertThrows(InvalidInputException.class, () -> dashboard("2027-K1"));
    }
}
