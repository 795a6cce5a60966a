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

    /**
     * The rung {@code steps} above {@code level} on the ladder, or "" when there is none (at or near the top, or a level
     * not on the ladder): lets a rule offer every higher rung ("de klager mag een niveau overslaan") without a loop.
     */
    public String levelAbove(String level, int steps) {
        int i = escalationLevels.indexOf(level);
        return i >= 0 && steps > 0 && i + steps < escalationLevels.size() ? escalationLevels.get(i + steps) : "";
    }

    public boolean hasExternalBody(String body) {
        return externalBodies.contains(body);
    }
}
