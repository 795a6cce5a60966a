package nl.klachtenregie.regulation;

/** Registratieplicht: the complaint must be registered, for this reason. */
public record Registration(String reason, String basis) implements Emission {
    public Registration {
        Emission.requireText(reason, "reason");
        basis = basis == null ? "" : basis;
    }

    public Registration(String reason) {
        this(reason, "");
    }

    @Override
    public Registration withBasis(String basis) {
        return new Registration(reason, basis);
    }
}
