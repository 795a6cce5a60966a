package nl.klachtenregie.regulation.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.RuleSetCompilationException;
import nl.klachtenregie.regulation.RuleSetRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What tenant-written rules may contain: the seeds and plain DRL pass, the limits refuse before compiling. */
class RuleSetPolicyTest {

    private static final String HEADER = "package rules.test;\nimport nl.klachtenregie.regulation.*;\n";

    private final RuleSetPolicy policy = new RuleSetPolicy();

    static Stream<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            return files.filter(p -> p.getFileName().toString().equals("regulation.drl")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everySeedRuleSetPassesThePolicyUnchanged(Path seed) throws IOException {
        RuleSet rules = RuleSet.of("regulation.drl", Files.readString(seed));
        assertDoesNotThrow(() -> policy.check(rules));
    }

    @Test
    void thereAreSeedsToCheck() throws IOException {
        assertTrue(seeds().count() >= 4, "the seed rule sets were not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // not, exists, a bound pattern, concatenation with a bound variable
        """
        rule "geen ontvangstbevestiging verstuurd"
        when
            $c : ComplaintFacts(kind == "FORMAL", $r : receivedOn)
            not EventFacts(type == "ACKNOWLEDGED")
            exists (EventFacts(type == "ESCALATED") or TenantFacts(hasLevel("BOARD")))
        then
            insert(new Advice("LET_OP", "Ontvangen op " + $r + " (" + $c.kind() + ")"));
        end
        """,
        // forall, in / not in, ternary, arithmetic, date and text methods, attributes from the allowlist
        """
        rule "termijn"
            salience 10
            no-loop true
            enabled false
            dialect "java"
        when
            forall (EventFacts(type == "MEETING_HELD") EventFacts(on != null))
            ComplaintFacts(channel in ("LETTER", "EMAIL"), category not in ("", "X"), $r : receivedOn,
                           summary.toLowerCase().contains("zorg"), receivedOn.isBefore($r.plusDays(1)))
        then
            insert(new Obligation("DECIDE", $r.plusWeeks(2), 3 * 2, true ? "WEEKS" : "DAYS", "DECIDED"));
            insert(new Advice("A", "regel " + (1 + 2)));
        end
        """,
        // comments in a consequence, a text function, an outcome as a pattern
        """
        rule "keten met einde"
        when
            $a : Advice(code.startsWith("A"), text != "")
            not Waiver(code == "X")
        then
            // dit is commentaar; /* en dit ook */
            insert(new Waiver("X")); /* blok
            commentaar */
        end
        """
    })
    void allowedButUnusualConstructsPass(String rules) {
        assertDoesNotThrow(() -> policy.check(RuleSet.of("ok.drl", HEADER + rules)));
    }

    @Test
    void tooManyFilesAreRefused() {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i <= RuleSetPolicy.MAX_FILES; i++) {
            files.put("f" + i + ".drl", HEADER);
        }
        RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class,
                () -> policy.check(new RuleSet(files)));
        assertTrue(e.getMessage().contains("bestanden"), e.getMessage());
    }

    @Test
    void tooLongALineIsRefusedWithItsLine() {
        String rules = HEADER + "// " + "x".repeat(RuleSetPolicy.MAX_LINE_LENGTH) + "\n";
        RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class,
                () -> policy.check(RuleSet.of("lang.drl", rules)));
        assertEquals(List.of(3), e.problems().stream().map(RuleSetCompilationException.Problem::line).toList());
        assertTrue(e.getMessage().contains("lang.drl regel 3") && e.getMessage().contains("te lang"),
                e.getMessage());
    }

    @Test
    void tooLongAConsequenceIsRefused() {
        StringBuilder then = new StringBuilder();
        while (then.length() <= RuleSetPolicy.MAX_CONSEQUENCE_CHARS + 100) {
            then.append("    insert(new Waiver(\"W\"));\n");
        }
        String rules = HEADER + "rule \"lang\"\nwhen\n    ComplaintFacts()\nthen\n" + then + "end\n";
        RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class,
                () -> policy.check(RuleSet.of("lang.drl", rules)));
        assertTrue(e.getMessage().contains("lang.drl regel 7") && e.getMessage().contains("'then'-deel"),
                e.getMessage());
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        String rules = HEADER + "rule \"diep\"\nwhen\n    ComplaintFacts(" + "(".repeat(5000) + "true"
                + ")".repeat(5000) + ")\nthen\nend\n";
        RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class,
                () -> policy.check(RuleSet.of("diep.drl", rules)));
        assertTrue(e.getMessage().contains("diep.drl regel 5") && e.getMessage().contains("genest"),
                e.getMessage());
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsLine() {
        String rules = HEADER + "rule \"kapot\"\nwhen\n    ComplaintFacts(kind == )\nthen\nend\n";
        RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class,
                () -> policy.check(RuleSet.of("kapot.drl", rules)));
        assertTrue(e.problems().stream().anyMatch(p -> p.line() == 5), () -> e.problems().toString());
    }

    @Test
    void noRegularExpressionPassesHoweverItsQuantifiersAreWritten() {
        // Issue 14: "\\052" is '*' once Java reads the string; a check of the pattern's text cannot see it.
        for (String pattern : List.of("\"[A-Z_]+\"", "\"(a\\052)\\052$\"", "\".*.*@\"", "\"(a\\u002a)\"")) {
            String rules = HEADER + "rule \"r\"\nwhen\n    ComplaintFacts(summary matches " + pattern
                    + ")\nthen\n    insert(new Advice(\"A\", \"b\"));\nend\n";
            RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class,
                    () -> policy.check(RuleSet.of("regex.drl", rules)), pattern);
            assertTrue(e.getMessage().contains("'matches' is niet toegestaan") || e.getMessage().contains("\\u"),
                    e::getMessage);
        }
    }

    @Test
    void onlyNewOutcomesMayBeInsertedNotTextsOrDates() {
        for (String inserted : List.of("\"x\"", "$r", "$r.plusDays(1)", "new String(\"x\")", "(new Advice(\"A\", \"b\"))")) {
            String rules = HEADER + "rule \"r\"\nwhen\n    ComplaintFacts($r : receivedOn)\nthen\n    insert("
                    + inserted + ");\nend\n";
            assertThrows(RuleSetRejectedException.class, () -> policy.check(RuleSet.of("insert.drl", rules)),
                    inserted);
        }
    }

    @Test
    void aRuleMayNotJoinOutcomesOrThreeEventPatterns() {
        String two = HEADER + "rule \"r\"\nwhen\n    Advice()\n    Waiver()\nthen\n    insert(new Registration(\"x\"));"
                + "\nend\n";
        RuleSetRejectedException e = assertThrows(RuleSetRejectedException.class,
                () -> policy.check(RuleSet.of("join.drl", two)));
        assertTrue(e.getMessage().contains("2 patronen op uitkomsten"), e::getMessage);
        String three = HEADER + "rule \"r\"\nwhen\n    EventFacts()\n    EventFacts()\n    EventFacts()\nthen\n"
                + "    insert(new Registration(\"x\"));\nend\n";
        RuleSetRejectedException e3 = assertThrows(RuleSetRejectedException.class,
                () -> policy.check(RuleSet.of("join.drl", three)));
        assertTrue(e3.getMessage().contains("combineert te veel"), e3::getMessage);
        String eventAndOutcome = HEADER + "rule \"r\"\nwhen\n    EventFacts()\n    Advice()\nthen\n"
                + "    insert(new Registration(\"x\"));\nend\n";
        assertDoesNotThrow(() -> policy.check(RuleSet.of("ok.drl", eventAndOutcome)));
    }
}
