package nl.klachtenregie.regulation;

/**
 * Weigering: the regulation forbids the proposed action ({@code CREATE} or an event type); the reason is shown
 * to the user as is.
 */
public record Refusal(String action, String reason, String basis) implements Emission {
    public Refusal {
        Emission.requireText(action, "action");
        Emission.requireText(reason, "reason");
        basis = basis == null ? "" : basis;
    }

    public Refusal(String action, String reason) {
        this(action, reason, "");
    }

    @Override
    public Refusal withBasis(String basis) {
        return new Refusal(action, reason, basis);
    }
}
