package nl.klachtenregie.scenario;

import static nl.klachtenregie.complaint.Channel.EMAIL;
import static nl.klachtenregie.complaint.Channel.LETTER;
import static nl.klachtenregie.complaint.Channel.PHONE;
import static nl.klachtenregie.complaint.ComplaintKind.FORMAL;
import static nl.klachtenregie.complaint.ComplaintKind.INFORMAL;
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
import static nl.klachtenregie.scenario.DashboardFixtures.extension;
import static nl.klachtenregie.scenario.DashboardFixtures.file;
import static nl.klachtenregie.scenario.DashboardFixtures.flags;
import static nl.klachtenregie.scenario.DashboardFixtures.kpi;
import static nl.klachtenregie.scenario.DashboardFixtures.record;
import static nl.klachtenregie.scenario.DashboardFixtures.referred;
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
 * Procedure 6.5's dashboard against a hand-counted fixture. A formal complaint is judged within the statutory term
 * (Wkkgz art. 17: 6 weeks, once extended by at most 4 weeks when announced before the term ends; DECIDE). An
 * informal complaint's judgement has no term ("zo snel mogelijk"): it never counts. KPI: OORDEEL_BINNEN_TERMIJN
 * 100%. Today is Sun 22-11-2026.
 *
 * <pre>
 * case received        kind/channel    category   events                                             DECIDE (due / met)
 * Q10  Tue 03-03-2026  FORMAL LETTER   ORG        referred 01-05, closed 04-05                        14-04 / -  LATE (ran out before closing: stays)
 * Q9   Tue 14-04-2026  FORMAL LETTER   ZORG       decided 27-05, closed 29-05 (sat 1)                26-05 / 27-05 LATE
 * Q8   Tue 30-06-2026  FORMAL LETTER   BEJ        decided 11-08                                      11-08 / 11-08 on time
 * Q2   Wed 01-07-2026  FORMAL EMAIL    ZORG       ext 4w 10-08, decided 09-09                        12-08 -> 09-09 / 09-09 on time BY EXTENSION
 * Q3   Wed 15-07-2026  FORMAL LETTER   ORG        ext 2w 20-08, decided 10-09                        26-08 -> 09-09 / 10-09 LATE (within 10 weeks, not 6+2)
 * Q4   Tue 04-08-2026  FORMAL LETTER   BEJ        escalated DIRECTOR 01-09                            15-09 / -  LATE (overdue)
 *                      about E. Smit
 * Q5   Mon 10-08-2026  INFORMAL PHONE  BEJ        decided 11-08, closed 12-08 (sat 4)                no term: not counted
 *                      about E. Smit
 * Q1   Wed 30-09-2026  FORMAL LETTER   BEJ        decided 11-11                                      11-11 / 11-11 on time
 * Q6   Tue 13-10-2026  FORMAL LETTER   ORG        -                                                  24-11 not yet due
 * Q7   Tue 20-10-2026  FORMAL EMAIL    BEJ        resolved 22-10, closed 23-10 (sat 5)               01-12 WAIVED
 * + one Klimkoord formal complaint (other tenant) in 2026-K3: never counted here.
 *
 * 2026-K1 (Q10) 0/1; 2026-K2 (Q9 Q8) 1/2; 2026-K3 (Q2 Q3 Q4 Q5 Q1) 2/4, 1 by extension; 2026-K4 (Q6 Q7) nothing
 * 2026: 3/7 (Q8 Q2 Q1 on time); 2026-09 (Q1) 1/1; 2026-H2 2/4
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KwaliteitsprocedureDashboardTest implements TestPropertyProvider {

    private static final String DECIDE_KPI = "OORDEEL_BINNEN_TERMIJN";

    @Inject
    DashboardService dashboards;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    nl.klachtenregie.support.MovableClock clock;

    Tenant q;
    CaseView q2;
    CaseView q3;
    CaseView q4;
    CaseView q6;

    @Override
    public Map<String, String> getProperties() {
        return DashboardFixtures.properties();
    }

    @BeforeAll
    void cases() {
        q = tenants.resolve("kwaliteitsprocedure-6-5");
        file(complaints, q, complaint(FORMAL, LETTER, "2026-03-03", "ORGANISATIE", null, null),
                referred("2026-05-01", "EXTERNE_KLACHTENCOMMISSIE"), closed("2026-05-04", null));
        file(complaints, q, complaint(FORMAL, LETTER, "2026-04-14", "ZORG_EN_DIENSTVERLENING", null, null),
                decided("2026-05-27"), closed("2026-05-29", 1));
        file(complaints, q, complaint(FORMAL, LETTER, "2026-06-30", "BEJEGENING", null, null),
                decided("2026-08-11"));
        // Q2 and Q3: the extension is announced while the six weeks run, so "today" was that day.
        clock.set(LocalDate.of(2026, 8, 10));
        q2 = file(complaints, q, complaint(FORMAL, EMAIL, "2026-07-01", "ZORG_EN_DIENSTVERLENING", null, null),
                extension("2026-08-10", 4));
        clock.set(LocalDate.of(2026, 8, 20));
        q3 = file(complaints, q, complaint(FORMAL, LETTER, "2026-07-15", "ORGANISATIE", null, null),
                extension("2026-08-20", 2));
        clock.reset();
        record(complaints, q, q2, decided("2026-09-09"));
        record(complaints, q, q3, decided("2026-09-10"));
        q4 = file(complaints, q, complaint(FORMAL, LETTER, "2026-08-04", "BEJEGENING", null, "E. Smit"),
                escalated("2026-09-01", "DIRECTOR"));
        file(complaints, q, complaint(INFORMAL, PHONE, "2026-08-10", "BEJEGENING", null, "E. Smit"),
                decided("2026-08-11"), closed("2026-08-12", 4));
        file(complaints, q, complaint(FORMAL, LETTER, "2026-09-30", "BEJEGENING", null, null),
                decided("2026-11-11"));
        q6 = file(complaints, q, complaint(FORMAL, LETTER, "2026-10-13", "ORGANISATIE", null, null));
        file(complaints, q, complaint(FORMAL, EMAIL, "2026-10-20", "BEJEGENING", null, null),
                event(RESOLVED_INFORMALLY, "2026-10-22"), closed("2026-10-23", 5));
        // Another tenant's formal complaint in the same quarter, late as well.
        file(complaints, tenants.resolve("klimkoord"),
                complaint(FORMAL, LETTER, "2026-08-04", "BEJEGENING", null, "E. Smit"));
    }

    private Dashboard dashboard(String period) {
        return dashboards.dashboard(q, Period.parse(period));
    }

    private LocalDate due(CaseView c) {
        return complaints.get(q, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(c.id()), null).obligations().stream()
                .filter(o -> o.code().equals("DECIDE")).findFirst().orElseThrow().dueOn();
    }

    @Test
    void extendedTermsAreTheOnesCountedByHand() {
        assertEquals(LocalDate.of(2026, 9, 9), due(q2), "6 + 4 weeks");
        assertEquals(LocalDate.of(2026, 9, 9), due(q3), "6 + 2 weeks");
        assertEquals(LocalDate.of(2026, 11, 24), due(q6));
    }

    @Test
    void decisionAfterSixWeeksButWithinTheExtensionCountsOnTimeByExtension() {
        Dashboard.KpiValue july = kpi(dashboard("2026-07"), DECIDE_KPI);
        // Q2 on the last day of its ten weeks (by extension); Q3 one day after its six plus two
        assertKpi(july, 0.5, 1, 2, 1, false);
    }

    @Test
    void decisionAfterAShorterExtensionThanTheMaximumIsLateEvenWithinTenWeeks() {
        // Q3 (6 + 2 weeks, decided in week 9) is late: the term is what was announced, not the most there could be
        assertKpi(kpi(dashboard("2026-K3"), DECIDE_KPI), 0.5, 2, 4, 1, false);
    }

    @Test
    void informalComplaintsJudgementHasNoTermAndDoesNotCount() {
        // August: Q4 overdue, Q5 informal (its DECIDE has no term) -> 0 of 1
        assertKpi(kpi(dashboard("2026-08"), DECIDE_KPI), 0.0, 0, 1, 0, false);
        assertEquals(List.of(DECIDE_KPI), DashboardFixtures.kpiCodes(dashboard("2026-08")),
                "no default share for codes without a term (INFORM_MANAGEMENT, MEETING, COMMUNICATE_SOLUTION)");
    }

    @Test
    void unmetTermNotYetDueAndWaivedTermDoNotCount() {
        // Q6 due 24-11, Q7 waived by its informal resolution: nothing to measure, so no verdict either
        Dashboard.KpiValue k4 = kpi(dashboard("2026-K4"), DECIDE_KPI);
        assertKpi(k4, null, 0, 0, 0, null);
        assertEquals(1.0, k4.target());
    }

    @Test
    void complaintReceivedOnThirtySeptemberBelongsToTheThirdQuarter() {
        // Q1: received 30-09, judged 11-11 on the last day of its term
        assertKpi(kpi(dashboard("2026-09"), DECIDE_KPI), 1.0, 1, 1, 0, true);
        assertEquals(5, dashboard("2026-K3").breakdowns().total());
        assertEquals(2, dashboard("2026-K4").breakdowns().total());
    }

    @Test
    void complaintReceivedOnThirtyJuneBelongsToTheSecondQuarterAndFirstHalfYear() {
        assertKpi(kpi(dashboard("2026-K2"), DECIDE_KPI), 0.5, 1, 2, 0, false);
        assertKpi(kpi(dashboard("2026-H1"), DECIDE_KPI), 1.0 / 3, 1, 3, 0, false);
        assertKpi(kpi(dashboard("2026-H2"), DECIDE_KPI), 0.5, 2, 4, 1, false);
    }

    @Test
    void termRunOutBeforeClosingStaysLate() {
        // Q10 referred to the external committee after its term and closed: still a late judgement
        assertKpi(kpi(dashboard("2026-K1"), DECIDE_KPI), 0.0, 0, 1, 0, false);
    }

    @Test
    void yearAndTrendOverSixQuarters() {
        assertKpi(kpi(dashboard("2026"), DECIDE_KPI), 3.0 / 7, 3, 7, 1, false);
        Dashboard d = dashboard("2026-K4");
        assertEquals(List.of("2025-K3", "2025-K4", "2026-K1", "2026-K2", "2026-K3", "2026-K4"),
                d.trendPeriods().stream().map(Period::code).toList());
        assertTrend(values(null, null, 0.0, 0.5, 0.5, null), kpi(d, DECIDE_KPI).trend());
        assertEquals(List.of(0L, 0L, 1L, 2L, 4L, 2L), d.formalTrend());
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 0L), d.informalTrend());
    }

    @Test
    void breakdownsCountTheQuarterAgainstThePreviousQuarter() {
        Dashboard.Breakdowns b = dashboard("2026-K3").breakdowns();
        assertEquals(5, b.total());
        assertEquals(2, b.previousTotal());
        assertEquals("FORMAL=4/2, INFORMAL=1/0", counts(b.byKind()));
        assertEquals("EMAIL=1/0, LETTER=3/2, PHONE=1/0", counts(b.byChannel()));
        assertEquals("BEJEGENING=3/1, ZORG_EN_DIENSTVERLENING=1/1, ORGANISATIE=1/0", counts(b.byCategory()));
        assertEquals("=5/2", counts(b.byServiceLine()));
        assertEquals("EMPLOYEE=4/2, DIRECTOR=1/0", counts(b.byLevel()));
        assertEquals("directeur / senior adviseur kwaliteit", DashboardFixtures.count(b.byLevel(), "DIRECTOR").label());
    }

    @Test
    void satisfactionOfTheQuartersComplaints() {
        Dashboard.Satisfaction k3 = dashboard("2026-K3").satisfaction();
        assertEquals(1, k3.responses());
        assertEquals(4.0, k3.average(), 1e-9);
        assertEquals(List.of(0L, 0L, 0L, 1L, 0L), k3.distribution());
        assertEquals(4, k3.concluded(), "Q2 Q3 Q1 Q5 decided; Q4 open");
        Dashboard.Satisfaction y = dashboard("2026").satisfaction();
        assertEquals(3, y.responses(), "Q9 1, Q5 4, Q7 5; Q10 closed without a score");
        assertEquals(10.0 / 3, y.average(), 1e-9);
        assertEquals(List.of(1L, 0L, 0L, 1L, 1L), y.distribution());
    }

    @Test
    void trendsOfStepSevenAreFlagged() {
        // E. Smit twice (formal Q4, informal Q5); BEJEGENING 1 -> 3 rises
        assertEquals("REPEATED_PERSON:e. smit=2/0, RISING_CATEGORY:BEJEGENING=3/1", flags(dashboard("2026-K3")));
    }

    @Test
    void attentionListsOpenCasesOverdueOrDueWithinSevenDaysAndNeverClosedOnes() {
        Dashboard d = dashboard("2026-K3");
        assertEquals(q4.reference() + ":DECIDE:2026-09-15:overdue, " + q6.reference() + ":DECIDE:2026-11-24:soon",
                attention(d));
        assertEquals(2, d.attentionTotal());
    }

    @Test
    void anotherTenantsComplaintsNeverAppear() {
        Dashboard d = dashboard("2026-08");
        assertEquals(2, d.breakdowns().total(), "Q4 and Q5, not Klimkoord's complaint of 04-08");
        assertEquals("REPEATED_PERSON:e. smit=2/0", flags(d).split(", ")[0]);
        assertTrue(d.attention().stream().allMatch(a -> a.reference().startsWith("KWAL-")), attention(d));
    }

    @Test
    void aPeriodThatHasNotStartedIsRefused() {
        assertThrows(InvalidInputException.class, () -> dashboard("2027"));
        assertThrows(InvalidInputException.class, () -> dashboard("2026-12"));
    }
}
