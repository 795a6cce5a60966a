package nl.klachtenregie.regulation;

import io.micronaut.json.JsonMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;

/**
 * Reglementenregister: the stored versions of each tenant's klachtenreglement and which one is in force on a
 * given day. A version is validated (compiled) before it is stored, so a broken rule set never becomes current.
 */
@Singleton
public class RegulationCatalog {

    private final Db db;
    private final JsonMapper json;
    private final RegulationEngine engine;
    // Stored versions are immutable, so caching them by row id never goes stale.
    private final Map<Long, RegulationVersion> byRowId = new ConcurrentHashMap<>();

    RegulationCatalog(Db db, JsonMapper json, RegulationEngine engine) {
        this.db = db;
        this.json = json;
        this.engine = engine;
    }

    /**
     * All versions of the tenant, oldest first. Which versions exist is read from the database every time (a
     * small query), so a version added by another transaction or instance is seen at once; the rules of a
     * version are cached, which is safe because a stored version never changes.
     */
    @Transactional
    public List<RegulationVersion> versions(TenantId tenant) {
        record Header(long id, String version, LocalDate effectiveFrom, String title, String source) {
        }
        List<Header> headers = db.query("SELECT id, version, effective_from, title, source FROM regulation_version "
                        + "WHERE tenant_id = ? ORDER BY effective_from, id",
                rs -> new Header(rs.getLong("id"), rs.getString("version"), Db.date(rs, "effective_from"),
                        rs.getString("title"), rs.getString("source")),
                tenant.value());
        return headers.stream().map(h -> byRowId.computeIfAbsent(h.id(), id -> db.queryOne(
                "SELECT rules_json, coverage_yaml FROM regulation_version WHERE tenant_id = ? AND id = ?",
                rs -> new RegulationVersion(h.version(), h.effectiveFrom(), h.title(), h.source(),
                        new RuleSet(readRules(rs.getString("rules_json"))), rs.getString("coverage_yaml")),
                tenant.value(), id).orElseThrow())).toList();
    }

    /** @throws NoRegulationInForceException when no version was in force that day */
    @Transactional
    public RegulationVersion inForceOn(Tenant tenant, LocalDate day) {
        return versions(tenant.id()).stream()
                .filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(RegulationVersion::effectiveFrom))
                .orElseThrow(() -> new NoRegulationInForceException(tenant.slug(), day));
    }

    @Transactional
    public Optional<RegulationVersion> version(TenantId tenant, String version) {
        return versions(tenant).stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /**
     * Stores a new version after compiling it.
     *
     * @throws RuleSetCompilationException when its rules do not compile (nothing is stored)
     */
    @Transactional
    public void add(TenantId tenant, RegulationVersion version) {
        if (version(tenant, version.version()).isPresent()) {
            throw new IllegalArgumentException("Versie '" + version.version() + "' bestaat al");
        }
        engine.validate(version.ruleSet());
        db.insert("INSERT INTO regulation_version (tenant_id, version, effective_from, title, source, rules_json, "
                        + "rule_set_hash, coverage_yaml) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), version.version(), version.effectiveFrom(), version.title(), version.source(),
                writeRules(version.ruleSet().sources()), version.ruleSet().contentHash(), version.coverageYaml());
    }

    private Map<String, String> readRules(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored rule set is unreadable", e);
        }
    }

    private String writeRules(Map<String, String> sources) {
        try {
            return json.writeValueAsString(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
