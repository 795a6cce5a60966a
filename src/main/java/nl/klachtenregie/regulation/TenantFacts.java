package nl.klachtenregie.regulation;

import java.util.List;
import java.util.Objects;

/**
 * Organisatieprofiel (momentopname): what the rules may know of the tenant.
 *
 * @param escalationLevels the ladder, lowest rung first
 * @param externalBodies codes of the external bodies in the profile
 */
public record TenantFacts(String slug, String regulationVersion, List<String> escalationLevels,
                          List<String> externalBodies) {
    public TenantFacts {
        Objects.requireNonNull(slug, "slug");
        regulationVersion = regulationVersion == null ? "" : regulationVersion;
        escalationLevels = List.copyOf(escalationLevels);
        externalBodies = List.copyOf(externalBodies);
    }

    public boolean hasLevel(String level) {
        return escalationLevels.contains(level);
    }

    public boolean hasExternalBody(String body) {
        return externalBodies.contains(body);
    }
}
