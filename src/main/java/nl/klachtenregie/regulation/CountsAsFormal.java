package nl.klachtenregie.regulation;

/**
 * Telt als formele klacht: an informal complaint that the regulation counts as a formal one (Klimkoord: one taken to
 * or referred to Klachtenportaal Zorg), for the KPIs that count formal complaints.
 */
public record CountsAsFormal(String reason, String basis) implements Emission {
    public CountsAsFormal {
        Emission.requireText(reason, "reason");
        basis = basis == null ? "" : basis;
    }

    public CountsAsFormal(String reason) {
        this(reason, "");
    }

    @Override
    public CountsAsFormal withBasis(String basis) {
        return new CountsAsFormal(reason, basis);
    }
}
