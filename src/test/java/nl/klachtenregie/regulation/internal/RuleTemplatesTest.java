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
        assertEquals(List.of(new Obligation("DECIDE", RECEIVED, 6, "WEEKS", "DECIDED")),
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
        assertEquals(List.of(new KpiTarget("BESLIST_BINNEN_TERMIJN", "Formele klachten binnen de termijn beslist",
                "ON_TIME:DECIDE", "GE", 0.8)), o.kpiTargets().stream().map(k -> k.withBasis("")).toList());
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
                    "KpiTarget", "ReportDuty").contains(news.group(1)), news.group(1));
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

    private RegulationOutcome evaluate(RuleSet rules, ComplaintFacts c, EventFacts... events) {
        return RulesTestSupport.evaluate(engine, rules, tenant(), c, HistoryFacts.none(), events);
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
