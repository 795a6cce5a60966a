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
import java.util.List;
import nl.klachtenregie.regulation.Advice;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.ExternalBodyReference;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.TenantFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Engine-level checks of rules/iederzijnwerk: the DRL compiles and fires as the procedure says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IederZijnWerkRulesTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 24);
    private static final List<String> LADDER =
            List.of("EMPLOYEE", "TEAM_LEAD", "DIRECTOR", "COMPLAINTS_OFFICER", "DISPUTES_COMMITTEE");

    private DroolsRegulationEngine engine;
    private RuleSet rules;

    @BeforeAll
    void compile() throws IOException {
        engine = newEngine();
        rules = ruleSet("iederzijnwerk", "1");
        engine.validate(rules);
    }

    private static TenantFacts tenant() {
        return new TenantFacts("iederzijnwerk", "1", LADDER, List.of("KPZ_KLACHTENFUNCTIONARIS", "KPZ_GESCHILLENCOMMISSIE",
                "ARBEIDSCOACHING_PROCEDURE"));
    }

    /** A builder-less record copy: kind, channel, incident, service line, level, next, name/address/phone, summary. */
    private static ComplaintFacts complaint(String kind, String channel, LocalDate incident, String serviceLine,
                                            String level, String next, boolean name, boolean address,
                                            boolean phone, String summary, boolean proposed) {
        return new ComplaintFacts("IZW-1", kind, channel, RECEIVED, incident, "CLIENT", name, address, phone, true,
                summary, "BEJEGENING", serviceLine, "", false, false, "RECEIVED", level, next, proposed);
    }

    private static ComplaintFacts formal() {
        return complaint("FORMAL", "LETTER", null, "AMBULANT", "EMPLOYEE", "TEAM_LEAD", true, true, true,
                "Afspraken niet nagekomen", false);
    }

    private static ComplaintFacts oralFormal(boolean name, boolean address, boolean phone, String summary) {
        return complaint("FORMAL", "PHONE", null, "AMBULANT", "EMPLOYEE", "TEAM_LEAD", name, address, phone, summary,
                true);
    }

    private static EventFacts event(int seq, String type, LocalDate on, boolean proposed, int weeks,
                                    boolean motivation) {
        return RulesTestSupport.event(seq, type, on, proposed, weeks, "", motivation);
    }

    private RegulationOutcome run(ComplaintFacts c, EventFacts... events) {
        return evaluate(engine, rules, tenant(), c, HistoryFacts.none(), events);
    }

    private static boolean hasAdvice(RegulationOutcome o, String code) {
        return o.advice().stream().map(Advice::code).anyMatch(code::equals);
    }

    @Test
    void formalComplaintGetsAcknowledgementDecisionExtensionAndManagementDuty() {
        RegulationOutcome o = run(formal());
        Obligation ack = obligations(o, "ACKNOWLEDGE").get(0);
        assertEquals(5, ack.amount());
        assertEquals("WORKING_DAYS", ack.unit());
        Obligation decide = obligations(o, "DECIDE").get(0);
        assertEquals(6, decide.amount());
        assertEquals("WEEKS", decide.unit());
        assertEquals(RECEIVED, decide.from());
        ExtensionPolicy p = o.extensionPolicy("DECIDE").orElseThrow();
        assertEquals(1, p.maxCount());
        assertEquals(4, p.maxAmount());
        assertEquals("WEEKS", p.unit());
        assertTrue(p.announceBeforeDue());
        assertEquals("NONE", obligations(o, "INFORM_MANAGEMENT").get(0).unit());
        assertTrue(obligations(o, "NOTIFY_NOT_ADMISSIBLE").isEmpty());
        assertTrue(obligations(o, "COMMUNICATE_SOLUTION").isEmpty());
        assertTrue(o.admissible());
        assertTrue(o.refusals().isEmpty());
        assertEquals(1, o.addressees().size());
        assertTrue(o.addressees().get(0).text().contains("8775 XD Nijhuizum"));
    }

    @Test
    void oralInformalComplaintHasNoDecisionTermButAdvice() {
        for (String channel : List.of("IN_PERSON", "PHONE")) {
            RegulationOutcome oral = run(complaint("INFORMAL", channel, null, "AMBULANT", "EMPLOYEE", "TEAM_LEAD",
                    true, true, true, "x", false));
            assertTrue(obligations(oral, "DECIDE").isEmpty(), channel);
            assertTrue(oral.extensionPolicies().isEmpty(), channel);
            assertEquals(1, obligations(oral, "ACKNOWLEDGE").size(), channel);
            assertTrue(hasAdvice(oral, "MONDELING_OFFICIEEL_VRAGEN"), channel);
            assertFalse(hasAdvice(oral, "SCHRIFTELIJK_IS_OFFICIEEL"), channel);
        }
    }

    @Test
    void writtenComplaintIsOfficialEvenWhenRecordedAsInformal() {
        for (String channel : List.of("LETTER", "EMAIL", "WEB_FORM")) {
            RegulationOutcome written = run(complaint("INFORMAL", channel, null, "AMBULANT", "EMPLOYEE", "TEAM_LEAD",
                    true, true, true, "x", false));
            List<Obligation> decide = obligations(written, "DECIDE");
            assertEquals(1, decide.size(), channel);
            assertEquals(6, decide.get(0).amount());
            assertEquals("WEEKS", decide.get(0).unit());
            assertEquals(RECEIVED, decide.get(0).from());
            ExtensionPolicy p = written.extensionPolicy("DECIDE").orElseThrow();
            assertEquals(1, p.maxCount());
            assertEquals(4, p.maxAmount());
            assertTrue(p.announceBeforeDue());
            assertTrue(hasAdvice(written, "SCHRIFTELIJK_IS_OFFICIEEL"), channel);
            assertFalse(hasAdvice(written, "MONDELING_OFFICIEEL_VRAGEN"), channel);
        }
        // the written channel does not bring Arbeidscoaching under this procedure; an old event does not take a
        // written complaint out of it (the one-year limit is Klachtenportaal Zorg's)
        assertTrue(obligations(run(complaint("INFORMAL", "EMAIL", null, "ARBEIDSCOACHING", "EMPLOYEE", "TEAM_LEAD",
                true, true, true, "x", false)), "DECIDE").isEmpty());
        assertEquals(1, obligations(run(complaint("INFORMAL", "EMAIL", RECEIVED.minusYears(2), "AMBULANT", "EMPLOYEE",
                "TEAM_LEAD", true, true, true, "x", false)), "DECIDE").size());
    }

    @Test
    void informalResolutionWaivesTheJudgementUntilEscalatedAgain() {
        LocalDate resolvedOn = RECEIVED.plusDays(7);
        RegulationOutcome resolved = run(formal(), event(1, "RESOLVED_INFORMALLY", resolvedOn, false, 0, false));
        assertTrue(resolved.isWaived("DECIDE"));
        assertFalse(resolved.isWaived("ACKNOWLEDGE"));
        assertFalse(resolved.isWaived("INFORM_MANAGEMENT"));
        assertEquals(1, resolved.waivers().size());
        // the complainant is not satisfied after all and goes to the coordinator: the judgement is due again
        RegulationOutcome reopened = run(formal(), event(1, "RESOLVED_INFORMALLY", resolvedOn, false, 0, false),
                RulesTestSupport.event(2, "ESCALATED", resolvedOn.plusDays(3), false, 0, "TEAM_LEAD", false));
        assertFalse(reopened.isWaived("DECIDE"));
        assertEquals(1, obligations(reopened, "DECIDE").size());
    }

    @Test
    void oralOfficialComplaintNeedsNameAddressPhoneAndDescription() {
        assertTrue(run(oralFormal(true, true, true, "Beschrijving")).refusalsOf("CREATE").isEmpty());
        assertTrue(run(oralFormal(false, true, true, "Beschrijving")).refusalsOf("CREATE").get(0).reason()
                .contains("naam"));
        assertTrue(run(oralFormal(true, false, true, "Beschrijving")).refusalsOf("CREATE").get(0).reason()
                .contains("woonplaats"));
        assertTrue(run(oralFormal(true, true, false, "Beschrijving")).refusalsOf("CREATE").get(0).reason()
                .contains("telefoonnummer"));
        assertTrue(run(oralFormal(true, true, true, "  ")).refusalsOf("CREATE").get(0).reason()
                .contains("beschrijving van de klacht ontbreekt"));
        // a written official complaint without a phone number is fine
        assertTrue(run(complaint("FORMAL", "LETTER", null, "AMBULANT", "EMPLOYEE", "TEAM_LEAD", true, true, false,
                "x", true)).refusalsOf("CREATE").isEmpty());
    }

    @Test
    void eventsOlderThanAYearGiveAnAdviceAndACheckNotAVerdict() {
        RegulationOutcome old = run(complaint("FORMAL", "LETTER", RECEIVED.minusYears(1).minusDays(1), "AMBULANT",
                "EMPLOYEE", "TEAM_LEAD", true, true, true, "x", false));
        assertTrue(old.admissible());
        assertTrue(hasAdvice(old, "EEN_JAAR_KPZ"));
        assertEquals("CHECK_CONFIRMED", obligations(old, "CHECK_ONE_YEAR_KPZ").get(0).satisfiedBy());
        assertEquals(1, obligations(old, "DECIDE").size());
        assertTrue(obligations(old, "NOTIFY_NOT_ADMISSIBLE").isEmpty());
        RegulationOutcome exactlyAYear = run(complaint("FORMAL", "LETTER", RECEIVED.minusYears(1), "AMBULANT",
                "EMPLOYEE", "TEAM_LEAD", true, true, true, "x", false));
        assertFalse(hasAdvice(exactlyAYear, "EEN_JAAR_KPZ"));
        assertTrue(obligations(exactlyAYear, "CHECK_ONE_YEAR_KPZ").isEmpty());
    }

    @Test
    void arbeidscoachingIsReferredToItsOwnProcedure() {
        RegulationOutcome o = run(complaint("FORMAL", "LETTER", null, "ARBEIDSCOACHING", "EMPLOYEE", "TEAM_LEAD",
                true, true, true, "x", false));
        assertTrue(o.admissible());
        assertTrue(hasAdvice(o, "ARBEIDSCOACHING"));
        assertTrue(obligations(o, "DECIDE").isEmpty());
        assertEquals("REFERRED_EXTERNAL", obligations(o, "REFER_OWN_PROCEDURE").get(0).satisfiedBy());
        assertTrue(o.externalBodies().stream().anyMatch(b -> b.body().equals("ARBEIDSCOACHING_PROCEDURE")
                && b.endsOwnDuty()));
        assertFalse(o.referralEndsOwnDuty("KPZ_KLACHTENFUNCTIONARIS"));
    }

    @Test
    void notAdmissibleNeedsMotivationAndWaivesDecision() {
        LocalDate on = RECEIVED.plusDays(10);
        RegulationOutcome without = run(formal(), event(1, "DECLARED_NOT_ADMISSIBLE", on, true, 0, false));
        assertEquals(1, without.refusalsOf("DECLARED_NOT_ADMISSIBLE").size());
        assertTrue(without.refusalsOf("DECLARED_NOT_ADMISSIBLE").get(0).reason().contains("gedetailleerde motivatie"));
        RegulationOutcome with = run(formal(), event(1, "DECLARED_NOT_ADMISSIBLE", on, false, 0, true));
        assertTrue(with.refusals().isEmpty());
        assertTrue(with.isWaived("DECIDE"));
        List<Obligation> notify = obligations(with, "NOTIFY_NOT_ADMISSIBLE");
        assertEquals(1, notify.size());
        assertEquals(RECEIVED, notify.get(0).from());
        assertEquals("WEEKS", notify.get(0).unit());
        // an inadmissible complaint declared so: still exactly one notification duty
        RegulationOutcome old = run(complaint("FORMAL", "LETTER", RECEIVED.minusYears(2), "AMBULANT", "EMPLOYEE",
                "TEAM_LEAD", true, true, true, "x", false), event(1, "DECLARED_NOT_ADMISSIBLE", on, false, 0, true));
        assertEquals(1, obligations(old, "NOTIFY_NOT_ADMISSIBLE").size());
    }

    @Test
    void secondOrLongerExtensionIsRefusedWithTheProceduresWords() {
        LocalDate on = RECEIVED.plusWeeks(2);
        assertTrue(run(formal(), event(1, "EXTENSION_ANNOUNCED", on, true, 4, false)).refusals().isEmpty());
        assertTrue(run(formal(), event(1, "EXTENSION_ANNOUNCED", on, true, 5, false))
                .refusalsOf("EXTENSION_ANNOUNCED").get(0).reason().contains("maximaal 10 weken"));
        RegulationOutcome second = run(formal(), event(1, "EXTENSION_ANNOUNCED", on, false, 4, false),
                event(2, "EXTENSION_ANNOUNCED", on.plusDays(1), true, 4, false));
        assertTrue(second.refusalsOf("EXTENSION_ANNOUNCED").get(0).reason().contains("tweede verlenging"));
    }

    @Test
    void decisionIsFollowedByWrittenInformation() {
        LocalDate on = RECEIVED.plusWeeks(3);
        RegulationOutcome o = run(formal(), new EventFacts(1, "DECIDED", on, false, 0, "", "", "UNFOUNDED", false,
                null, false, false, 0));
        Obligation c = obligations(o, "COMMUNICATE_SOLUTION").get(0);
        assertEquals(on, c.from());
        assertEquals("NONE", c.unit());
        assertTrue(hasAdvice(o, "NABESPREKING"));
        assertTrue(hasAdvice(o, "SCHRIFTELIJKE_INFORMATIE"));
    }

    @Test
    void escalationLadderAndExternalBodies() {
        assertEquals(List.of("COMPLAINTS_OFFICER", "TEAM_LEAD"), levels(run(formal())));
        assertEquals(List.of("KPZ_KLACHTENFUNCTIONARIS"),
                run(formal()).externalBodies().stream().map(ExternalBodyReference::body).toList());
        ComplaintFacts atDirector = complaint("FORMAL", "LETTER", null, "AMBULANT", "DIRECTOR", "COMPLAINTS_OFFICER",
                true, true, true, "x", false);
        assertEquals(List.of("COMPLAINTS_OFFICER"), levels(run(atDirector)));
        ComplaintFacts atKpz = complaint("FORMAL", "LETTER", null, "AMBULANT", "COMPLAINTS_OFFICER",
                "DISPUTES_COMMITTEE", true, true, true, "x", false);
        assertEquals(List.of("DISPUTES_COMMITTEE"), levels(run(atKpz)));
        assertEquals(List.of("KPZ_GESCHILLENCOMMISSIE", "KPZ_KLACHTENFUNCTIONARIS"),
                run(atKpz).externalBodies().stream().map(ExternalBodyReference::body).toList());
        ComplaintFacts top = complaint("FORMAL", "LETTER", null, "AMBULANT", "DISPUTES_COMMITTEE", "", true, true,
                true, "x", false);
        assertEquals(List.of(), levels(run(top)));
    }

    @Test
    void tenantWideEvaluationGivesKpisAndReportOnly() {
        RegulationOutcome o = engine.evaluate(rules, EvaluationFacts.tenantOnly(tenant()));
        assertTrue(o.obligations().isEmpty());
        assertEquals(List.of("ON_TIME:DECIDE", "ON_TIME:ACKNOWLEDGE"),
                o.kpiTargets().stream().map(KpiTarget::measure).toList());
        assertEquals(1, o.reportDuties().size());
        assertEquals("directie", o.reportDuties().get(0).audience());
        assertEquals(4, o.reportDuties().get(0).sections().size());
        assertTrue(o.reportDuties().get(0).sections().get(1).contains("niet binnen de gestelde termijn van 6 weken"));
    }
}
