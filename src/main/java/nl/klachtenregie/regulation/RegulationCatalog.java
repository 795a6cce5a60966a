package nl.klachtenregie.regulation;

import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;

/**
 * Reglementenregister: the stored versions of each tenant's klachtenreglement, drafts and active ones, and which
 * active version is in force on a given day. Only active versions are ever in force; a draft is invisible to cases.
 * An active version is validated before it is stored, so a broken rule set never becomes current. The rows go through
 * {@link RegulationVersionRepository}; the conditional updates and the count of another feature's cases stay SQL.
 */
@Singleton
public class RegulationCatalog {

    private static final Sort OLDEST_FIRST = Sort.of(Sort.Order.asc("effectiveFrom"), Sort.Order.asc("id"));
    private static final Pageable LATEST = Pageable.from(0, 1,
            Sort.of(Sort.Order.desc("effectiveFrom"), Sort.Order.desc("id")));
    private static final Pageable EARLIEST = Pageable.from(0, 1, OLDEST_FIRST);
    /** Drafts after the active versions of the same date ('ACTIVE' sorts before 'DRAFT'). */
    private static final Sort BY_DATE_THEN_STATUS = Sort.of(Sort.Order.asc("effectiveFrom"), Sort.Order.asc("status"),
            Sort.Order.asc("id"));

    private final Db db;
    private final RegulationVersionRepository rows;
    private final JsonMapper json;
    private final RegulationEngine engine;
    // Active versions are immutable, so caching them by row id and content hash never goes stale, also when an
    // activation is withdrawn before its date and the row activated again with other rules (on any instance);
    // drafts are never cached.
    private final Map<String, RegulationVersion> byRowId = new ConcurrentHashMap<>();

    RegulationCatalog(Db db, RegulationVersionRepository rows, JsonMapper json, RegulationEngine engine) {
        this.db = db;
        this.rows = rows;
        this.json = json;
        this.engine = engine;
    }

    /**
     * All active versions of the tenant, oldest first. Which versions exist is read from the database every time (a
     * small query), so a version added by another transaction or instance is seen at once; the rules of a
     * version are cached, which is safe because a stored version never changes.
     */
    @Transactional
    public List<RegulationVersion> versions(TenantId tenant) {
        List<RegulationVersionRow.Header> headers = rows.findByTenantIdAndStatus(tenant.value(), VersionStatus.ACTIVE,
                OLDEST_FIRST);
        return headers.stream().map(h -> byRowId.computeIfAbsent(h.id() + ":" + h.ruleSetHash() + ":"
                + h.effectiveFrom() + ":" + h.title() + ":" + h.source(), key -> rows.readByTenantIdAndId(
                tenant.value(), h.id()).map(r -> new RegulationVersion(h.version(), h.effectiveFrom(), h.title(),
                h.source(), new RuleSet(readRules(r.rulesJson())), r.coverageYaml())).orElseThrow())).toList();
    }

    /**
     * The version of the tenant's main regulation in force that day.
     *
     * @throws NoRegulationInForceException when no version was in force that day
     */
    @Transactional
    public RegulationVersion inForceOn(Tenant tenant, LocalDate day) {
        return inForceOn(tenant, "", day);
    }

    /**
     * The version of one of the tenant's regulations in force that day ({@code regulation} "" is the main one; a
     * service line can follow another).
     *
     * @throws NoRegulationInForceException when no version of that regulation was in force that day
     */
    @Transactional
    public RegulationVersion inForceOn(Tenant tenant, String regulation, LocalDate day) {
        String code = regulation == null ? "" : regulation;
        List<String> names = rows.findVersionByTenantIdAndStatusAndRegulationAndEffectiveFromLessThanEquals(
                tenant.id().value(), VersionStatus.ACTIVE, code, day, LATEST);
        if (names.isEmpty()) {
            throw new NoRegulationInForceException(code.isEmpty() ? tenant.slug() : tenant.slug() + " (" + code + ")",
                    day);
        }
        return version(tenant.id(), names.get(0)).orElseThrow();
    }

    /**
     * The first active version of one of the tenant's regulations: a complaint received before any version took
     * effect follows it (the effective dates of the seed regulations are assumptions; refusing such a complaint would
     * leave it unregistered).
     */
    @Transactional
    public Optional<RegulationVersion> firstActive(Tenant tenant, String regulation) {
        String code = regulation == null ? "" : regulation;
        return rows.findVersionByTenantIdAndStatusAndRegulation(tenant.id().value(), VersionStatus.ACTIVE, code,
                EARLIEST).stream().findFirst().flatMap(v -> version(tenant.id(), v));
    }

    /** The codes of the tenant's regulations that have at least one version, draft or active ("" the main one). */
    @Transactional
    public java.util.Set<String> regulationCodes(TenantId tenant) {
        return new java.util.TreeSet<>(rows.findDistinctRegulationByTenantId(tenant.value()));
    }

    /** The names of the active versions of one regulation ("" the main one): the versions its cases carry. */
    @Transactional
    public List<String> versionNames(TenantId tenant, String regulation) {
        return rows.findVersionByTenantIdAndStatusAndRegulation(tenant.value(), VersionStatus.ACTIVE,
                regulation == null ? "" : regulation, OLDEST_FIRST);
    }

    /** The effective dates of the active versions of one regulation. */
    @Transactional
    public List<LocalDate> activeDates(TenantId tenant, String regulation) {
        return rows.findEffectiveFromByTenantIdAndStatusAndRegulation(tenant.value(), VersionStatus.ACTIVE,
                regulation == null ? "" : regulation, Sort.of(Sort.Order.asc("effectiveFrom")));
    }

    @Transactional
    public Optional<RegulationVersion> version(TenantId tenant, String version) {
        return versions(tenant).stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /**
     * Stores a new active version after checking and compiling it (the seed import's way in).
     *
     * @throws RuleSetCompilationException when its rules are refused or do not compile (nothing is stored)
     */
    @Transactional
    public void add(TenantId tenant, RegulationVersion version) {
        insert(tenant, new StoredVersion(version, "", VersionStatus.ACTIVE, null, null, null, null, 0));
    }

    /**
     * Stores a version as it was exported: status, parameters and who made and activated it are kept. An active
     * one is checked and compiled first, like every version that can come into force.
     *
     * @throws ConflictException when the tenant already has a version of that name
     * @throws RuleSetCompilationException when an active version's rules are refused or do not compile
     */
    @Transactional
    public void insert(TenantId tenant, StoredVersion stored) {
        RegulationVersion version = stored.version();
        if (find(tenant, version.version()).isPresent()) {
            throw new ConflictException("Versie '" + version.version() + "' bestaat al");
        }
        if (stored.status() == VersionStatus.ACTIVE) {
            engine.validate(version.ruleSet());
        }
        try {
            insertRow(tenant, stored);
        } catch (RuntimeException e) {
            if (Db.isDuplicateKey(e)) {
                // Two people creating the same version name at the same moment: the second is told, not shown a 500.
                throw new ConflictException("Versie '" + version.version() + "' bestaat al");
            }
            throw e;
        }
    }

    private void insertRow(TenantId tenant, StoredVersion stored) {
        RegulationVersion version = stored.version();
        rows.save(new RegulationVersionRow(null, tenant.value(), version.version(), version.effectiveFrom(),
                version.title(), version.source(), writeRules(version.ruleSet().sources()),
                version.ruleSet().contentHash(), version.coverageYaml(), stored.status(),
                writeParameters(stored.parameters()), stored.createdBy(), stored.activatedBy(), stored.activatedAt(),
                stored.regulation(), null, null, 0));
    }

    /**
     * Ingelezen geschiedenis: who imported a version from a tenant archive, and when. The version's createdBy,
     * activatedBy and activatedAt are then what the archive says, not what happened in this installation.
     */
    public record Imported(String by, java.time.Instant at) {
    }

    /** Marks every version of the tenant as read in from an archive by {@code by}, now. */
    @Transactional
    public void markImported(TenantId tenant, String by, java.time.Instant at) {
        rows.updateByTenantId(tenant.value(), by, at);
    }

    /** The versions of the tenant that were read in from an archive, by version name. */
    @Transactional
    public Map<String, Imported> imported(TenantId tenant) {
        Map<String, Imported> result = new java.util.HashMap<>();
        rows.findByTenantIdAndImportedAtIsNotNull(tenant.value())
                .forEach(m -> result.put(m.version(), new Imported(m.importedBy(), m.importedAt())));
        return result;
    }

    /** Every version of the tenant, drafts included, by effective date (drafts after active ones of that date). */
    @Transactional
    public List<StoredVersion> all(TenantId tenant) {
        return rows.findByTenantId(tenant.value(), BY_DATE_THEN_STATUS).stream().map(this::stored).toList();
    }

    /** One version of the tenant, draft or active. */
    @Transactional
    public Optional<StoredVersion> find(TenantId tenant, String version) {
        return rows.findByTenantIdAndVersion(tenant.value(), version).map(this::stored);
    }

    /**
     * Replaces a draft's content. The name stays; effective date, title, source, rules and parameters change.
     *
     * @throws ConflictException when the draft was changed since {@code expectedRowVersion}, or is no draft any more
     */
    @Transactional
    public void updateDraft(TenantId tenant, RegulationVersion version, @io.micronaut.core.annotation.Nullable
            RegulationParameters parameters, int expectedRowVersion) {
        // Conditional on status and row version in one statement: SQL (a derived update cannot say "still a draft").
        int updated = db.update("UPDATE regulation_version SET effective_from = ?, title = ?, source = ?, "
                        + "rules_json = ?, rule_set_hash = ?, coverage_yaml = ?, parameters_json = ?, "
                        + "row_version = row_version + 1 "
                        + "WHERE tenant_id = ? AND version = ? AND status = 'DRAFT' AND row_version = ?",
                version.effectiveFrom(), version.title(), version.source(), writeRules(version.ruleSet().sources()),
                version.ruleSet().contentHash(), version.coverageYaml(), writeParameters(parameters),
                tenant.value(), version.version(), expectedRowVersion);
        if (updated != 1) {
            throw new ConflictException("Concept '" + version.version() + "' is intussen gewijzigd of vastgesteld; "
                    + "laad de pagina opnieuw");
        }
    }

    /** Removes a draft; an active version can never be removed. */
    @Transactional
    public boolean deleteDraft(TenantId tenant, String version) {
        return rows.deleteByTenantIdAndVersionAndStatus(tenant.value(), version, VersionStatus.DRAFT) == 1;
    }

    /**
     * Makes a draft active. The caller has checked it; this only flips the status if nobody else did first.
     *
     * @throws ConflictException when it is no draft at that row version any more
     */
    @Transactional
    public void markActive(TenantId tenant, String version, int expectedRowVersion, String by, Instant at) {
        // Flips the status only if it is still this draft at this row version: one conditional statement, SQL.
        int updated = db.update("UPDATE regulation_version SET status = 'ACTIVE', activated_by = ?, activated_at = ?, "
                        + "row_version = row_version + 1 "
                        + "WHERE tenant_id = ? AND version = ? AND status = 'DRAFT' AND row_version = ?",
                by, Timestamp.from(at), tenant.value(), version, expectedRowVersion);
        if (updated != 1) {
            throw new ConflictException("Concept '" + version + "' is intussen gewijzigd of al vastgesteld; "
                    + "laad de pagina opnieuw");
        }
    }

    /**
     * Withdraws an activation before the version took effect: it becomes a draft again. Its cached rules need no
     * eviction: the cache is keyed by the row's content as well (see {@link #versions}).
     *
     * @throws ConflictException when it is no active version at that row version, or its date has come
     */
    @Transactional
    public void markDraft(TenantId tenant, String version, int expectedRowVersion, LocalDate today) {
        // Conditional on status, row version and effective_from still ahead: one statement, SQL.
        int updated = db.update("UPDATE regulation_version SET status = 'DRAFT', activated_by = NULL, "
                        + "activated_at = NULL, row_version = row_version + 1 "
                        + "WHERE tenant_id = ? AND version = ? AND status = 'ACTIVE' AND effective_from > ? "
                        + "AND row_version = ?",
                tenant.value(), version, today, expectedRowVersion);
        if (updated != 1) {
            throw new ConflictException("Versie '" + version + "' is intussen gewijzigd; laad de pagina opnieuw");
        }
    }

    /** How many of the tenant's complaints follow this version (a version that cases follow is never withdrawn). */
    @Transactional
    public int complaintsFollowing(TenantId tenant, String version) {
        // A count over another feature's table: SQL.
        return db.queryOne("SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND regulation_version = ?",
                rs -> rs.getInt(1), tenant.value(), version).orElse(0);
    }

    private StoredVersion stored(RegulationVersionRow r) {
        RegulationVersion v = new RegulationVersion(r.version(), r.effectiveFrom(), r.title(), r.source(),
                new RuleSet(readRules(r.rulesJson())), r.coverageYaml());
        return new StoredVersion(v, r.regulation(), r.status(), readParameters(r.parametersJson()), r.createdBy(),
                r.activatedBy(), r.activatedAt(), r.rowVersion());
    }

    /** Stores a new draft; drafts are not compiled on save, the editor shows their problems instead. */
    @Transactional
    public void addDraft(TenantId tenant, RegulationVersion version, String regulation,
                         @io.micronaut.core.annotation.Nullable RegulationParameters parameters, String by) {
        insert(tenant, new StoredVersion(version, regulation, VersionStatus.DRAFT, parameters, by, null, null, 0));
    }

    private RegulationParameters readParameters(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, RegulationParameters.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored regulation parameters are unreadable", e);
        }
    }

    private String writeParameters(RegulationParameters parameters) {
        if (parameters == null) {
            return null;
        }
        try {
            return json.writeValueAsString(parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
