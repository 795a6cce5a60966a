package nl.klachtenregie.seed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.klachtenregie.regulation.RegulationCatalog;
import io.micronaut.json.JsonMapper;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importeert organisaties: at start-up, loads the tenants and regulation versions from {@code tenants/} and
 * {@code rules/} that the database does not have yet. Afterwards the database is the source of truth: an
 * existing tenant or version is never overwritten from files.
 */
@Singleton
@Requires(property = "klachtenregie.seed.enabled", notEquals = "false")
class SeedImporter {

    private static final Logger LOG = LoggerFactory.getLogger(SeedImporter.class);

    private final TenantDirectory tenants;
    private final RegulationCatalog regulations;
    private final nl.klachtenregie.regulation.RegulationAdministration administration;
    private final TenantFiles files;
    private final Path tenantsDir;

    SeedImporter(TenantDirectory tenants, RegulationCatalog regulations,
                 nl.klachtenregie.regulation.RegulationAdministration administration, JsonMapper json,
                 @Value("${klachtenregie.seed.tenants-dir:tenants}") String tenantsDir,
                 @Value("${klachtenregie.seed.rules-dir:rules}") String rulesDir) {
        this.tenants = tenants;
        this.regulations = regulations;
        this.administration = administration;
        this.tenantsDir = Path.of(tenantsDir);
        this.files = new TenantFiles(Path.of(tenantsDir), Path.of(rulesDir), json);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!Files.isDirectory(tenantsDir)) {
            LOG.warn("No tenants directory at {}: nothing imported", tenantsDir.toAbsolutePath());
            return;
        }
        for (String slug : slugsOnDisk()) {
            importTenant(slug);
        }
    }

    /** Imports one tenant's missing parts; a broken tenant file stops start-up with the file named. */
    void importTenant(String slug) {
        TenantFiles.TenantDefinition definition = files.read(slug);
        Tenant tenant = tenants.find(slug).orElseGet(() -> {
            LOG.info("Importing tenant {}", slug);
            return tenants.create(definition.profile());
        });
        for (StoredVersion version : definition.versions()) {
            if (regulations.find(tenant.id(), version.name()).isEmpty()) {
                LOG.info("Importing regulation {} version {}", slug, version.name());
                // The same check as activation: a version on disk that loops or emits what intake cannot store
                // stops start-up with its problems named, rather than failing every complaint later.
                administration.requireSound(tenant, version);
                regulations.insert(tenant.id(), version);
            }
        }
    }

    private List<String> slugsOnDisk() {
        try (Stream<Path> dirs = Files.list(tenantsDir)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("tenant.yml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
