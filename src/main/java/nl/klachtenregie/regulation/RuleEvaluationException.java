package nl.klachtenregie.regulation;

/**
 * Evaluatie mislukt: a rule set failed on these facts (it looped past the firing bound, ran too long, or a
 * rule threw). The evaluation fails; the server and other tenants do not.
 */
public class RuleEvaluationException extends RuntimeException {
    public RuleEvaluationException(String message) {
        super(message);
    }

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
