package nl.klachtenregie.regulation;

/** Niet-ontvankelijk: the regulation does not take this complaint into treatment, for this reason. */
public record Inadmissible(String reason, String basis) implements Emission {
    public Inadmissible {
        Emission.requireText(reason, "reason");
        basis = basis == null ? "" : basis;
    }

    public Inadmissible(String reason) {
        this(reason, "");
    }

    @Override
    public Inadmissible withBasis(String basis) {
        return new Inadmissible(reason, basis);
    }
}
