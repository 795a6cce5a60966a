package nl.klachtenregie.regulation;

/** Indienadres: to whom and where the regulation says a (formal) complaint is submitted. */
public record Addressee(String text, String basis) implements Emission {
    public Addressee {
        Emission.requireText(text, "text");
        basis = basis == null ? "" : basis;
    }

    public Addressee(String text) {
        this(text, "");
    }

    @Override
    public Addressee withBasis(String basis) {
        return new Addressee(text, basis);
    }
}
