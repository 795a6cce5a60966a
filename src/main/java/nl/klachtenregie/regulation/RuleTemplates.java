package nl.klachtenregie.regulation;

/**
 * Regelsjablonen: writes a klachtenreglement given as {@link RegulationParameters} as a rule set, from vetted
 * templates only. The result is one file {@code regulation.drl} in the same plain style and outcome vocabulary
 * as a hand-written rule set: patterns on the fact types and {@code insert(new <Outcome>(...))} with literals and
 * bound variables. Each rule is named "&lt;name&gt;, &lt;quote&gt; (...)", so its basis traces back to the
 * regulation's words.
 */
public interface RuleTemplates {

    /** The file name of the generated rules. */
    String FILE_NAME = "regulation.drl";
    /**
     * Eigen regels: the file of hand-written rules a version written with the form may carry next to the generated
     * one, for what the form cannot say. Saving the form keeps it; the rule set is both files, checked together.
     */
    String HAND_FILE = "eigen-regels.drl";

    /** Writes the rules; the parameters are valid by construction, so this does not fail on user input. */
    RuleSet write(RegulationParameters parameters);
}
