package nl.klachtenregie.regulation;

/**
 * Externe instantie: an external body (by profile code) to name to the complainant, and referable to.
 *
 * @param endsOwnDuty whether a referral to it ends the organisation's own handling (a klachtencommissie that takes the
 *     complaint over) or not (a cliëntvertrouwenspersoon who supports the complainant while the organisation's duties
 *     run on)
 */
public record ExternalBodyReference(String body, boolean endsOwnDuty, String basis) implements Emission {
    public ExternalBodyReference {
        Emission.requireText(body, "body");
        basis = basis == null ? "" : basis;
    }

    public ExternalBodyReference(String body) {
        this(body, true, "");
    }

    public ExternalBodyReference(String body, boolean endsOwnDuty) {
        this(body, endsOwnDuty, "");
    }

    @Override
    public ExternalBodyReference withBasis(String basis) {
        return new ExternalBodyReference(body, endsOwnDuty, basis);
    }
}
