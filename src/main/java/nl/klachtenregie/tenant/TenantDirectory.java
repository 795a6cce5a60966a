package nl.klachtenregie.tenant;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import nl.klachtenregie.shared.Db;

/**
 * Organisatieregister: resolves a tenant by slug and stores new ones. An unknown slug is an error
 * ({@link UnknownTenantException}), never a fallback.
 */
@Singleton
public class TenantDirectory {

    private final Db db;
    private final TenantRepository rows;
    private final JsonMapper json;
    /** A cached tenant with the row version it was read at. */
    private record Cached(Tenant tenant, int rowVersion) {
    }

    // Tenants are read on every request and change rarely. The cache is per instance, so each read asks the
    // database for the row version (one indexed lookup) and parses the profile again only when it changed: a
    // profile saved on another instance is seen at the next request.
    private final ConcurrentMap<String, Cached> bySlug = new ConcurrentHashMap<>();

    TenantDirectory(Db db, TenantRepository rows, JsonMapper json) {
        this.db = db;
        this.rows = rows;
        this.json = json;
    }

    /** @throws UnknownTenantException when no tenant has this slug */
    public Tenant resolve(String slug) {
        return find(slug).orElseThrow(() -> new UnknownTenantException(slug));
    }

    @Transactional
    public Optional<Tenant> find(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        Optional<Integer> current = rows.findRowVersionBySlug(slug);
        if (current.isEmpty()) {
            bySlug.remove(slug);
            return Optional.empty();
        }
        Cached cached = bySlug.get(slug);
        if (cached != null && cached.rowVersion() == current.get()) {
            return Optional.of(cached.tenant());
        }
        Optional<Cached> loaded = rows.findBySlug(slug)
                .map(r -> new Cached(new Tenant(new TenantId(r.id()), read(r.profileJson())), r.rowVersion()));
        loaded.ifPresent(c -> bySlug.put(slug, c));
        return loaded.map(Cached::tenant);
    }

    /** Increases with every saved profile: an editor's form carries it, so two editors cannot overwrite each other. */
    @Transactional
    public int rowVersion(TenantId id) {
        return rows.findRowVersionById(id.value()).orElseThrow(() -> new UnknownTenantException("#" + id.value()));
    }

    /** The tenant with this id, from the same cache as {@link #find}. */
    @Transactional
    public Optional<Tenant> byId(TenantId id) {
        return slugOf(id).flatMap(this::find);
    }

    @Transactional
    public Optional<String> slugOf(TenantId id) {
        return rows.findSlugById(id.value());
    }

    @Transactional
    public List<String> slugs() {
        return rows.findSlugOrderBySlug();
    }

    /**
     * Holds the tenant's row lock until the current transaction ends, so that work which looks across the
     * tenant's cases (e.g. "an earlier complaint about the same person") is not raced by a simultaneous intake.
     * Call it inside a transaction.
     */
    public void lock(TenantId tenant) {
        // A row lock stays SQL: a repository ForUpdate finder would also read the whole profile.
        db.queryOne("SELECT id FROM tenant WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), tenant.value())
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.value() + " vanished"));
    }

    /** Stores a new tenant; the slug must be free. */
    @Transactional
    public Tenant create(TenantProfile profile) {
        if (find(profile.slug()).isPresent()) {
            throw new IllegalArgumentException("Er bestaat al een organisatie met slug '" + profile.slug() + "'");
        }
        long id = rows.save(new TenantRow(null, profile.slug(), profile.name(), write(profile), 0)).id();
        bySlug.remove(profile.slug());
        return new Tenant(new TenantId(id), profile);
    }

    /**
     * Replaces the tenant's profile. The slug is the tenant's address and never changes.
     *
     * @return the tenant as it is now
     * @throws UnknownTenantException when no tenant has this id
     * @throws IllegalArgumentException when the profile has another slug than the stored one
     */
    @Transactional
    public Tenant update(TenantId id, TenantProfile profile) {
        String slug = slugOf(id).orElseThrow(() -> new UnknownTenantException("#" + id.value()));
        if (!slug.equals(profile.slug())) {
            throw new IllegalArgumentException("De code (slug) van een organisatie verandert niet: '" + slug + "'");
        }
        // Stays SQL: an unconditional bump of the row version in the statement itself.
        db.update("UPDATE tenant SET name = ?, profile_json = ?, row_version = row_version + 1 WHERE id = ?",
                profile.name(), write(profile), id.value());
        // Emptied, not refilled: should the transaction roll back, the next read loads the stored profile again.
        bySlug.remove(slug);
        return new Tenant(id, profile);
    }

    private TenantProfile read(String text) {
        try {
            return json.readValue(text, TenantProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored tenant profile is unreadable", e);
        }
    }

    private String write(TenantProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
