package nl.klachtenregie.regulation;

/**
 * Doorlopen van eigen termijnen: whether the regulation's own terms in days, weeks or months that end on a Saturday,
 * Sunday or statutory day run on to the next working day, as the Algemene termijnenwet (art. 1) prescribes for
 * statutory terms. Without such an outcome they do (the default); a statutory term always does.
 */
public record RollOverPolicy(boolean ownTerms, String basis) implements Emission {
    public RollOverPolicy {
        basis = basis == null ? "" : basis;
    }

    public RollOverPolicy(boolean ownTerms) {
        this(ownTerms, "");
    }

    @Override
    public RollOverPolicy withBasis(String basis) {
        return new RollOverPolicy(ownTerms, basis);
    }
}
