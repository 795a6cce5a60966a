package nl.klachtenregie.regulation.internal;

import static nl.klachtenregie.regulation.internal.RulesTestSupport.evaluate;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.levels;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.newEngine;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.obligations;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.regulation.Advice;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExternalBodyReference;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.Registration;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.TenantFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Engine-level checks of rules/klimkoord: the DRL compiles and fires as the procedure says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KlimkoordRulesTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 7);
    private static final List<String> LADDER = List.of("EMPLOYEE", "TEAM_LEAD", "COMPLAINTS_OFFICER");

    private DroolsRegulationEngine engine;
    private RuleSet rules;

    @BeforeAll
    void compile() throws IOException {
        engine = newEngine();
        rules = ruleSet("klimkoord", "2024-05-06");
        engine.validate(rules);
    }

    private static TenantFacts tenant() {
        return new TenantFacts("klimkoord", "2024-05-06", LADDER, List.of("KPZ_KLACHTENFUNCTIONARIS"));
    }

    private static ComplaintFacts complaint(String kind, String level, String next, String employee,
                                            boolean unwanted, boolean confidential) {
        return complaint(kind, "BEJEGENING", level, next, employee, unwanted, confidential);
    }

    private static ComplaintFacts complaint(String kind, String category, String level, String next,
                                            String employee, boolean unwanted, boolean confidential) {
        return new ComplaintFacts("KK-1", kind, "WEB_FORM", RECEIVED, null, "CLIENT", true, true, true, true,
                "Niet teruggebeld", category, "", employee, unwanted, confidential, "RECEIVED", level, next,
                false);
    }

    private static ComplaintFacts informal() {
        return complaint("INFORMAL", "EMPLOYEE", "TEAM_LEAD", "", false, false);
    }

    private static EventFacts event(int seq, String type, LocalDate on, String level) {
        return RulesTestSupport.event(seq, type, on, false, 0, level, false);
    }

    private static EventFacts referredToKpz(int seq, LocalDate on) {
        return new EventFacts(seq, "REFERRED_EXTERNAL", on, false, 0, "", "KPZ_KLACHTENFUNCTIONARIS", "", false, null,
                false, false, 0);
    }

    private RegulationOutcome run(ComplaintFacts c, HistoryFacts h, EventFacts... events) {
        return evaluate(engine, rules, tenant(), c, h, events);
    }

    private RegulationOutcome run(ComplaintFacts c) {
        return run(c, HistoryFacts.none());
    }

    @Test
    void informalComplaintGetsAcknowledgementContactAndSolutionTerms() {
        RegulationOutcome o = run(informal());
        Obligation ack = obligations(o, "ACKNOWLEDGE").get(0);
        assertEquals("NONE", ack.unit());
        assertEquals("ACKNOWLEDGED", ack.satisfiedBy());
        Obligation contact = obligations(o, "CONTACT").get(0);
        assertEquals(14, contact.amount());
        assertEquals("DAYS", contact.unit());
        assertEquals(RECEIVED, contact.from());
        Obligation solution = obligations(o, "COMMUNICATE_SOLUTION").get(0);
        assertEquals(30, solution.amount());
        assertEquals("DAYS", solution.unit());
        assertEquals(1, obligations(o, "ACKNOWLEDGE").size());
        assertTrue(contact.basis().contains("binnen 14 dagen contact"));
        assertFalse(o.registrationRequired());
        assertTrue(obligations(o, "INFORM_MANAGEMENT").isEmpty());
    }

    @Test
    void formalComplaintIsRegisteredAndHasNoOwnTerms() {
        RegulationOutcome o = run(complaint("FORMAL", "EMPLOYEE", "TEAM_LEAD", "", false, false));
        assertTrue(o.registrationRequired());
        assertTrue(o.registrations().get(0).reason().contains("Klachtenportaal Zorg"));
        assertTrue(obligations(o, "CONTACT").isEmpty());
        assertTrue(obligations(o, "COMMUNICATE_SOLUTION").isEmpty());
        assertTrue(o.advice().stream().anyMatch(a -> a.code().equals("KPZ_REGLEMENT")));
    }

    @Test
    void unwantedBehaviourIsRegisteredAndReportedOnce() {
        RegulationOutcome o = run(complaint("INFORMAL", "EMPLOYEE", "TEAM_LEAD", "", true, false),
                new HistoryFacts(12, 0, 3));
        assertEquals(2, o.registrations().size());
        assertTrue(o.registrations().stream().map(Registration::reason).anyMatch(r -> r.contains("ongewenst gedrag")));
        assertEquals(1, obligations(o, "INFORM_MANAGEMENT").size());
        assertEquals("NONE", obligations(o, "INFORM_MANAGEMENT").get(0).unit());
    }

    @Test
    void categoryOngewenstGedragCountsAsUnwantedBehaviour() {
        RegulationOutcome o = run(complaint("INFORMAL", "ONGEWENST_GEDRAG", "EMPLOYEE", "TEAM_LEAD", "", false, false));
        assertEquals(1, o.registrations().size());
        assertTrue(o.registrations().get(0).reason().startsWith("De klacht houdt verband met ongewenst gedrag"));
        assertEquals(1, obligations(o, "INFORM_MANAGEMENT").size());
        // flag and category together: still one reason and one report to the Kwaliteitsmanager
        RegulationOutcome both = run(complaint("INFORMAL", "ONGEWENST_GEDRAG", "EMPLOYEE", "TEAM_LEAD", "", true,
                false));
        assertEquals(1, both.registrations().size());
        assertEquals(1, obligations(both, "INFORM_MANAGEMENT").size());
    }

    @Test
    void onlyAComplaintResolvedWithTheEmployeeIsExemptFromRegistration() {
        // at the employee, nothing else: exempt
        RegulationOutcome atEmployee = run(informal());
        assertFalse(atEmployee.registrationRequired());
        assertTrue(obligations(atEmployee, "INFORM_MANAGEMENT").isEmpty());

        // escalated to the leidinggevende
        RegulationOutcome atLead = run(complaint("INFORMAL", "TEAM_LEAD", "COMPLAINTS_OFFICER", "", false, false),
                HistoryFacts.none(), event(1, "ESCALATED", RECEIVED.plusDays(2), "TEAM_LEAD"));
        assertEquals(1, atLead.registrations().size());
        assertTrue(atLead.registrations().get(0).reason().contains("'De Kwaliteitsmanager houdt een registratie bij "
                + "waarin in- en extern gemelde klachten worden bijgehouden'"));
        assertTrue(atLead.registrations().get(0).basis().contains("directe medewerker of betrokkene"));
        assertEquals(1, obligations(atLead, "INFORM_MANAGEMENT").size());
        assertEquals(RECEIVED, obligations(atLead, "INFORM_MANAGEMENT").get(0).from());

        // straight to the Klachtenfunctionaris
        RegulationOutcome atOfficer = run(complaint("INFORMAL", "COMPLAINTS_OFFICER", "", "", false, false));
        assertEquals(1, atOfficer.registrations().size());
        assertEquals(1, obligations(atOfficer, "INFORM_MANAGEMENT").size());

        // referred to Klachtenportaal Zorg from the employee's level
        RegulationOutcome referred = run(informal(), HistoryFacts.none(), referredToKpz(1, RECEIVED.plusDays(1)));
        assertEquals(1, referred.registrations().size());
        assertEquals(1, obligations(referred, "INFORM_MANAGEMENT").size());

        // escalated and referred, and also ongewenst gedrag: two reasons, still one report
        RegulationOutcome all = run(complaint("INFORMAL", "TEAM_LEAD", "COMPLAINTS_OFFICER", "", true, false),
                HistoryFacts.none(), event(1, "ESCALATED", RECEIVED.plusDays(1), "TEAM_LEAD"),
                referredToKpz(2, RECEIVED.plusDays(2)));
        assertEquals(2, all.registrations().size());
        assertEquals(1, obligations(all, "INFORM_MANAGEMENT").size());

        // a formal complaint keeps its own single registration reason
        RegulationOutcome formal = run(complaint("FORMAL", "TEAM_LEAD", "COMPLAINTS_OFFICER", "", false, false));
        assertEquals(1, formal.registrations().size());
        assertTrue(formal.registrations().get(0).reason().contains("Klachtenportaal Zorg worden opgepakt"));
        assertTrue(obligations(formal, "INFORM_MANAGEMENT").isEmpty());
    }

    @Test
    void informalResolutionWaivesTheTalkWithTheLeidinggevendeUntilEscalatedAgain() {
        ComplaintFacts atLead = complaint("INFORMAL", "TEAM_LEAD", "COMPLAINTS_OFFICER", "", false, false);
        EventFacts escalated = event(1, "ESCALATED", RECEIVED.plusDays(1), "TEAM_LEAD");
        assertFalse(run(atLead, HistoryFacts.none(), escalated).isWaived("MEETING"));

        RegulationOutcome resolved = run(atLead, HistoryFacts.none(), escalated,
                event(2, "RESOLVED_INFORMALLY", RECEIVED.plusDays(4), ""));
        assertTrue(resolved.isWaived("MEETING"));
        assertEquals(1, resolved.waivers().size());
        assertFalse(resolved.isWaived("CONTACT"));
        assertFalse(resolved.isWaived("COMMUNICATE_SOLUTION"));
        assertFalse(resolved.isWaived("DECIDE"));

        // resolved with the employee, then escalated to the leidinggevende after all: the talk is due again
        RegulationOutcome reopened = run(atLead, HistoryFacts.none(),
                event(1, "RESOLVED_INFORMALLY", RECEIVED.plusDays(2), ""),
                event(2, "ESCALATED", RECEIVED.plusDays(5), "TEAM_LEAD"));
        assertFalse(reopened.isWaived("MEETING"));
        assertEquals(1, obligations(reopened, "MEETING").size());
    }

    @Test
    void repeatedAboutSamePersonIsRegistered() {
        RegulationOutcome o = run(complaint("INFORMAL", "EMPLOYEE", "TEAM_LEAD", "P. Jansen", false, false),
                new HistoryFacts(12, 1, 0));
        assertEquals(1, o.registrations().size());
        assertTrue(o.registrations().get(0).reason().contains("dezelfde persoon"));
        assertEquals(1, obligations(o, "INFORM_MANAGEMENT").size());
    }

    @Test
    void repeatedAboutSameSubjectIsRegistered() {
        RegulationOutcome o = run(informal(), new HistoryFacts(12, 0, 1));
        assertEquals(1, o.registrations().size());
        assertTrue(o.registrations().get(0).reason().contains("hetzelfde onderwerp"));
    }

    @Test
    void confidentialGivesLimitedAnswerAdvice() {
        RegulationOutcome o = run(complaint("INFORMAL", "EMPLOYEE", "TEAM_LEAD", "", false, true));
        Advice a = o.advice().stream().filter(x -> x.code().equals("VERTROUWELIJK")).findFirst().orElseThrow();
        assertTrue(a.text().contains("vrij algemene termen"));
        assertFalse(run(informal()).advice().stream().anyMatch(x -> x.code().equals("VERTROUWELIJK")));
    }

    @Test
    void kpzAlwaysNamedAndZorgaanbiederAdvice() {
        RegulationOutcome o = run(informal());
        assertEquals(List.of("KPZ_KLACHTENFUNCTIONARIS"),
                o.externalBodies().stream().map(ExternalBodyReference::body).toList());
        assertTrue(o.advice().stream().anyMatch(a -> a.code().equals("KPZ_ZORGAANBIEDER")));
        assertEquals(1, o.addressees().size());
        assertEquals(List.of("COMPLAINTS_OFFICER", "TEAM_LEAD"), levels(o));
    }

    @Test
    void ladderAtTeamLeadOffersOnlyComplaintsOfficerOnceAndTopNothing() {
        assertEquals(List.of("COMPLAINTS_OFFICER"),
                levels(run(complaint("INFORMAL", "TEAM_LEAD", "COMPLAINTS_OFFICER", "", false, false))));
        assertEquals(List.of(), levels(run(complaint("INFORMAL", "COMPLAINTS_OFFICER", "", "", false, false))));
    }

    @Test
    void meetingWithTeamLeadNeedsWrittenAgreements() {
        ComplaintFacts atLead = complaint("INFORMAL", "TEAM_LEAD", "COMPLAINTS_OFFICER", "", false, false);
        LocalDate esc = RECEIVED.plusDays(3);
        LocalDate meeting = RECEIVED.plusDays(10);
        RegulationOutcome o = run(atLead, HistoryFacts.none(), event(1, "ESCALATED", esc, "TEAM_LEAD"),
                event(2, "MEETING_HELD", meeting, ""));
        List<Obligation> report = obligations(o, "RECORD_REPORT");
        assertEquals(1, report.size());
        assertEquals(meeting, report.get(0).from());
        assertEquals("NONE", report.get(0).unit());
        assertEquals(esc, obligations(o, "MEETING").get(0).from());

        // a meeting at the employee's level, before escalation, needs no written record
        RegulationOutcome before = run(informal(), HistoryFacts.none(), event(1, "MEETING_HELD", meeting, ""));
        assertTrue(obligations(before, "RECORD_REPORT").isEmpty());

        // case standing at TEAM_LEAD without an escalation event
        RegulationOutcome direct = run(atLead, HistoryFacts.none(), event(1, "MEETING_HELD", meeting, ""));
        assertEquals(1, obligations(direct, "RECORD_REPORT").size());
    }

    @Test
    void tenantWideEvaluationGivesKpisAndReportOnly() {
        RegulationOutcome o = engine.evaluate(rules, EvaluationFacts.tenantOnly(tenant()));
        assertTrue(o.obligations().isEmpty());
        List<String> measures = new ArrayList<>(o.kpiTargets().stream().map(KpiTarget::measure).toList());
        assertEquals(List.of("ON_TIME:CONTACT", "FORMAL_COMPLAINTS", "ON_TIME:COMMUNICATE_SOLUTION"), measures);
        KpiTarget formal = o.kpiTargets().stream().filter(k -> k.measure().equals("FORMAL_COMPLAINTS")).findFirst()
                .orElseThrow();
        assertEquals("LT", formal.comparator());
        assertEquals(1.0, formal.target());
        assertEquals(1, o.reportDuties().size());
        assertEquals("YEAR", o.reportDuties().get(0).period());
        assertEquals(5, o.reportDuties().get(0).sections().size());
    }
}
