package nl.klachtenregie.regulation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Regelset geweigerd: the rule set uses something tenant-written rules may not (Java outside the allowlist, a
 * declaration, a size limit), so it is refused before anything of it is compiled. Each problem's message is a
 * complete Dutch sentence naming the file, the line and the construct.
 */
public class RuleSetRejectedException extends RuleSetCompilationException {

    public RuleSetRejectedException(List<Problem> problems) {
        super("De regelset is geweigerd: " + problems.stream().map(Problem::message)
                .collect(Collectors.joining("; ")), problems);
    }
}
