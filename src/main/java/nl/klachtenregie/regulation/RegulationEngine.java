package nl.klachtenregie.regulation;

/**
 * Regelmotor: evaluates a tenant's klachtenreglement (its rule set) against immutable facts and returns an
 * immutable outcome. It never reads or writes anything else: the caller gathers the facts and applies the
 * outcome. Implementations must be thread-safe.
 */
public interface RegulationEngine {

    /**
     * @throws RuleSetCompilationException when the rule set does not compile
     * @throws RuleEvaluationException when the rule set loops or fails on these facts
     */
    RegulationOutcome evaluate(RuleSet ruleSet, EvaluationFacts facts);

    /** Compiles (or finds in the cache) without evaluating; for import and validation. */
    void validate(RuleSet ruleSet);

    /** How many distinct compiled rule sets are held now. */
    int cachedRuleBases();
}
