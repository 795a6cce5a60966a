package nl.klachtenregie.regulation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.RuleSetRejectedException;
import nl.klachtenregie.regulation.TenantFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus ({@code src/test/resources/hostile}): each rule set there tries something a tenant must not
 * (files, processes, reflection, threads, the network, other tenants' data, smuggling code past the check). Its
 * first line says what must happen: {@code // verwacht: regel <n> <construct>} (refused before compiling, naming
 * that line and construct), {@code // verwacht: gestopt} (allowed, but stopped by the bounds while evaluating) or
 * {@code // verwacht: evaluatie <reden>} (allowed, but what it emits is refused by the outcome records' own bounds).
 * One engine serves the whole corpus and must still evaluate a seed rule set correctly afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRuleSetsTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    /** Where the payloads write, and the system property they set, if any of them ever ran. */
    private static final Path PWNED = Path.of("target/hostile-pwned");
    private static final String PWNED_PROPERTY = "klachtenregie.pwned";
    private static final Pattern REFUSED = Pattern.compile("// verwacht: regel (\\d+) (.+)");

    private static final DroolsRegulationEngine ENGINE = RulesTestSupport.newEngine();

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted(Comparator.comparing(Path::toString))
                    .toList().stream();
        }
    }

    @BeforeEach
    void noTraceOfAnyPayload() throws IOException {
        if (Files.exists(PWNED)) {
            try (Stream<Path> left = Files.walk(PWNED)) {
                left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.clearProperty(PWNED_PROPERTY);
    }

    @AfterAll
    static void cleanUp() {
        System.clearProperty(PWNED_PROPERTY);
    }

    @Order(1)
    @Test
    void theCorpusCoversTheKnownAttacks() throws IOException {
        assertTrue(corpus().count() >= 80, "hostile corpus missing");
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileRuleSetIsRefusedOrStoppedAndNothingOfItRuns(Path file) throws IOException {
        String drl = Files.readString(file);
        String name = file.getFileName().toString();
        RuleSet rules = RuleSet.of(name, drl);
        String expectation = drl.lines().findFirst().orElse("");
        int cachedBefore = ENGINE.cachedRuleBases();
        if (expectation.startsWith("// verwacht: evaluatie ")) {
            // Passes the allowlist, but what it emits is refused by the outcome records' own bounds or the output
            // bound: the evaluation (and so the check's trial cases) fails with that reason, and nothing is kept.
            String reason = expectation.substring("// verwacht: evaluatie ".length());
            RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                    () -> ENGINE.evaluate(rules, facts()));
            assertTrue(e.getMessage().contains(reason), () -> name + ": " + e.getMessage());
        } else if (expectation.equals("// verwacht: gestopt")) {
            RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                    () -> ENGINE.evaluate(rules, facts()));
            assertTrue(e.getMessage().contains("stopt niet") || e.getMessage().contains("te veel of te grote uitkomsten"),
                    e.getMessage());
        } else {
            Matcher m = REFUSED.matcher(expectation);
            assertTrue(m.matches(), "first line must say what is expected: " + expectation);
            int line = Integer.parseInt(m.group(1));
            String construct = m.group(2).replace("<backslash>", "\\");
            RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class, () -> ENGINE.validate(rules));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals(name) && p.line() == line
                            && p.message().startsWith(name + " regel " + line + ": ")
                            && p.message().contains(construct)),
                    () -> "expected a refusal of '" + construct + "' on line " + line + ", got " + e.problems());
            // the evaluation path refuses it too: no rule of it ever runs
            assertThrows(RuleSetRejectedException.class, () -> ENGINE.evaluate(rules, facts()));
            assertEquals(cachedBefore, ENGINE.cachedRuleBases(), "a refused rule set was compiled and kept");
        }
        assertTrue(Files.notExists(PWNED), "a payload wrote a file");
        assertNull(System.getProperty(PWNED_PROPERTY), "a payload ran");
    }

    @Order(3)
    @Test
    void afterTheWholeCorpusTheEngineStillEvaluatesASeedCorrectly() throws IOException {
        RuleSet seed = RulesTestSupport.ruleSet("klimkoord", "2024-05-06");
        RegulationOutcome served = ENGINE.evaluate(seed, facts());
        RegulationOutcome fresh = RulesTestSupport.newEngine().evaluate(seed, facts());
        assertEquals(List.of("ACKNOWLEDGE", "COMMUNICATE_SOLUTION", "CONTACT"),
                RulesTestSupport.codes(served).stream().filter(c -> !c.equals("INFORM_MANAGEMENT")).toList());
        assertEquals(RulesTestSupport.codes(fresh), RulesTestSupport.codes(served));
        assertEquals(fresh.advice().size(), served.advice().size());
    }

    private static EvaluationFacts facts() {
        ComplaintFacts c = new ComplaintFacts("KK-1", "INFORMAL", "WEB_FORM", LocalDate.of(2026, 3, 7), null,
                "CLIENT", true, true, true, true, "Niet teruggebeld", "BEJEGENING", "", "", false, false, "RECEIVED",
                "EMPLOYEE", "TEAM_LEAD", false);
        TenantFacts tenant = new TenantFacts("klimkoord", "2024-05-06",
                List.of("EMPLOYEE", "TEAM_LEAD", "COMPLAINTS_OFFICER"), List.of("KPZ_KLACHTENFUNCTIONARIS"));
        return new EvaluationFacts(tenant, c, List.of(), HistoryFacts.none());
    }
}
