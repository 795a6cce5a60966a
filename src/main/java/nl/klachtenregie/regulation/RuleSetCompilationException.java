package nl.klachtenregie.regulation;

import java.util.List;
import java.util.stream.Collectors;

/** Regelset ongeldig: the rule set does not compile; each problem names its file and line. */
public class RuleSetCompilationException extends RuntimeException {

    /** One compile problem. {@code line} is 0 when the compiler gave none. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public RuleSetCompilationException(List<Problem> problems) {
        super("De regelset bevat fouten: " + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** For subclasses that word the summary themselves. */
    protected RuleSetCompilationException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
