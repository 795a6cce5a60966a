package nl.klachtenregie.regulation;

/** Escalatiemogelijkheid: a level of the ladder the case may be escalated to now. */
public record EscalationOption(String level, String basis) implements Emission {
    public EscalationOption {
        Emission.requireText(level, "level");
        basis = basis == null ? "" : basis;
    }

    public EscalationOption(String level) {
        this(level, "");
    }

    @Override
    public EscalationOption withBasis(String basis) {
        return new EscalationOption(level, basis);
    }
}
