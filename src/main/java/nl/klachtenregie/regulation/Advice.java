package nl.klachtenregie.regulation;

/** Aandachtspunt: something the handler must know or tell, that is not a dated obligation. */
public record Advice(String code, String text, String basis) implements Emission {
    public Advice {
        Emission.requireText(code, "code");
        Emission.requireText(text, "text");
        basis = basis == null ? "" : basis;
    }

    public Advice(String code, String text) {
        this(code, text, "");
    }

    @Override
    public Advice withBasis(String basis) {
        return new Advice(code, text, basis);
    }
}
