package nl.klachtenregie.regulation.internal;

import static nl.klachtenregie.regulation.internal.RulesTestSupport.codes;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.drl;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.evaluate;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.newEngine;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.TenantFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine-level check of the Impuls DRL (both versions): it compiles, and each rule fires on the right facts. */
class ImpulsRulesTest {

    private static final DroolsRegulationEngine ENGINE = newEngine();
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 16);

    private static RuleSet rules(String version) throws IOException {
        return ruleSet("impuls", version);
    }

    private static TenantFacts tenant(String version) {
        return new TenantFacts("impuls", version, List.of("EMPLOYEE", "TEAM_LEAD", "DIRECTOR"),
                List.of("PROVINCIALE_KLACHTENCOMMISSIE_WELZIJN"));
    }

    static ComplaintFacts complaint(String kind, String channel, String role, String level, String next,
                                    boolean proposed) {
        return new ComplaintFacts("IMP-1", kind, channel, RECEIVED, null, role, true, true, true, true,
                "klacht", "BEJEGENING", "", "", false, false, "RECEIVED", level, next, proposed);
    }

    static ComplaintFacts formal() {
        return complaint("FORMAL", "LETTER", "CLIENT", "EMPLOYEE", "TEAM_LEAD", false);
    }

    static EventFacts event(int seq, String type, LocalDate on, boolean proposed) {
        return RulesTestSupport.event(seq, type, on, proposed, 0, "", false);
    }

    private static RegulationOutcome eval(String version, ComplaintFacts c, EventFacts... events) throws IOException {
        return evaluate(ENGINE, rules(version), tenant(version), c, HistoryFacts.none(), events);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void formalComplaintGetsAcknowledgementProgressAndDecision(String v) throws IOException {
        RegulationOutcome o = eval(v, formal());
        assertEquals(List.of("ACKNOWLEDGE", "DECIDE", "PROGRESS_UPDATE"), codes(o));
        Obligation decide = o.obligations().stream().filter(x -> x.code().equals("DECIDE")).findFirst().orElseThrow();
        assertEquals(6, decide.amount());
        assertEquals("WEEKS", decide.unit());
        assertEquals(RECEIVED, decide.from());
        assertTrue(decide.basis().contains("uiterlijk zes weken, na indiening, afhandelen"));
        Obligation ack = o.obligations().stream().filter(x -> x.code().equals("ACKNOWLEDGE")).findFirst().orElseThrow();
        assertEquals("NONE", ack.unit());
        Obligation progress = o.obligations().stream().filter(x -> x.code().equals("PROGRESS_UPDATE")).findFirst()
                .orElseThrow();
        assertEquals(2, progress.amount());
        assertTrue(o.extensionPolicies().isEmpty());
        assertTrue(o.admissible());
        assertEquals(1, o.externalBodies().size());
        assertEquals("PROVINCIALE_KLACHTENCOMMISSIE_WELZIJN", o.externalBodies().get(0).body());
        assertEquals(Set.of("TEAM_LEAD", "DIRECTOR"),
                Set.copyOf(o.escalationOptions().stream().map(e -> e.level()).toList()));
        assertTrue(o.registrationRequired());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void addresseeDiffersPerVersion(String v) throws IOException {
        RegulationOutcome o = eval(v, formal());
        assertEquals(1, o.addressees().size());
        String expected = v.equals("1")
                ? "Impuls, T.a.v. de directeur mevrouw J. Hartman, Wilhelminastraat 5, 7571 CE Oldenzaal"
                : "Impuls, welzijn en Educatie, T.a.v. de directeur mevrouw A. Ten Dam, Wilhelminastraat 5, 7571 CE Oldenzaal";
        assertEquals(expected, o.addressees().get(0).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void meetingOnlyAfterInvitationAndReportAfterEachMeeting(String v) throws IOException {
        assertFalse(codes(eval(v, formal())).contains("MEETING"));
        RegulationOutcome o = eval(v, formal(),
                event(1, "MEETING_INVITED", LocalDate.of(2026, 3, 18), false),
                event(2, "MEETING_HELD", LocalDate.of(2026, 3, 25), false),
                event(3, "MEETING_HELD", LocalDate.of(2026, 3, 30), true));
        Obligation meeting = o.obligations().stream().filter(x -> x.code().equals("MEETING")).findFirst().orElseThrow();
        assertEquals(3, meeting.amount());
        assertEquals(RECEIVED, meeting.from());
        List<Obligation> reports = o.obligations().stream().filter(x -> x.code().equals("RECORD_REPORT")).toList();
        assertEquals(2, reports.size());
        assertEquals(List.of(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 30)),
                reports.stream().map(Obligation::from).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void informalResolutionWaivesTheProcedureUntilEscalatedAgain(String v) throws IOException {
        EventFacts invited = event(1, "MEETING_INVITED", LocalDate.of(2026, 3, 18), false);
        EventFacts resolved = event(2, "RESOLVED_INFORMALLY", LocalDate.of(2026, 3, 20), false);
        RegulationOutcome o = eval(v, formal(), invited, resolved);
        assertTrue(o.isWaived("DECIDE"));
        assertTrue(o.isWaived("PROGRESS_UPDATE"));
        assertTrue(o.isWaived("MEETING"));
        assertFalse(o.isWaived("ACKNOWLEDGE"));
        assertFalse(o.isWaived("RECORD_REPORT"));
        // an informal remark solved with the employee keeps its note
        RegulationOutcome remark = eval(v, complaint("INFORMAL", "IN_PERSON", "CLIENT", "EMPLOYEE", "TEAM_LEAD", false),
                event(1, "RESOLVED_INFORMALLY", LocalDate.of(2026, 3, 16), false));
        assertEquals(List.of("RECORD_REPORT"), codes(remark));
        assertFalse(remark.isWaived("RECORD_REPORT"));
        // not satisfied after all: the leidinggevende is asked for help and the procedure applies again
        RegulationOutcome reopened = eval(v, complaint("FORMAL", "LETTER", "CLIENT", "TEAM_LEAD", "DIRECTOR", false),
                invited, resolved, RulesTestSupport.event(3, "ESCALATED", LocalDate.of(2026, 3, 24), false, 0,
                        "TEAM_LEAD", false));
        assertTrue(reopened.waivers().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void extensionRefusedAndMeasuresNeedATerm(String v) throws IOException {
        RegulationOutcome o = eval(v, formal(), new EventFacts(1, "EXTENSION_ANNOUNCED", LocalDate.of(2026, 4, 1),
                true, 2, "", "", "", false, null, false, false, 0));
        assertEquals(1, o.refusalsOf("EXTENSION_ANNOUNCED").size());
        assertTrue(o.refusalsOf("EXTENSION_ANNOUNCED").get(0).reason().contains("uiterlijk zes weken"));
        RegulationOutcome d = eval(v, formal(), new EventFacts(1, "DECIDED", LocalDate.of(2026, 4, 1), true, 0,
                "", "", "WELL_FOUNDED", true, null, false, false, 0));
        assertEquals(1, d.refusalsOf("DECIDED").size());
        RegulationOutcome ok = eval(v, formal(), new EventFacts(1, "DECIDED", LocalDate.of(2026, 4, 1), true, 0,
                "", "", "WELL_FOUNDED", true, LocalDate.of(2026, 6, 1), false, false, 0));
        assertTrue(ok.refusalsOf("DECIDED").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void oralFormalRefusedOtherRoleInadmissible(String v) throws IOException {
        RegulationOutcome oral = eval(v, complaint("FORMAL", "PHONE", "CLIENT", "EMPLOYEE", "TEAM_LEAD", true));
        assertEquals(1, oral.refusalsOf("CREATE").size());
        RegulationOutcome oralInformal = eval(v,
                complaint("INFORMAL", "PHONE", "CLIENT", "EMPLOYEE", "TEAM_LEAD", true));
        assertTrue(oralInformal.refusalsOf("CREATE").isEmpty());
        assertEquals(List.of("RECORD_REPORT"), codes(oralInformal));
        assertTrue(oralInformal.registrations().get(0).reason().contains("verzameld door de leidinggevende"));
        RegulationOutcome other = eval(v, complaint("FORMAL", "LETTER", "OTHER", "EMPLOYEE", "TEAM_LEAD", false));
        assertFalse(other.admissible());
        RegulationOutcome nok = eval(v, complaint("FORMAL", "LETTER", "NEXT_OF_KIN", "EMPLOYEE", "TEAM_LEAD", false));
        assertTrue(nok.admissible());
        RegulationOutcome declared = eval(v, complaint("FORMAL", "LETTER", "OTHER", "EMPLOYEE", "TEAM_LEAD", false),
                event(1, "DECLARED_NOT_ADMISSIBLE", LocalDate.of(2026, 3, 20), false));
        assertTrue(declared.isWaived("DECIDE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void topOfLadderHasNoFurtherInternalEscalation(String v) throws IOException {
        RegulationOutcome o = eval(v, complaint("FORMAL", "LETTER", "CLIENT", "DIRECTOR", "", false));
        assertTrue(o.escalationOptions().isEmpty());
        RegulationOutcome informal = eval(v, complaint("INFORMAL", "IN_PERSON", "CLIENT", "EMPLOYEE", "TEAM_LEAD", false));
        assertEquals(List.of("TEAM_LEAD"), informal.escalationOptions().stream().map(e -> e.level()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void tenantWideEvaluationGivesOnlyKpisAndReports(String v) throws IOException {
        RegulationOutcome o = ENGINE.evaluate(rules(v), EvaluationFacts.tenantOnly(tenant(v)));
        assertTrue(o.obligations().isEmpty());
        assertEquals(2, o.reportDuties().size());
        assertTrue(o.reportDuties().stream().allMatch(r -> r.period().equals("HALF_YEAR")));
        assertEquals(Set.of("ON_TIME:DECIDE", "ON_TIME:PROGRESS_UPDATE", "ON_TIME:MEETING"),
                Set.copyOf(o.kpiTargets().stream().map(k -> k.measure()).toList()));
    }

    @org.junit.jupiter.api.Test
    void bothVersionsHaveTheSameRuleNames() throws IOException {
        assertEquals(ruleNames("1"), ruleNames("2"));
    }

    private static List<String> ruleNames(String v) throws IOException {
        Matcher m = Pattern.compile("(?m)^rule \"(.*)\"$").matcher(drl("impuls", v));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(names.size(), Set.copyOf(names).size(), "rule names must be unique");
        return names;
    }
}
