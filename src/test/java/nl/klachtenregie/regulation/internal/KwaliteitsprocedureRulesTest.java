package nl.klachtenregie.regulation.internal;

import static nl.klachtenregie.regulation.internal.RulesTestSupport.codes;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.evaluate;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.newEngine;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.TenantFacts;
import org.junit.jupiter.api.Test;

/** Engine-level check of procedure 6.5's DRL: it compiles, and each rule fires on the right facts. */
class KwaliteitsprocedureRulesTest {

    private static final DroolsRegulationEngine ENGINE = newEngine();
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 16);
    private static final TenantFacts TENANT = new TenantFacts("kwaliteitsprocedure-6-5", "1",
            List.of("EMPLOYEE", "DIRECTOR"), List.of("EXTERNE_KLACHTENCOMMISSIE"));

    private static RuleSet rules() throws IOException {
        return ruleSet("kwaliteitsprocedure-6-5", "1");
    }

    private static ComplaintFacts complaint(String kind, String concernsEmployee) {
        return new ComplaintFacts("KW-1", kind, "IN_PERSON", RECEIVED, null, "CLIENT", true, true, true, true,
                "klacht", "BEJEGENING", "", concernsEmployee, false, false, "RECEIVED", "EMPLOYEE", "DIRECTOR", false);
    }

    private static EventFacts event(int seq, String type, LocalDate on, boolean proposed) {
        return RulesTestSupport.event(seq, type, on, proposed, type.equals("EXTENSION_ANNOUNCED") ? 4 : 0, "", false);
    }

    private static RegulationOutcome eval(ComplaintFacts c, EventFacts... events) throws IOException {
        return evaluate(ENGINE, rules(), TENANT, c, HistoryFacts.none(), events);
    }

    @Test
    void informalComplaintIsReportedAssessedAndRegistered() throws IOException {
        RegulationOutcome o = eval(complaint("INFORMAL", ""));
        assertEquals(List.of("DECIDE", "INFORM_MANAGEMENT"), codes(o));
        assertTrue(o.obligations().stream().allMatch(x -> x.unit().equals("NONE")));
        assertTrue(o.registrationRequired());
        assertTrue(o.registrations().get(0).reason().contains("Totaaloverzicht, tab 'Klachten'"));
        assertTrue(o.extensionPolicies().isEmpty());
        assertEquals(List.of("DIRECTOR"), o.escalationOptions().stream().map(e -> e.level()).toList());
        assertEquals(List.of("EXTERNE_KLACHTENCOMMISSIE"), o.externalBodies().stream().map(e -> e.body()).toList());
        RegulationOutcome ext = eval(complaint("INFORMAL", ""), event(1, "EXTENSION_ANNOUNCED", RECEIVED, true));
        assertEquals(1, ext.refusalsOf("EXTENSION_ANNOUNCED").size());
    }

    @Test
    void formalComplaintFollowsWkkgzTerms() throws IOException {
        RegulationOutcome o = eval(complaint("FORMAL", ""));
        assertEquals(List.of("COMMUNICATE_SOLUTION", "DECIDE"), codes(o));
        Obligation decide = o.obligations().stream().filter(x -> x.code().equals("DECIDE")).findFirst().orElseThrow();
        assertEquals(6, decide.amount());
        assertEquals("WEEKS", decide.unit());
        assertTrue(decide.basis().contains("Wkkgz art. 17"));
        ExtensionPolicy p = o.extensionPolicy("DECIDE").orElseThrow();
        assertEquals(1, p.maxCount());
        assertEquals(4, p.maxAmount());
        assertTrue(p.announceBeforeDue());
        assertTrue(o.registrationRequired());
        assertEquals(1, o.addressees().size());
        RegulationOutcome first = eval(complaint("FORMAL", ""), event(1, "EXTENSION_ANNOUNCED", RECEIVED, true));
        assertTrue(first.refusals().isEmpty());
        RegulationOutcome second = eval(complaint("FORMAL", ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED, false),
                event(2, "EXTENSION_ANNOUNCED", RECEIVED.plusDays(3), true));
        assertEquals(1, second.refusalsOf("EXTENSION_ANNOUNCED").size());
    }

    @Test
    void complaintAboutEmployeeNeedsConversationAndRecordedAgreements() throws IOException {
        RegulationOutcome o = eval(complaint("INFORMAL", "medewerker A"));
        assertTrue(codes(o).contains("MEETING"));
        assertFalse(codes(o).contains("RECORD_REPORT"));
        RegulationOutcome held = eval(complaint("INFORMAL", "medewerker A"),
                event(1, "MEETING_HELD", LocalDate.of(2026, 3, 20), false));
        Obligation report = held.obligations().stream().filter(x -> x.code().equals("RECORD_REPORT")).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 20), report.from());
        assertFalse(codes(eval(complaint("INFORMAL", ""))).contains("MEETING"));
        // step 4 is for informal complaints only: a formal one about an employee follows step 5
        RegulationOutcome formal = eval(complaint("FORMAL", "medewerker A"),
                event(1, "MEETING_HELD", LocalDate.of(2026, 3, 20), false));
        assertEquals(List.of("COMMUNICATE_SOLUTION", "DECIDE"), codes(formal));
    }

    @Test
    void concludedWithoutJudgementWaivesTheJudgementOnly() throws IOException {
        LocalDate on = LocalDate.of(2026, 3, 20);
        for (String kind : List.of("INFORMAL", "FORMAL")) {
            assertTrue(eval(complaint(kind, "medewerker A")).waivers().isEmpty(), kind);
            for (String conclusion : List.of("DECLARED_NOT_ADMISSIBLE", "RESOLVED_INFORMALLY")) {
                RegulationOutcome o = eval(complaint(kind, "medewerker A"), event(1, conclusion, on, false));
                assertEquals(List.of("DECIDE"), o.waivers().stream().map(w -> w.code()).toList(), kind + conclusion);
            }
        }
        // resolved, then escalated to the director after all: the judgement is due again
        RegulationOutcome reopened = eval(complaint("FORMAL", ""), event(1, "RESOLVED_INFORMALLY", on, false),
                RulesTestSupport.event(2, "ESCALATED", on.plusDays(2), false, 0, "DIRECTOR", false));
        assertTrue(reopened.waivers().isEmpty());
        // a not-admissible declaration stays: escalating does not revive the judgement
        RegulationOutcome contested = eval(complaint("FORMAL", ""), event(1, "DECLARED_NOT_ADMISSIBLE", on, false),
                RulesTestSupport.event(2, "ESCALATED", on.plusDays(2), false, 0, "DIRECTOR", false));
        assertTrue(contested.isWaived("DECIDE"));
    }

    @Test
    void referralToExternalCommitteeGivesAdvice() throws IOException {
        RegulationOutcome o = eval(complaint("FORMAL", ""), event(1, "REFERRED_EXTERNAL", RECEIVED, false));
        assertTrue(o.advice().stream().anyMatch(a -> a.code().equals("INFORMATIE_EXTERNE_KLACHTENCOMMISSIE")));
    }

    @Test
    void tenantWideEvaluationGivesYearlyReportsAndKpi() throws IOException {
        RegulationOutcome o = ENGINE.evaluate(rules(), EvaluationFacts.tenantOnly(TENANT));
        assertTrue(o.obligations().isEmpty());
        assertEquals(Set.of("DIRECTIEBEOORDELING_EFFECTIVITEIT", "EVALUATIE_KLACHTEN"),
                Set.copyOf(o.reportDuties().stream().map(r -> r.code()).toList()));
        assertTrue(o.reportDuties().stream().allMatch(r -> r.period().equals("YEAR")));
        assertEquals(List.of("ON_TIME:DECIDE"), o.kpiTargets().stream().map(k -> k.measure()).toList());
    }
}
