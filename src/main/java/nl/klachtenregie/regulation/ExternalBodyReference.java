package nl.klachtenregie.regulation;

/** Externe instantie: an external body (by profile code) to name to the complainant, and referable to. */
public record ExternalBodyReference(String body, String basis) implements Emission {
    public ExternalBodyReference {
        Emission.requireText(body, "body");
        basis = basis == null ? "" : basis;
    }

    public ExternalBodyReference(String body) {
        this(body, "");
    }

    @Override
    public ExternalBodyReference withBasis(String basis) {
        return new ExternalBodyReference(body, basis);
    }
}
