package nl.klachtenregie.regulation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Versie van een klachtenreglement as stored: one row of {@code regulation_version}. The column {@code created_at} is
 * left to the database. Hidden behind {@link RegulationCatalog}, which reads and writes the JSON columns.
 *
 * @param regulation the code of the regulation; "" for the tenant's main regulation
 * @param rowVersion raised by the catalog's conditional updates (SQL), which also check it
 */
@MappedEntity("regulation_version")
record RegulationVersionRow(@Id @GeneratedValue @Nullable Long id,
                            long tenantId,
                            String version,
                            LocalDate effectiveFrom,
                            String title,
                            String source,
                            String rulesJson,
                            String ruleSetHash,
                            @Nullable String coverageYaml,
                            VersionStatus status,
                            @Nullable String parametersJson,
                            @Nullable String createdBy,
                            @Nullable String activatedBy,
                            @Nullable Instant activatedAt,
                            String regulation,
                            @Nullable String importedBy,
                            @Nullable Instant importedAt,
                            int rowVersion) {

    /** What identifies an active version's content, without its rules: the catalog's cache key. */
    @Introspected
    record Header(long id, String version, LocalDate effectiveFrom, String title, String source,
                  String ruleSetHash) {
    }

    /** The rules of one version, read when the cache lacks them. */
    @Introspected
    record Rules(String rulesJson, @Nullable String coverageYaml) {
    }

    /** Who read a version in from an archive, and when. */
    @Introspected
    record ImportMark(String version, String importedBy, Instant importedAt) {
    }
}
