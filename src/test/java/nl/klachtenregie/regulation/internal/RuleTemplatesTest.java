package nl.klachtenregie.regulation.internal;

import static nl.klachtenregie.regulation.internal.RulesTestSupport.codes;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.levels;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.newEngine;
import static nl.klachtenregie.regulation.internal.RulesTestSupport.obligations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.regulation.Registration;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.RegulationParameters.Extension;
import nl.klachtenregie.regulation.RegulationParameters.Kpi;
import nl.klachtenregie.regulation.RegulationParameters.RegistrationPolicy;
import nl.klachtenregie.regulation.RegulationParameters.Report;
import nl.klachtenregie.regulation.RegulationParameters.Term;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.regulation.SuspensionPolicy;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.TenantFacts;
import org.junit.jupiter.api.Test;

/** Rules written from a form of parameters compile, stay plain, and fire as the parameters say. */
class RuleTemplatesTest {

    private static final String NAME = "Klachtenregeling Stichting Nieuw 2026";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 24);
    private static final List<String> LADDER = List.of("EMPLOYEE", "TEAM_LEAD", "DIRECTOR");
    private static final RegulationParameters DEFAULTS = RegulationParameters.defaults(NAME);

    private final DroolsRegulationEngine engine = newEngine();
    private final DrlRuleTemplates templates = new DrlRuleTemplates();

    // --- the defaults -----------------------------------------------------------------------------------------

    @Test
    void theDefaultsCompileIntoOneFileInThePlainSubset() {
        RuleSet rules = templates.write(DEFAULTS);
        assertEquals(List.of("regulation.drl"), List.copyOf(rules.sources().keySet()));
        engine.validate(rules);
        assertPlain(rules.sources().get("regulation.drl"));
    }

    @Test
    void aFormalComplaintMustBeAcknowledgedWithinFiveWorkingDaysAndDecidedWithinSixWeeks() {
        RegulationOutcome o = run(DEFAULTS, complaint("FORMAL", false, ""), HistoryFacts.none());
        assertEquals(List.of(new Obligation("ACKNOWLEDGE", RECEIVED, 5, "WORKING_DAYS", "ACKNOWLEDGED")),
                withoutBasis(obligations(o, "ACKNOWLEDGE")));
        assertEquals(List.of(new Obligation("DECIDE", RECEIVED, 6, "WEEKS", "DECIDED", "Wkkgz art. 17 lid 1", "")),
                withoutBasis(obligations(o, "DECIDE")));
        assertTrue(obligations(o, "DECIDE").get(0).basis().startsWith(NAME + ", Standaardwaarde"),
                obligations(o, "DECIDE").get(0).basis());
        assertTrue(obligations(o, "DECIDE").get(0).basis().endsWith("(termijn DECIDE)"));
    }

    @Test
    void aFormalComplaintsDecisionMayBeExtendedOnceByFourWeeksAnnouncedBeforeTheDueDate() {
        RegulationOutcome o = run(DEFAULTS, complaint("FORMAL", false, ""), HistoryFacts.none());
        ExtensionPolicy p = o.extensionPolicy("DECIDE").orElseThrow();
        assertEquals(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true), p.withBasis(""));
    }

    @Test
    void anInformalComplaintIsAcknowledgedButNotDecidedOrExtended() {
        RegulationOutcome o = run(DEFAULTS, complaint("INFORMAL", false, ""), HistoryFacts.none());
        assertEquals(List.of("ACKNOWLEDGE"), codes(o));
        assertTrue(o.extensionPolicies().isEmpty());
        assertFalse(o.registrationRequired());
    }

    @Test
    void formalComplaintsAreRegistered() {
        RegulationOutcome o = run(DEFAULTS, complaint("FORMAL", false, ""), HistoryFacts.none());
        assertEquals(List.of("Formele klachten worden geregistreerd"), reasons(o));
    }

    @Test
    void informalComplaintsAreRegisteredWhenRepeatedOrAboutUnwantedBehaviour() {
        assertEquals(List.of("Er wordt herhaaldelijk over dezelfde persoon geklaagd"),
                reasons(run(DEFAULTS, complaint("INFORMAL", false, "J. Jansen"), new HistoryFacts(12, 1, 0))));
        assertEquals(List.of("Er wordt herhaaldelijk over hetzelfde onderwerp geklaagd"),
                reasons(run(DEFAULTS, complaint("INFORMAL", false, ""), new HistoryFacts(12, 0, 2))));
        assertEquals(List.of("De klacht houdt verband met ongewenst gedrag"),
                reasons(run(DEFAULTS, complaint("INFORMAL", true, ""), HistoryFacts.none())));
        // Earlier complaints about an employee say nothing about one that names nobody.
        assertFalse(run(DEFAULTS, complaint("INFORMAL", false, ""), new HistoryFacts(12, 3, 0)).registrationRequired());
    }

    @Test
    void registeringEveryInformalComplaintNeedsNoExceptions() {
        RegulationParameters all = with(DEFAULTS.terms(), DEFAULTS.extensions(),
                new RegistrationPolicy(true, true, true, true, true, "art. 7"), true);
        assertEquals(List.of("Informele klachten worden geregistreerd"),
                reasons(run(all, complaint("INFORMAL", true, "J. Jansen"), new HistoryFacts(12, 1, 1))));
    }

    @Test
    void theKpiTargetAndTheReportDutyAreSetTenantWide() {
        RegulationOutcome o = engine.evaluate(templates.write(DEFAULTS), EvaluationFacts.tenantOnly(tenant()));
        assertEquals(List.of(new KpiTarget("BESLIST_BINNEN_TERMIJN",
                "Formele klachten binnen de wettelijke termijn beslist", "ON_TIME:DECIDE", "GE", 1.0)),
                o.kpiTargets().stream().map(k -> k.withBasis("")).toList());
        ReportDuty r = o.reportDuties().get(0);
        assertEquals(List.of("JAARVERSLAG_KLACHTEN", "YEAR", "directie"), List.of(r.code(), r.period(), r.audience()));
        assertEquals(DEFAULTS.reports().get(0).sections(), r.sections());
        assertTrue(r.basis().endsWith("(rapportage JAARVERSLAG_KLACHTEN)"), r.basis());
    }

    @Test
    void aCountTargetIsWrittenAsANumberTheKpiUnderstands() {
        RegulationParameters p = new RegulationParameters(NAME, List.of(), List.of(), null,
                List.of(new Kpi("FORMEEL", "< 3 formele klachten per jaar", "FORMAL_COMPLAINTS", "LT", 3, "art. 9"),
                        new Kpi("KLEIN", "heel klein", "FORMAL_COMPLAINTS", "GE", 0.0001, "art. 9")),
                List.of(), false);
        RegulationOutcome o = engine.evaluate(templates.write(p), EvaluationFacts.tenantOnly(tenant()));
        assertEquals(List.of(3.0, 0.0001), o.kpiTargets().stream().map(KpiTarget::target).toList());
    }

    @Test
    void theNextRungOfTheLadderIsOfferedUnlessSwitchedOffOrAtTheTop() {
        assertEquals(List.of("TEAM_LEAD"), levels(run(DEFAULTS, complaint("FORMAL", false, ""), HistoryFacts.none())));
        RegulationParameters off = with(DEFAULTS.terms(), DEFAULTS.extensions(), DEFAULTS.registration(), false);
        assertEquals(List.of(), levels(run(off, complaint("FORMAL", false, ""), HistoryFacts.none())));
        ComplaintFacts top = new ComplaintFacts("N-1", "FORMAL", "LETTER", RECEIVED, null, "CLIENT", true, true, true,
                true, "", "BEJEGENING", "", "", false, false, "RECEIVED", "DIRECTOR", "", false);
        assertEquals(List.of(), levels(run(DEFAULTS, top, HistoryFacts.none())));
    }

    // --- extensions -------------------------------------------------------------------------------------------

    @Test
    void anExtensionLongerThanAllowedIsRefusedInTheRegulationsWords() {
        RuleSet rules = templates.write(DEFAULTS);
        RegulationOutcome tooLong = evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(2), true, 5));
        assertEquals(1, tooLong.refusalsOf("EXTENSION_ANNOUNCED").size());
        Refusal r = tooLong.refusalsOf("EXTENSION_ANNOUNCED").get(0);
        assertTrue(r.reason().startsWith("Een verlenging mag volgens het reglement hoogstens 4 weken zijn: "
                + DEFAULTS.extensions().get(0).quote()), r.reason());
        assertEquals(List.of(), evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(2), true, 4)).refusals());
    }

    @Test
    void aSecondExtensionIsRefusedWhenOneIsAllowed() {
        RuleSet rules = templates.write(DEFAULTS);
        RegulationOutcome second = evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(2), false, 4),
                event(2, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(3), true, 2));
        assertEquals(1, second.refusalsOf("EXTENSION_ANNOUNCED").size());
        assertTrue(second.refusalsOf("EXTENSION_ANNOUNCED").get(0).reason()
                .startsWith("De termijn is al verlengd; het reglement staat maar één verlenging toe: "));
    }

    @Test
    void withTwoExtensionsAllowedOnlyTheThirdIsRefused() {
        RegulationParameters two = with(DEFAULTS.terms(),
                List.of(new Extension("DECIDE", 2, 10, "DAYS", false, "art. 5")), DEFAULTS.registration(), true);
        RuleSet rules = templates.write(two);
        assertPlain(rules.sources().get("regulation.drl"));
        assertEquals(List.of(), evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(2), false, 1),
                event(2, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(3), true, 1)).refusals());
        RegulationOutcome third = evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(2), false, 1),
                event(2, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(3), false, 1),
                event(3, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(4), true, 1));
        assertEquals(List.of("De termijn is al 2 keer verlengd; het reglement staat hoogstens 2 verlengingen toe: "
                + "art. 5"), third.refusals().stream().map(Refusal::reason).toList());
        // 10 days is one whole week: two weeks is too long.
        assertEquals(1, evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(2), true, 2)).refusals().size());
    }

    // --- a term that starts at an event -----------------------------------------------------------------------

    @Test
    void aTermStartingAtAnEventAppearsOnlyOnceThatEventExistsFromItsFirstOccurrence() {
        RegulationParameters p = new RegulationParameters(NAME, List.of(
                        new Term("VERSLAG", "INFORMAL", "MEETING_HELD", 5, "WORKING_DAYS", "REPORT_RECORDED",
                                "art. 4: 'binnen vijf werkdagen na het gesprek een verslag'")),
                List.of(new Extension("VERSLAG", 1, 2, "WEEKS", false, "art. 4.2")), null, List.of(), List.of(),
                false);
        RuleSet rules = templates.write(p);
        RegulationOutcome before = evaluate(rules, complaint("INFORMAL", false, ""),
                event(1, "CONTACTED", RECEIVED.plusDays(1), false, 0));
        assertEquals(List.of(), before.obligations());
        assertTrue(before.extensionPolicies().isEmpty());

        LocalDate first = RECEIVED.plusDays(3);
        RegulationOutcome after = evaluate(rules, complaint("INFORMAL", false, ""),
                event(1, "MEETING_HELD", RECEIVED.plusDays(8), false, 0),
                event(2, "MEETING_HELD", first, false, 0));
        assertEquals(List.of(new Obligation("VERSLAG", first, 5, "WORKING_DAYS", "REPORT_RECORDED")),
                withoutBasis(after.obligations()));
        assertTrue(after.extensionPolicy("VERSLAG").isPresent());

        assertEquals(List.of(), evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "MEETING_HELD", first, false, 0)).obligations());
    }


    // --- the form of issue 13 ---------------------------------------------------------------------------------

    @Test
    void aMonthTermCarriesItsStatuteAndTheComplainantsWordsOnTheObligation() {
        RegulationParameters p = params(List.of(new Term("DECIDE", "FORMAL", "RECEIVED", "", 2, "MONTHS", "DECIDED",
                "Jeugdwet art. 4.2.2", "krijgt u ons oordeel", "art. 7: 'binnen twee maanden'")));
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));
        Obligation o = obligations(evaluate(rules, complaint("FORMAL", false, "")), "DECIDE").get(0);
        assertEquals(new Obligation("DECIDE", RECEIVED, 2, "MONTHS", "DECIDED", "Jeugdwet art. 4.2.2",
                "krijgt u ons oordeel"), o.withBasis(""));
        assertTrue(o.statutory());
        assertTrue(rules.sources().get("regulation.drl").contains("insert(new Obligation(\"DECIDE\", $start, 2, "
                + "\"MONTHS\", \"DECIDED\", \"Jeugdwet art. 4.2.2\", \"krijgt u ons oordeel\"));"));
    }

    @Test
    void theSameCodeIsTenWorkingDaysForAFormalAndThreeForAnInformalComplaint() {
        RegulationParameters p = params(List.of(
                new Term("CONTACT", "FORMAL", "RECEIVED", 10, "WORKING_DAYS", "CONTACTED", "art. 3.1"),
                new Term("CONTACT", "INFORMAL", "RECEIVED", 3, "WORKING_DAYS", "CONTACTED", "art. 2.1")));
        RuleSet rules = templates.write(p);
        assertEquals(List.of(new Obligation("CONTACT", RECEIVED, 10, "WORKING_DAYS", "CONTACTED")),
                withoutBasis(evaluate(rules, complaint("FORMAL", false, "")).obligations()));
        assertEquals(List.of(new Obligation("CONTACT", RECEIVED, 3, "WORKING_DAYS", "CONTACTED")),
                withoutBasis(evaluate(rules, complaint("INFORMAL", false, "")).obligations()));
    }

    @Test
    void aTermStartsAtTheEscalationToItsRungOrAtReceiptWhenTheComplaintWasMadeThere() {
        RegulationParameters p = params(List.of(new Term("KF_CONTACT", "ALL", "ESCALATED", "KF", 10, "WORKING_DAYS",
                "CONTACTED", "", "neemt de klachtenfunctionaris contact met u op", "art. 5")));
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));
        // Registered at the lowest rung: nothing until it is escalated to KF, then from the first such escalation.
        assertEquals(List.of(), evaluate(rules, kfComplaint("INFORMAL", "EMPLOYEE", "EMPLOYEE")).obligations());
        assertEquals(List.of(), evaluate(rules, kfComplaint("INFORMAL", "EMPLOYEE", "TEAM_LEAD"),
                escalated(1, RECEIVED.plusDays(2), "TEAM_LEAD")).obligations(), "another rung does not start it");
        LocalDate first = RECEIVED.plusDays(4);
        RegulationOutcome escalated = evaluate(rules, kfComplaint("INFORMAL", "EMPLOYEE", "KF"),
                escalated(1, RECEIVED.plusDays(2), "TEAM_LEAD"), escalated(2, RECEIVED.plusDays(9), "KF"),
                escalated(3, first, "KF"));
        assertEquals(List.of(new Obligation("KF_CONTACT", first, 10, "WORKING_DAYS", "CONTACTED", "",
                "neemt de klachtenfunctionaris contact met u op")), withoutBasis(escalated.obligations()));
        // Made directly to the klachtenfunctionaris: from receipt.
        RegulationOutcome direct = evaluate(rules, kfComplaint("FORMAL", "KF", "KF"));
        assertEquals(List.of(new Obligation("KF_CONTACT", RECEIVED, 10, "WORKING_DAYS", "CONTACTED", "",
                "neemt de klachtenfunctionaris contact met u op")), withoutBasis(direct.obligations()));
        assertTrue(direct.obligations().get(0).basis().endsWith("(termijn KF_CONTACT: ontvangen bij KF)"));
    }

    @Test
    void aTermStartingAtAReferralRunsFromTheDayTheComplaintWasLodgedThere() {
        RegulationParameters p = params(List.of(new Term("UITSPRAAK", "ALL", "REFERRED_EXTERNAL", 6, "MONTHS",
                "EXTERNAL_OUTCOME_RECEIVED", "art. 12")));
        LocalDate lodged = RECEIVED.plusDays(10);
        EventFacts referral = new EventFacts(1, "REFERRED_EXTERNAL", RECEIVED.plusDays(3), false, 0, "", "GI", "",
                false, null, false, false, 0, List.of(), false, lodged);
        assertEquals(List.of(new Obligation("UITSPRAAK", lodged, 6, "MONTHS", "EXTERNAL_OUTCOME_RECEIVED")),
                withoutBasis(evaluate(templates.write(p), complaint("FORMAL", false, ""), referral).obligations()));
    }

    @Test
    void aComplainantWhoMaySkipIsOfferedEveryHigherRung() {
        RegulationParameters p = escalationOnly(new RegulationParameters.Escalation(true, true, "ALL", "art. 4"));
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));
        assertEquals(List.of("DIRECTOR", "KF", "TEAM_LEAD"),
                levels(evaluate(rules, kfComplaint("INFORMAL", "EMPLOYEE", "EMPLOYEE"))));
        assertEquals(List.of("KF"), levels(evaluate(rules, kfComplaint("INFORMAL", "EMPLOYEE", "DIRECTOR"))));
        assertEquals(List.of(), levels(evaluate(rules, kfComplaint("INFORMAL", "EMPLOYEE", "KF"))), "at the top");
        // Without skipping: only the next rung.
        RuleSet next = templates.write(escalationOnly(new RegulationParameters.Escalation(true, false, "ALL", "")));
        assertEquals(List.of("TEAM_LEAD"), levels(evaluate(next, kfComplaint("INFORMAL", "EMPLOYEE", "EMPLOYEE"))));
    }

    @Test
    void anEscalationOfferedForOneKindOfComplaintOnly() {
        RuleSet rules = templates.write(escalationOnly(new RegulationParameters.Escalation(true, false, "FORMAL",
                "art. 4: 'een formele klacht kan worden voorgelegd aan de directie'")));
        assertEquals(List.of("TEAM_LEAD"), levels(evaluate(rules, kfComplaint("FORMAL", "EMPLOYEE", "EMPLOYEE"))));
        assertEquals(List.of(), levels(evaluate(rules, kfComplaint("INFORMAL", "EMPLOYEE", "EMPLOYEE"))));
    }

    @Test
    void anExternalBodyIsNamedWhereItsRowAppliesAndSaysWhetherItTakesTheComplaintOver() {
        RegulationParameters p = new RegulationParameters(NAME, List.of(), List.of(), null, List.of(), List.of(),
                RegulationParameters.Escalation.none(),
                List.of(new RegulationParameters.Referral("GI", "FORMAL", "THUISZORG", "KF", true,
                                "art. 10: 'de geschilleninstantie'"),
                        new RegulationParameters.Referral("CVP", "ALL", "", "", false,
                                "art. 11: 'de cliëntvertrouwenspersoon'")),
                List.of(), true, "");
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));
        RegulationOutcome atKf = evaluate(rules, line(kfComplaint("FORMAL", "EMPLOYEE", "KF"), "THUISZORG"));
        assertEquals(List.of("CVP", "GI"), atKf.externalBodies().stream().map(b -> b.body()).sorted().toList());
        assertTrue(atKf.referralEndsOwnDuty("GI"));
        assertFalse(atKf.referralEndsOwnDuty("CVP"));
        for (ComplaintFacts elsewhere : List.of(line(kfComplaint("INFORMAL", "EMPLOYEE", "KF"), "THUISZORG"),
                line(kfComplaint("FORMAL", "EMPLOYEE", "KF"), "DAGBESTEDING"),
                line(kfComplaint("FORMAL", "EMPLOYEE", "EMPLOYEE"), "THUISZORG"))) {
            assertEquals(List.of("CVP"), evaluate(rules, elsewhere).externalBodies().stream().map(b -> b.body())
                    .toList(), elsewhere::toString);
        }
    }

    @Test
    void suspensionIsAllowedAsTheRowsSayAndRollOverIsAlwaysStated() {
        RegulationParameters p = new RegulationParameters(NAME, DEFAULTS.terms(), List.of(), null, List.of(),
                List.of(), RegulationParameters.Escalation.none(), List.of(),
                List.of(new RegulationParameters.Suspension("*", 14, false, "art. 6"),
                        new RegulationParameters.Suspension("DECIDE", 0, true, "art. 6.2")),
                false, "art. 1: 'termijnen eindigen op de dag zelf'");
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));
        RegulationOutcome o = evaluate(rules, complaint("FORMAL", false, ""));
        assertEquals(new SuspensionPolicy("*", 14, false), o.suspensionPolicy("ACKNOWLEDGE").orElseThrow()
                .withBasis(""));
        assertEquals(new SuspensionPolicy("DECIDE", 0, true), o.suspensionPolicy("DECIDE").orElseThrow()
                .withBasis(""));
        assertFalse(o.rollOverOwnTerms(), "roll-over switched off for own terms");
        assertTrue(rules.sources().get("regulation.drl").contains("insert(new RollOverPolicy(false));"));
        RuleSet on = templates.write(DEFAULTS);
        assertTrue(on.sources().get("regulation.drl").contains("insert(new RollOverPolicy(true));"),
                "the default choice is written out too");
        assertTrue(evaluate(on, complaint("FORMAL", false, "")).rollOverOwnTerms());
        assertTrue(evaluate(on, complaint("FORMAL", false, "")).suspensionPolicies().isEmpty());
    }

    @Test
    void aDocumentedConsentLiftsTheRefusalsOfALongerOrAnotherExtension() {
        RegulationParameters p = with(DEFAULTS.terms(), List.of(new Extension("DECIDE", 1, 4, "WEEKS", true, true,
                "Wkkgz art. 17 lid 2")), DEFAULTS.registration(), true);
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));
        assertTrue(evaluate(rules, complaint("FORMAL", false, "")).extensionPolicy("DECIDE").orElseThrow()
                .beyondWithConsent());
        EventFacts sixWeeks = consentEvent(1, 6, false);
        RegulationOutcome refused = evaluate(rules, complaint("FORMAL", false, ""), sixWeeks);
        assertEquals(List.of("Een verlenging mag volgens het reglement hoogstens 4 weken zijn (langer alleen met "
                + "instemming van de klager): Wkkgz art. 17 lid 2"), refused.refusals().stream().map(Refusal::reason)
                .toList());
        assertEquals(List.of(), evaluate(rules, complaint("FORMAL", false, ""), consentEvent(1, 6, true))
                .refusals(), "with the complainant's consent");
        EventFacts first = new EventFacts(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(5), false, 4, "", "", "",
                false, null, false, false, 0);
        assertEquals(1, evaluate(rules, complaint("FORMAL", false, ""), first, consentEvent(2, 2, false))
                .refusals().size(), "a second extension without consent");
        assertEquals(List.of(), evaluate(rules, complaint("FORMAL", false, ""), first, consentEvent(2, 2, true))
                .refusals(), "a second extension with consent");
        // Without beyondWithConsent, consent changes nothing.
        assertEquals(1, evaluate(templates.write(DEFAULTS), complaint("FORMAL", false, ""), consentEvent(1, 6, true))
                .refusals().size());
    }

    @Test
    void everyTemplateOfIssue13PassesTheAllowlistAndCompilesTogether() {
        RegulationParameters all = new RegulationParameters(NAME,
                List.of(new Term("CONTACT", "FORMAL", "RECEIVED", "", 10, "WORKING_DAYS", "CONTACTED", "", "", "a"),
                        new Term("CONTACT", "INFORMAL", "RECEIVED", "", 3, "WORKING_DAYS", "CONTACTED", "", "", "b"),
                        new Term("KF_CONTACT", "ALL", "ESCALATED", "KF", 10, "WORKING_DAYS", "CONTACTED", "",
                                "neemt de klachtenfunctionaris contact met u op", "c"),
                        new Term("DECIDE", "FORMAL", "RECEIVED", "", 6, "WEEKS", "DECIDED", "Wkkgz art. 17 lid 1", "",
                                "d"),
                        new Term("CHECK", "ALL", "DECIDED", "", 1, "MONTHS", "CHECK_CONFIRMED", "", "", "e")),
                List.of(new Extension("KF_CONTACT", 2, 1, "MONTHS", true, true, "f")), null,
                List.of(new Kpi("CONTACT_OP_TIJD", "Contact op tijd", "ON_TIME:CONTACT", "GE", 0.9, "g")), List.of(),
                new RegulationParameters.Escalation(true, true, "INFORMAL", "h"),
                List.of(new RegulationParameters.Referral("GI", "FORMAL", "THUISZORG", "KF", true, "i")),
                List.of(new RegulationParameters.Suspension("*", 14, false, "j")), false, "k");
        RuleSet rules = templates.write(all);
        assertPlain(rules.sources().get("regulation.drl"));
        engine.validate(rules);
        RegulationOutcome o = evaluate(rules, kfComplaint("FORMAL", "KF", "KF"));
        assertEquals(List.of("CONTACT", "DECIDE", "KF_CONTACT"), codes(o));
        assertEquals(new ExtensionPolicy("KF_CONTACT", 2, 1, "MONTHS", true, true),
                o.extensionPolicy("KF_CONTACT").orElseThrow().withBasis(""));
        assertEquals(List.of(), levels(o), "escalation is for informal complaints only");
        assertTrue(o.suspensionPolicy("CONTACT").isPresent());
        assertEquals(List.of("GI"), evaluate(rules, line(kfComplaint("FORMAL", "KF", "KF"), "THUISZORG"))
                .externalBodies().stream().map(b -> b.body()).toList());
    }

    private RegulationParameters params(List<Term> terms) {
        return new RegulationParameters(NAME, terms, List.of(), null, List.of(), List.of(), false);
    }

    private RegulationParameters escalationOnly(RegulationParameters.Escalation e) {
        return new RegulationParameters(NAME, List.of(), List.of(), null, List.of(), List.of(), e, List.of(),
                List.of(), true, "");
    }

    /** Evaluated for a tenant whose ladder is EMPLOYEE, TEAM_LEAD, DIRECTOR and KF (the klachtenfunctionaris). */
    private RegulationOutcome evaluate(RuleSet rules, ComplaintFacts c, EventFacts... events) {
        return RulesTestSupport.evaluate(engine, rules, kfTenant(), c, HistoryFacts.none(), events);
    }

    private static TenantFacts kfTenant() {
        return new TenantFacts("nieuw", "1", List.of("EMPLOYEE", "TEAM_LEAD", "DIRECTOR", "KF"), List.of("GI", "CVP"));
    }

    private static ComplaintFacts kfComplaint(String kind, String intake, String at) {
        List<String> ladder = kfTenant().escalationLevels();
        int i = ladder.indexOf(at);
        String next = i + 1 < ladder.size() ? ladder.get(i + 1) : "";
        return new ComplaintFacts("N-1", kind, "LETTER", RECEIVED, null, "CLIENT", true, true, true, true,
                "Niemand belde terug", "BEJEGENING", "", "", false, false, "RECEIVED", at, next, false, intake);
    }

    private static ComplaintFacts line(ComplaintFacts c, String serviceLine) {
        return new ComplaintFacts(c.reference(), c.kind(), c.channel(), c.receivedOn(), c.incidentOn(),
                c.complainantRole(), true, true, true, true, c.summary(), c.category(), serviceLine,
                c.concernsEmployee(), false, false, c.status(), c.escalationLevel(), c.nextEscalationLevel(), false,
                c.intakeLevel());
    }

    private static EventFacts escalated(int seq, LocalDate on, String level) {
        return RulesTestSupport.event(seq, "ESCALATED", on, false, 0, level, false);
    }

    private static EventFacts consentEvent(int seq, int weeks, boolean consent) {
        return new EventFacts(seq, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(5), true, weeks, "", "", "", false, null,
                false, false, 0, List.of(), consent, null);
    }

    // --- escaping ---------------------------------------------------------------------------------------------

    @Test
    void quotesAndBackslashesInAQuoteCannotBreakOutOfTheDrl() {
        String evil = "Art. 2 \"binnen 5 werkdagen\"\")); insert(new Refusal(\"CREATE\", \"x\")); end "
                + "rule \"evil\" when then end // /* \\ \\\" \\n $r";
        String reason = "Art. 5 \\\"); insert(new Inadmissible(\"x\")); end";
        RegulationParameters p = with(List.of(new Term("ACKNOWLEDGE", "ALL", "RECEIVED", 5, "WORKING_DAYS",
                        "ACKNOWLEDGED", evil), DEFAULTS.terms().get(1)),
                List.of(new Extension("DECIDE", 1, 4, "WEEKS", true, reason)), DEFAULTS.registration(), true);
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));

        RegulationOutcome o = evaluate(rules, complaint("FORMAL", true, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(1), true, 9));
        // A rule name is code: quotes and backslashes in it are replaced; the reasons keep the text as typed.
        assertEquals(NAME + ", " + evil.replace('"', '\'').replace('\\', '/').replace("*/", "* /")
                + " (termijn ACKNOWLEDGE)", obligations(o, "ACKNOWLEDGE").get(0).basis());
        assertTrue(o.refusalsOf("CREATE").isEmpty());
        assertTrue(o.admissible());
        assertEquals(List.of("Een verlenging mag volgens het reglement hoogstens 4 weken zijn: " + reason),
                o.refusals().stream().map(Refusal::reason).toList());
    }

    @Test
    void aNameWithPunctuationAndAMultiLineQuoteComeBackAsWritten() {
        String name = "Reglement 'De Brug' & Co; end rule // (2026)";
        String quote = "Art. 3\n'eerste regel'\n\tTweede regel";
        RegulationParameters p = new RegulationParameters(name,
                List.of(new Term("DECIDE", "ALL", "RECEIVED", 6, "WEEKS", "DECIDED", quote)),
                List.of(new Extension("DECIDE", 1, 4, "WEEKS", true, quote)), null, List.of(),
                List.of(new Report("R", "HALF_YEAR", "MT \"kern\" \\ team", List.of("a \"b\"", "c \\ d"), quote)),
                false);
        RuleSet rules = templates.write(p);
        assertPlain(rules.sources().get("regulation.drl"));
        RegulationOutcome o = evaluate(rules, complaint("FORMAL", false, ""),
                event(1, "EXTENSION_ANNOUNCED", RECEIVED.plusWeeks(1), true, 5));
        // The basis reads as one line; the reason keeps the quote's own lines.
        assertEquals(name + ", Art. 3 'eerste regel' Tweede regel (termijn DECIDE)",
                obligations(o, "DECIDE").get(0).basis());
        assertTrue(o.refusals().get(0).reason().endsWith(": " + quote), o.refusals().get(0).reason());
        ReportDuty r = o.reportDuties().get(0);
        assertEquals("MT \"kern\" \\ team", r.audience());
        assertEquals(List.of("a \"b\"", "c \\ d"), r.sections());
    }

    @Test
    void literalsEscapeEverythingThatCouldEndThem() {
        assertEquals("\"a\\\\b\\\"c\\nd\\te\"", DrlRuleTemplates.literal("a\\b\"c\nd\te"));
        assertEquals("\" x\"", DrlRuleTemplates.literal("\u0007x"));
        assertEquals("0.0001", DrlRuleTemplates.number(0.0001));
        assertEquals("3.0", DrlRuleTemplates.number(3));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /**
     * The subset a vetted rule set may use: no functions, globals, queries, eval, from, accumulate, salience, no
     * unicode escapes, and {@code new} only of outcome records. String literals are removed first, so text in
     * them does not count.
     */
    private static void assertPlain(String drl) {
        String code = drl.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("(?m)//.*$", "");
        assertFalse(drl.contains("\\u"), "unicode escape");
        for (String word : List.of("function", "global", "query", "eval", "from", "accumulate", "collect",
                "salience", "modify", "update", "retract", "delete", "System", "java.", "import static", "declare",
                "dialect", "/*")) {
            assertFalse(Pattern.compile("(?<![A-Za-z])" + Pattern.quote(word) + "(?![A-Za-z])").matcher(code).find(),
                    () -> word + " in\n" + drl);
        }
        Matcher news = Pattern.compile("new\\s+(\\w+)").matcher(code);
        while (news.find()) {
            assertTrue(List.of("Obligation", "ExtensionPolicy", "Refusal", "Registration", "EscalationOption",
                    "KpiTarget", "ReportDuty", "ExternalBodyReference", "SuspensionPolicy", "RollOverPolicy")
                    .contains(news.group(1)), news.group(1));
        }
        Matcher thens = Pattern.compile("(?s)then\\n(.*?)\\nend\\n").matcher(code);
        int rules = 0;
        while (thens.find()) {
            rules++;
            assertTrue(thens.group(1).strip().matches("insert\\(new \\w+\\([^;]*\\)\\);"), thens.group(1));
        }
        assertEquals(rules, code.split("\nrule ", -1).length - 1);
        assertTrue(code.startsWith("package rules.form;\n\nimport nl.klachtenregie.regulation.*;\n"));
    }

    private static TenantFacts tenant() {
        return new TenantFacts("nieuw", "1", LADDER, List.of());
    }

    @Test
    void everyTextAtItsLongestStillMakesRulesThatPassTheChecks() {
        // Quotes that double when escaped, at every limit the form allows: the generated DRL must still be allowed.
        String quote = "\"".repeat(RegulationParameters.MAX_QUOTE);
        String label = "\"".repeat(RegulationParameters.MAX_LABEL);
        List<String> sections = java.util.Collections.nCopies(RegulationParameters.MAX_SECTIONS, label);
        RegulationParameters longest = new RegulationParameters("N".repeat(RegulationParameters.MAX_NAME),
                List.of(new Term("ACKNOWLEDGE", "ALL", "RECEIVED", 5, "WORKING_DAYS", "ACKNOWLEDGED", quote),
                        new Term("DECIDE", "FORMAL", "RECEIVED", 6, "WEEKS", "DECIDED", quote)),
                List.of(new Extension("DECIDE", RegulationParameters.MAX_EXTENSIONS, 4, "WEEKS", true, quote)),
                new RegistrationPolicy(true, false, true, true, true, quote),
                List.of(new Kpi("OP_TIJD", label, "ON_TIME:DECIDE", "GE", 0.8, quote)),
                List.of(new Report("JAAR", "YEAR", label, sections, quote)), true);
        RuleSet rules = templates.write(longest);
        RegulationOutcome o = evaluate(rules, complaint("FORMAL", false, ""));
        assertTrue(o.obligations().get(0).basis().startsWith("N".repeat(RegulationParameters.MAX_NAME) + ", ''"),
                o.obligations().get(0).basis());
        assertEquals(label, o.kpiTargets().get(0).label());
        assertEquals(sections, o.reportDuties().get(0).sections());
    }

    private static ComplaintFacts complaint(String kind, boolean unwanted, String employee) {
        return new ComplaintFacts("N-1", kind, "LETTER", RECEIVED, null, "CLIENT", true, true, true, true,
                "Afspraak niet nagekomen", "BEJEGENING", "", employee, unwanted, false, "RECEIVED", "EMPLOYEE",
                "TEAM_LEAD", false);
    }

    private static EventFacts event(int seq, String type, LocalDate on, boolean proposed, int weeks) {
        return RulesTestSupport.event(seq, type, on, proposed, weeks, "", false);
    }

    private RegulationOutcome run(RegulationParameters p, ComplaintFacts c, HistoryFacts history) {
        return engine.evaluate(templates.write(p), new EvaluationFacts(tenant(), c, List.of(), history));
    }


    private static RegulationParameters with(List<Term> terms, List<Extension> extensions, RegistrationPolicy r,
                                             boolean escalate) {
        return new RegulationParameters(NAME, terms, extensions, r, DEFAULTS.kpis(), DEFAULTS.reports(), escalate);
    }

    private static List<Obligation> withoutBasis(List<Obligation> obligations) {
        return obligations.stream().map(o -> o.withBasis("")).toList();
    }

    private static List<String> reasons(RegulationOutcome o) {
        return o.registrations().stream().map(Registration::reason).toList();
    }
}
