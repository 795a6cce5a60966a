package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of two versions, line by line, and its bound on what a draft full of text may cost. */
class VersionDiffTest {

    @Test
    void changedLinesAreMarkedBetweenTheSameOnes() {
        List<VersionDiff.Line> lines = VersionDiff.lines(List.of("rule \"a\"", "when", "    X(5)", "end"),
                List.of("rule \"a\"", "when", "    X(4)", "end"));
        assertEquals(List.of(new VersionDiff.Line(" ", "rule \"a\""), new VersionDiff.Line(" ", "when"),
                new VersionDiff.Line("-", "    X(5)"), new VersionDiff.Line("+", "    X(4)"),
                new VersionDiff.Line(" ", "end")), lines);
    }

    @Test
    void aHugeBlockIsShownAsReplacedWithoutATableOfEveryPair() {
        List<String> before = new ArrayList<>(Collections.nCopies(100_000, "// regel"));
        List<String> after = new ArrayList<>(before);
        after.set(50_000, "// anders");
        // The quadratic table would need 10^10 cells (40 GB): reaching the assertions at all is the point.
        List<VersionDiff.Line> lines = VersionDiff.lines(before, after);
        assertEquals(200_000, lines.size());
        assertTrue(lines.stream().limit(100_000).allMatch(l -> l.op().equals("-")));
        assertTrue(lines.stream().skip(100_000).anyMatch(l -> l.text().equals("// anders")));
    }
}
