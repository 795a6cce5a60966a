package nl.klachtenregie.regulation;

/** Vervallen verplichting: an open obligation that no longer applies (e.g. no decision after withdrawal). */
public record Waiver(String code, String basis) implements Emission {
    public Waiver {
        Emission.requireText(code, "code");
        basis = basis == null ? "" : basis;
    }

    public Waiver(String code) {
        this(code, "");
    }

    @Override
    public Waiver withBasis(String basis) {
        return new Waiver(code, basis);
    }
}
