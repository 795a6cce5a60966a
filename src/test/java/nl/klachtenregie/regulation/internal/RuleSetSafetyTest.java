package nl.klachtenregie.regulation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.RuleSetCompilationException;
import nl.klachtenregie.regulation.TenantFacts;
import org.junit.jupiter.api.Test;

/** A broken or runaway rule set fails alone: with its file and line, or stopped, never taking the engine down. */
class RuleSetSafetyTest {

    private static final String HEADER = "package rules.test;\nimport nl.klachtenregie.regulation.*;\n";
    private static final String GOOD = HEADER + """
            rule "Test: 'binnen zes weken'"
            when
                ComplaintFacts(kind == "FORMAL", $r : receivedOn)
            then
                insert(new Obligation("DECIDE", $r, 6, "WEEKS", "DECIDED"));
            end
            """;

    private final DroolsRegulationEngine engine = new DroolsRegulationEngine(500, Duration.ofSeconds(2));

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() {
        String broken = HEADER + """
                rule "broken"
                when
                    ComplaintFacts(kind == )
                then
                end
                """;
        RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class,
                () -> engine.validate(RuleSet.of("broken.drl", broken)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("broken.drl") && p.line() == 5),
                () -> e.problems().toString());
        assertTrue(e.getMessage().contains("broken.drl regel 5"), e.getMessage());
    }

    @Test
    void anUnknownTypeIsReportedWithItsLine() {
        String broken = HEADER + """
                rule "unknown type"
                when
                    Nonsense()
                then
                end
                """;
        RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class,
                () -> engine.validate(RuleSet.of("types.drl", broken)));
        assertTrue(e.problems().stream().anyMatch(p -> p.line() == 5), () -> e.problems().toString());
    }

    @Test
    void aRuleSetThatLoopsIsStoppedAndTheEngineKeepsServing() {
        String looping = HEADER + """
                rule "loops for ever"
                when
                    ComplaintFacts($r : receivedOn)
                then
                    insert(new Advice("X", "again"));
                end
                rule "and again"
                when
                    $a : Advice(code == "X")
                then
                    insert(new Advice("X", "again and again"));
                end
                """;
        RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                () -> engine.evaluate(RuleSet.of("loop.drl", looping), facts()));
        assertTrue(e.getMessage().contains("stopt niet"), e.getMessage());
        RegulationOutcome after = engine.evaluate(RuleSet.of("good.drl", GOOD), facts());
        assertEquals(1, after.obligations().size());
    }

    @Test
    void aRuleChainThatOutrunsTheTimeLimitIsStopped() {
        // A blocking rule (Thread.sleep) no longer passes the policy; an endless chain of allowed inserts with no
        // firing bound to speak of is what the watchdog must still stop.
        DroolsRegulationEngine strict = new DroolsRegulationEngine(Integer.MAX_VALUE, Duration.ofMillis(200), 256,
                Integer.MAX_VALUE, Long.MAX_VALUE);
        String chain = HEADER + """
                rule "start"
                when
                    ComplaintFacts()
                then
                    insert(new Advice("X", "begin"));
                end
                rule "endless chain"
                when
                    Advice()
                then
                    insert(new Advice("X", "weer een"));
                end
                """;
        long start = System.nanoTime();
        RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                () -> strict.evaluate(RuleSet.of("chain.drl", chain), facts()));
        assertTrue(e.getMessage().contains("langer dan 200 ms"), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the evaluation was not cut short");
        assertTrue(!Thread.currentThread().isInterrupted(), "the caller's thread must not stay interrupted");
        assertEquals(1, strict.evaluate(RuleSet.of("good.drl", GOOD), facts()).obligations().size());
    }

    @Test
    void aChainThatDoublesItsTextIsStoppedBeforeItFillsTheHeap() {
        String doubling = HEADER + """
                rule "start"
                when
                    ComplaintFacts()
                then
                    insert(new Advice("X", "0123456789"));
                end
                rule "doubles"
                when
                    $a : Advice()
                then
                    insert(new Advice("X", $a.text() + $a.text()));
                end
                """;
        RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                () -> engine.evaluate(RuleSet.of("double.drl", doubling), facts()));
        assertTrue(e.getMessage().contains("te veel of te grote uitkomsten"), e.getMessage());
        assertEquals(1, engine.evaluate(RuleSet.of("good.drl", GOOD), facts()).obligations().size());
    }

    @Test
    void aChainThatInsertsManyOutcomesPerFiringIsStopped() {
        String many = HEADER + """
                rule "start"
                when
                    ComplaintFacts()
                then
                    insert(new Waiver("X"));
                end
                rule "many"
                when
                    Waiver()
                then
                """ + "    insert(new Waiver(\"X\"));\n".repeat(100) + "end\n";
        DroolsRegulationEngine generous = new DroolsRegulationEngine(10_000, Duration.ofSeconds(30));
        RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                () -> generous.evaluate(RuleSet.of("many.drl", many), facts()));
        assertTrue(e.getMessage().contains("te veel of te grote uitkomsten"), e.getMessage());
    }

    @Test
    void aRuleThatThrowsFailsOnlyThatEvaluation() {
        String throwing = HEADER + """
                rule "bad unit"
                when
                    ComplaintFacts($r : receivedOn)
                then
                    insert(new Obligation("DECIDE", $r, 6, "FORTNIGHTS", "DECIDED"));
                end
                """;
        RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                () -> engine.evaluate(RuleSet.of("throw.drl", throwing), facts()));
        assertTrue(e.getMessage().contains("FORTNIGHTS"), e.getMessage());
    }

    @Test
    void everyResultCarriesTheNameOfTheRuleThatEmittedIt() {
        RegulationOutcome outcome = engine.evaluate(RuleSet.of("good.drl", GOOD), facts());
        assertEquals("Test: 'binnen zes weken'", outcome.obligations().get(0).basis());
    }

    @Test
    void identicalRuleSetsShareOneCompiledRuleBase() {
        engine.evaluate(RuleSet.of("a.drl", GOOD), facts());
        engine.evaluate(RuleSet.of("a.drl", GOOD), facts());
        assertEquals(1, engine.cachedRuleBases());
        engine.evaluate(RuleSet.of("a.drl", GOOD + "\n// another tenant's copy\n"), facts());
        assertEquals(2, engine.cachedRuleBases());
    }

    @Test
    void theNumberOfCompiledRuleBasesIsBounded() {
        DroolsRegulationEngine small = new DroolsRegulationEngine(500, Duration.ofSeconds(2), 2);
        for (int i = 0; i < 4; i++) {
            small.validate(RuleSet.of("a.drl", GOOD + "\n// version " + i + "\n"));
        }
        assertEquals(2, small.cachedRuleBases());
        // the evicted first version compiles again on demand
        assertEquals(1, small.evaluate(RuleSet.of("a.drl", GOOD + "\n// version 0\n"), facts()).obligations().size());
        assertEquals(2, small.cachedRuleBases());
    }

    @Test
    void theCompiledRuleBasesAreBoundedByTheirEstimatedMemoryNotOnlyByTheirNumber() {
        // Issue 14: a maximum-size draft keeps about 21 MB; 256 of them would be about 5 GB.
        DroolsRegulationEngine oneMegabyte = new DroolsRegulationEngine(500, Duration.ofSeconds(2), 256, 1);
        String padding = ("\n// " + "toelichting ".repeat(200)).repeat(10);
        for (int i = 0; i < 4; i++) {
            oneMegabyte.validate(RuleSet.of("a.drl", GOOD + padding + "\n// version " + i + "\n"));
        }
        assertEquals(1, oneMegabyte.cachedRuleBases(), "each is estimated over 1 MB: only the newest stays");
        assertTrue(oneMegabyte.cachedRuleBaseBytes() > 1_000_000, () -> "" + oneMegabyte.cachedRuleBaseBytes());
        assertEquals(1, oneMegabyte.evaluate(RuleSet.of("a.drl", GOOD + padding + "\n// version 0\n"), facts())
                .obligations().size(), "an evicted one compiles again when asked for");
        assertEquals(1, oneMegabyte.cachedRuleBases());
    }

    @Test
    void aRuleSetOverTheSizeLimitIsRefusedBeforeCompiling() {
        String huge = GOOD + "//" + "x".repeat(RuleSet.MAX_TOTAL_CHARS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSet.of("big.drl", huge));
        assertTrue(e.getMessage().contains("te groot"), e.getMessage());
    }

    private static EvaluationFacts facts() {
        ComplaintFacts c = new ComplaintFacts("T-1", "FORMAL", "LETTER", LocalDate.of(2026, 3, 2), null, "CLIENT",
                true, true, true, true, "s", "BEJEGENING", "", "", false, false, "RECEIVED", "EMPLOYEE", "",
                false);
        return new EvaluationFacts(new TenantFacts("t", "1", List.of("EMPLOYEE"), List.of()), c, List.of(), null);
    }
}
