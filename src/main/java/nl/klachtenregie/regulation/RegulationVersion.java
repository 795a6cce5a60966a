package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reglementversie: one version of a tenant's klachtenreglement, in force from {@code effectiveFrom} until the
 * next version's date. A stored version is never edited; a change is a new version.
 */
public record RegulationVersion(String version, LocalDate effectiveFrom, String title, String source,
                                RuleSet ruleSet, String coverageYaml) {
    /** A path segment in an export and in the page's address: no "..", and not a word the pages use themselves. */
    public static final Pattern VERSION = Pattern.compile("(?!.*\\.\\.)(?!(nieuw|verschil)$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public RegulationVersion {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Ongeldige versie '" + version + "'");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Versie " + version + ": titel ontbreekt");
        }
        source = source == null ? "" : source;
        Objects.requireNonNull(ruleSet, "ruleSet");
        coverageYaml = coverageYaml == null ? "" : coverageYaml;
    }
}
