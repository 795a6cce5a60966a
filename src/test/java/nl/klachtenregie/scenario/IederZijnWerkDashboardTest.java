package nl.klachtenregie.scenario;

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
import static nl.klachtenregie.scenario.DashboardFixtures.notAdmissible;
import static nl.klachtenregie.scenario.DashboardFixtures.record;
import static nl.klachtenregie.scenario.DashboardFixtures.values;
import static nl.klachtenregie.complaint.Channel.EMAIL;
import static nl.klachtenregie.complaint.Channel.IN_PERSON;
import static nl.klachtenregie.complaint.Channel.LETTER;
import static nl.klachtenregie.complaint.Channel.PHONE;
import static nl.klachtenregie.complaint.Channel.WEB_FORM;
import static nl.klachtenregie.complaint.ComplaintKind.FORMAL;
import static nl.klachtenregie.complaint.ComplaintKind.INFORMAL;
import static nl.klachtenregie.complaint.EventType.ACKNOWLEDGED;
import static nl.klachtenregie.complaint.EventType.RESOLVED_INFORMALLY;
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
 * IederZijnWerk Ambulant's dashboard against a hand-counted fixture. Terms: ontvangstbevestiging within 5 working
 * days (ACKNOWLEDGE, every complaint); a written or official complaint judged within 6 weeks (DECIDE), once extended
 * by 4 weeks when announced within the 6; a complaint not taken into treatment notified within 6 weeks
 * (NOTIFY_NOT_ADMISSIBLE, no KPI of its own: default share). KPIs: both ON_TIME shares must be 100%.
 * Today is Sun 22-11-2026; "counts" = met, or unmet, not waived and due before today.
 *
 * <pre>
 * case received        kind/channel    cat/line         events                                ACKNOWLEDGE (due/met)    DECIDE (due/met)
 * M    Wed 31-12-2025  FORMAL LETTER   BEJ/AMBULANT     ack 07-01, decided 12-02              08-01 / 07-01 on time    11-02 / 12-02 LATE
 * L    Tue 10-03-2026  FORMAL LETTER   BEJ/AMBULANT     decided 10-04, closed 15-04 (sat 3)   17-03 / -  LATE (closed  21-04 / 10-04 on time
 *                                                                                             after it ran out: stays)
 * N    Mon 04-05-2026  INFORMAL IN_PER BEJ/DAGBEST      ack 12-05, resolved 13-05             12-05 (5 mei skipped) /  - (oral, not official)
 *                                                                                             12-05 on time
 * A    Tue 30-06-2026  FORMAL LETTER   BEJ/AMBULANT     ack 02-07, decided 10-08              07-07 / 02-07 on time    11-08 / 10-08 on time
 * B    Wed 01-07-2026  FORMAL EMAIL    OND/AMBULANT     ack 09-07, ext 4w 05-08, dec 01-09    08-07 / 09-07 LATE       12-08 -> 09-09 / 01-09 on time BY EXTENSION
 * C    Mon 06-07-2026  FORMAL LETTER   BEJ/AMBULANT     ack 07-07, ext 4w 10-08, dec 15-09    13-07 / 07-07 on time    17-08 -> 14-09 / 15-09 LATE (after extension)
 * H    Mon 03-08-2026  FORMAL LETTER   BEJ/ARBEIDSC.    ack 04-08, not adm. 20-08, closed     10-08 / 04-08 on time    - (own procedure); NOTIFY 14-09 / 20-08 on time
 *                                                       21-08 (sat 2)
 * D    Tue 01-09-2026  FORMAL LETTER   BEJ/AMBULANT     ack 08-09, dec 13-10, closed 20-10    08-09 / 08-09 on time    13-10 / 13-10 on time
 *                      about J. Jansen                  (sat 4)
 * E    Mon 14-09-2026  FORMAL WEB_FORM COM/AMBULANT     escalated TEAM_LEAD 30-10             21-09 / -  LATE (overdue) 26-10 / -  LATE (overdue)
 *                      about j. jansen
 * G    Mon 05-10-2026  INFORMAL PHONE  OND/DAGBEST      ack 06-10, resolved 07-10, closed     12-10 / 06-10 on time    - (oral, not official)
 *                                                       08-10 (sat 5)
 * F    Fri 16-10-2026  INFORMAL LETTER AFS/HUISH+       ack 19-10                             23-10 / 19-10 on time    27-11 / -  not yet due: not counted
 * I    Mon 26-10-2026  FORMAL EMAIL    DIE/-            ack 27-10, resolved 28-10             02-11 / 27-10 on time    07-12 WAIVED: not counted
 * J    Fri 20-11-2026  FORMAL LETTER   BEJ/AMBULANT     -                                     27-11 / -  not yet due   01-01-2027 Nieuwjaarsdag -> 04-01-2027
 * + one Impuls complaint (other tenant), overdue, in 2026-H2: never counted here.
 *
 * 2026-H2 (B C H D E G F I J = 9): ACKNOWLEDGE 6/8 (B, E late; J not due) = 0.75 breached
 *                                  DECIDE 2/4 (B by extension, D; C, E late; F, J not due; I waived) = 0.5 breached
 *                                  NOTIFY_NOT_ADMISSIBLE 1/1 (default share, no target)
 * 2026-H1 (L N A = 3):             ACKNOWLEDGE 2/3 (L late), DECIDE 2/2 met
 * 2026-K3 (B C H D E):             ACKNOWLEDGE 3/5, DECIDE 2/4 (1 by extension)
 * 2026-K4 (G F I J):               ACKNOWLEDGE 3/3 met; DECIDE nothing to measure (null)
 * 2026-07 (B C):                   DECIDE 1/2, 1 by extension; 2026-06 (A): DECIDE 1/1
 * 2025 (M):                        DECIDE 0/1 breached, ACKNOWLEDGE 1/1
 * 2026:                            DECIDE 4/6 (A L B D on time), ACKNOWLEDGE 8/11
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IederZijnWerkDashboardTest implements TestPropertyProvider {

    private static final String DECIDE_KPI = "AFGEHANDELD_BINNEN_TERMIJN";
    private static final String ACK_KPI = "ONTVANGSTBEVESTIGING_BINNEN_5_WERKDAGEN";

    @Inject
    DashboardService dashboards;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    nl.klachtenregie.support.MovableClock clock;

    Tenant izw;
    CaseView m;
    CaseView e;
    CaseView f;
    CaseView j;
    CaseView l;

    @Override
    public Map<String, String> getProperties() {
        return DashboardFixtures.properties();
    }

    @BeforeAll
    void cases() {
        izw = tenants.resolve("iederzijnwerk");
        m = file(complaints, izw, complaint(FORMAL, LETTER, "2025-12-31", "BEJEGENING", "AMBULANT", null),
                event(ACKNOWLEDGED, "2026-01-07"), decided("2026-02-12"));
        l = file(complaints, izw, complaint(FORMAL, LETTER, "2026-03-10", "BEJEGENING", "AMBULANT", null),
                decided("2026-04-10"), closed("2026-04-15", 3));
        file(complaints, izw, complaint(INFORMAL, IN_PERSON, "2026-05-04", "BEJEGENING", "DAGBESTEDING", null),
                event(ACKNOWLEDGED, "2026-05-12"), event(RESOLVED_INFORMALLY, "2026-05-13"));
        file(complaints, izw, complaint(FORMAL, LETTER, "2026-06-30", "BEJEGENING", "AMBULANT", null),
                event(ACKNOWLEDGED, "2026-07-02"), decided("2026-08-10"));
        // B and C: the extension is announced while the six weeks run, so "today" was that day.
        clock.set(LocalDate.of(2026, 8, 5));
        CaseView b = file(complaints, izw, complaint(FORMAL, EMAIL, "2026-07-01", "ONDERSTEUNING", "AMBULANT", null),
                event(ACKNOWLEDGED, "2026-07-09"), extension("2026-08-05", 4));
        clock.set(LocalDate.of(2026, 8, 10));
        CaseView c = file(complaints, izw, complaint(FORMAL, LETTER, "2026-07-06", "BEJEGENING", "AMBULANT", null),
                event(ACKNOWLEDGED, "2026-07-07"), extension("2026-08-10", 4));
        clock.reset();
        record(complaints, izw, b, decided("2026-09-01"));
        record(complaints, izw, c, decided("2026-09-15"));
        file(complaints, izw, complaint(FORMAL, LETTER, "2026-08-03", "BEJEGENING", "ARBEIDSCOACHING", null),
                event(ACKNOWLEDGED, "2026-08-04"), notAdmissible("2026-08-20"), closed("2026-08-21", 2));
        file(complaints, izw, complaint(FORMAL, LETTER, "2026-09-01", "BEJEGENING", "AMBULANT", "J. Jansen"),
                event(ACKNOWLEDGED, "2026-09-08"), decided("2026-10-13"), closed("2026-10-20", 4));
        e = file(complaints, izw, complaint(FORMAL, WEB_FORM, "2026-09-14", "COMMUNICATIE", "AMBULANT", "j. jansen"),
                escalated("2026-10-30", "TEAM_LEAD"));
        file(complaints, izw, complaint(INFORMAL, PHONE, "2026-10-05", "ONDERSTEUNING", "DAGBESTEDING", null),
                event(ACKNOWLEDGED, "2026-10-06"), event(RESOLVED_INFORMALLY, "2026-10-07"), closed("2026-10-08", 5));
        f = file(complaints, izw, complaint(INFORMAL, LETTER, "2026-10-16", "AFSPRAKEN", "HUISHOUDENPLUS", null),
                event(ACKNOWLEDGED, "2026-10-19"));
        file(complaints, izw, complaint(FORMAL, EMAIL, "2026-10-26", "DIENSTVERLENING", null, null),
                event(ACKNOWLEDGED, "2026-10-27"), event(RESOLVED_INFORMALLY, "2026-10-28"));
        j = file(complaints, izw, complaint(FORMAL, LETTER, "2026-11-20", "BEJEGENING", "AMBULANT", null));
        // Another tenant's overdue complaint in the same half-year.
        file(complaints, tenants.resolve("impuls"),
                complaint(FORMAL, LETTER, "2026-09-01", "BEJEGENING", null, "J. Jansen"));
    }

    private Dashboard dashboard(String period) {
        return dashboards.dashboard(izw, Period.parse(period));
    }

    @Test
    void fixtureTermsAreTheOnesCountedByHand() {
        // the due dates the table above counts with, as the case engine computed them
        assertEquals(LocalDate.of(2026, 3, 17), due(l, "ACKNOWLEDGE"));
        assertEquals(LocalDate.of(2026, 9, 21), due(e, "ACKNOWLEDGE"));
        assertEquals(LocalDate.of(2026, 10, 26), due(e, "DECIDE"));
        assertEquals(LocalDate.of(2026, 11, 27), due(f, "DECIDE"));
        assertEquals(LocalDate.of(2027, 1, 4), due(j, "DECIDE"), "1 January is Nieuwjaarsdag, then a weekend");
        assertEquals(LocalDate.of(2026, 2, 11), due(m, "DECIDE"));
    }

    private LocalDate due(CaseView c, String code) {
        return complaints.get(izw, nl.klachtenregie.complaint.Viewer.SYSTEM, new nl.klachtenregie.complaint.ComplaintId(c.id()), null).obligations().stream()
                .filter(o -> o.code().equals(code)).findFirst().orElseThrow().dueOn();
    }

    @Test
    void secondHalfYearCountsEveryTermMetOnTimeAgainstTheHundredPercentTargets() {
        Dashboard d = dashboard("2026-H2");
        assertEquals(DashboardFixtures.TODAY, d.asOf());
        assertKpi(kpi(d, DECIDE_KPI), 0.5, 2, 4, 1, false);
        assertEquals("GE", kpi(d, DECIDE_KPI).comparator());
        assertEquals(1.0, kpi(d, DECIDE_KPI).target());
        assertEquals("ON_TIME:DECIDE", kpi(d, DECIDE_KPI).measure());
        assertTrue(kpi(d, DECIDE_KPI).breached());
        assertKpi(kpi(d, ACK_KPI), 0.75, 6, 8, 0, false);
    }

    @Test
    void anObligationCodeWithoutATargetGetsTheDefaultMetOnTimeShare() {
        Dashboard d = dashboard("2026-H2");
        Dashboard.KpiValue notify = kpi(d, "OP_TIJD_NOTIFY_NOT_ADMISSIBLE");
        assertKpi(notify, 1.0, 1, 1, 0, null);
        assertNull(notify.comparator());
        assertNull(notify.target());
        assertEquals("NOTIFY_NOT_ADMISSIBLE", notify.obligation());
        // codes without a term (INFORM_MANAGEMENT, COMMUNICATE_SOLUTION) have nothing to be on time for
        assertEquals(List.of(DECIDE_KPI, ACK_KPI, "OP_TIJD_NOTIFY_NOT_ADMISSIBLE"), DashboardFixtures.kpiCodes(d));
        // the period without a declared inadmissibility has no default share for it
        assertTrue(dashboard("2026-K4").kpis().stream().noneMatch(k -> k.code().equals("OP_TIJD_NOTIFY_NOT_ADMISSIBLE")));
    }

    @Test
    void decisionAfterSixWeeksButWithinTheExtensionCountsOnTimeByExtension() {
        // July: B decided in week 9 of its 10 (on time by extension), C decided the day after its 10 weeks (late)
        assertKpi(kpi(dashboard("2026-07"), DECIDE_KPI), 0.5, 1, 2, 1, false);
    }

    @Test
    void decisionAfterTheExtendedTermIsLate() {
        // September would hold nothing; C (July) is the case: 15-09 after the extended 14-09
        Dashboard.KpiValue k3 = kpi(dashboard("2026-K3"), DECIDE_KPI);
        assertKpi(k3, 0.5, 2, 4, 1, false);
    }

    @Test
    void unmetTermNotYetDueAndWaivedTermDoNotCount() {
        // K4: F's decision is due 27-11, J's on 04-01-2027, I's waived by the informal resolution
        Dashboard d = dashboard("2026-K4");
        assertKpi(kpi(d, DECIDE_KPI), null, 0, 0, 0, null);
        // J's acknowledgement is due 27-11: not yet counted; the other three were on time
        assertKpi(kpi(d, ACK_KPI), 1.0, 3, 3, 0, true);
    }

    @Test
    void complaintReceivedOnThirtyJuneBelongsToTheFirstHalfYear() {
        // A: received 30-06, its six weeks end 11-08 in the second half-year; decided on time
        Dashboard h1 = dashboard("2026-H1");
        assertKpi(kpi(h1, DECIDE_KPI), 1.0, 2, 2, 0, true);
        assertKpi(kpi(h1, ACK_KPI), 2.0 / 3, 2, 3, 0, false);
        assertEquals(3, h1.breakdowns().total());
        assertKpi(kpi(dashboard("2026-06"), DECIDE_KPI), 1.0, 1, 1, 0, true);
        assertEquals(1, dashboard("2026-06").breakdowns().total());
        assertEquals(2, dashboard("2026-07").breakdowns().total(), "B and C only");
    }

    @Test
    void complaintReceivedOnThirtyFirstDecemberBelongsToItsYear() {
        // M: received 31-12-2025, decided 12-02-2026 one day late: 2025's figure, not 2026's
        Dashboard y2025 = dashboard("2025");
        assertEquals(DashboardFixtures.TODAY, y2025.asOf(), "a period that is over is measured today too");
        assertKpi(kpi(y2025, DECIDE_KPI), 0.0, 0, 1, 0, false);
        assertKpi(kpi(y2025, ACK_KPI), 1.0, 1, 1, 0, true);
        assertEquals(1, y2025.breakdowns().total());
        Dashboard y2026 = dashboard("2026");
        assertKpi(kpi(y2026, DECIDE_KPI), 4.0 / 6, 4, 6, 1, false);
        assertKpi(kpi(y2026, ACK_KPI), 8.0 / 11, 8, 11, 0, false);
        assertEquals(12, y2026.breakdowns().total());
        assertEquals(1, y2026.breakdowns().previousTotal());
    }

    @Test
    void trendShowsTheLastSixHalfYears() {
        Dashboard d = dashboard("2026-H2");
        assertEquals(List.of("2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2"),
                d.trendPeriods().stream().map(Period::code).toList());
        assertTrend(values(null, null, null, 0.0, 1.0, 0.5), kpi(d, DECIDE_KPI).trend());
        assertTrend(values(null, null, null, 1.0, 2.0 / 3, 0.75), kpi(d, ACK_KPI).trend());
        assertEquals(List.of(0L, 0L, 0L, 1L, 2L, 7L), d.formalTrend());
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 2L), d.informalTrend());
    }

    @Test
    void breakdownsCountThePeriodAgainstThePreviousHalfYear() {
        Dashboard.Breakdowns b = dashboard("2026-H2").breakdowns();
        assertEquals(9, b.total());
        assertEquals(3, b.previousTotal());
        assertEquals("FORMAL=7/2, INFORMAL=2/1", counts(b.byKind()));
        assertEquals("EMAIL=2/0, IN_PERSON=0/1, LETTER=5/2, PHONE=1/0, WEB_FORM=1/0", counts(b.byChannel()));
        assertEquals("BEJEGENING=4/3, ONDERSTEUNING=2/0, AFSPRAKEN=1/0, DIENSTVERLENING=1/0, COMMUNICATIE=1/0, "
                + "OVERIG=0/0", counts(b.byCategory()));
        assertEquals("AMBULANT=5/2, DAGBESTEDING=1/1, HUISHOUDENPLUS=1/0, ARBEIDSCOACHING=1/0, =1/0",
                counts(b.byServiceLine()));
        assertEquals("EMPLOYEE=8/3, TEAM_LEAD=1/0, DIRECTOR=0/0, COMPLAINTS_OFFICER=0/0, DISPUTES_COMMITTEE=0/0",
                counts(b.byLevel()));
        assertEquals("coördinator of leidinggevende", DashboardFixtures.count(b.byLevel(), "TEAM_LEAD").label());
        assertEquals("Bejegening", DashboardFixtures.count(b.byCategory(), "BEJEGENING").label());
    }

    @Test
    void satisfactionOfThePeriodsComplaints() {
        Dashboard.Satisfaction s = dashboard("2026-H2").satisfaction();
        // D 4, G 5, H 2; concluded: B C D (decided), G I (resolved), H (not admissible)
        assertEquals(3, s.responses());
        assertEquals(11.0 / 3, s.average(), 1e-9);
        assertEquals(List.of(0L, 1L, 0L, 1L, 1L), s.distribution());
        assertEquals(6, s.concluded());
        Dashboard.Satisfaction h1 = dashboard("2026-H1").satisfaction();
        assertEquals(1, h1.responses());
        assertEquals(3.0, h1.average(), 1e-9);
        assertEquals(3, h1.concluded(), "L and A decided, N resolved");
        Dashboard.Satisfaction k4 = dashboard("2026-K4").satisfaction();
        assertEquals(1, k4.responses(), "G only");
        assertEquals(5.0, k4.average(), 1e-9);
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L), k4.distribution());
        assertEquals(4.0, dashboard("2026-09").satisfaction().average(), 1e-9, "D closed with 4; E still open");
    }

    @Test
    void repeatedPersonRisingCategoryAndRepeatedSubjectAreFlagged() {
        // J. Jansen in D and E (case-insensitive); ONDERSTEUNING 0 -> 2 rises; BEJEGENING 3 -> 4 repeats, not rising
        assertEquals("REPEATED_PERSON:j. jansen=2/0, RISING_CATEGORY:ONDERSTEUNING=2/0, "
                + "REPEATED_SUBJECT:BEJEGENING=4/3", flags(dashboard("2026-H2")));
    }

    @Test
    void attentionListsOpenCasesOverdueOrDueWithinSevenDaysAndNeverClosedOnes() {
        Dashboard d = dashboard("2026-H2");
        // E overdue since 21-09 (earliest of its two); F's decision and J's acknowledgement due 27-11; L is closed
        // with its acknowledgement never sent, the Impuls case belongs to another tenant
        assertEquals(e.reference() + ":ACKNOWLEDGE:2026-09-21:overdue, " + f.reference() + ":DECIDE:2026-11-27:soon, "
                + j.reference() + ":ACKNOWLEDGE:2026-11-27:soon", attention(d));
        assertEquals(3, d.attentionTotal());
        // the list does not depend on the chosen period
        assertEquals(attention(d), attention(dashboard("2025")));
    }

    @Test
    void anotherTenantsComplaintsNeverAppear() {
        Dashboard d = dashboard("2026-K3");
        assertEquals(5, d.breakdowns().total(), "B C H D E; not the Impuls complaint of 01-09");
        assertEquals("iederzijnwerk", d.tenant());
        assertTrue(d.attention().stream().allMatch(a -> a.reference().startsWith("IEDE-")), attention(d));
        assertEquals(List.of(0L, 0L, 1L, 1L, 1L, 5L), d.formalTrend(), "M, L, A, then B C H D E; not Impuls");
    }

    @Test
    void aPeriodThatHasNotStartedIsRefused() {
        InvalidInputException ex = assertThrows(InvalidInputException.class, () -> dashboard("2027"));
        assertTrue(ex.fieldErrors().get("periode").contains("nog niet begonnen"), ex.fieldErrors().toString());
        assertThrows(InvalidInputException.class, () -> dashboard("2026-12"));
    }

    @Test
    void reportDutyOfTheRulesIsOnTheDashboard() {
        assertEquals(List.of("JAARRAPPORTAGE_KLACHTEN"),
                dashboard("2026").reportDuties().stream().map(r -> r.code()).toList());
    }
}
