package nl.klachtenregie.letter;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importeert briefsjablonen: at start-up, each {@code tenants/<slug>/letters/<kind>.hbs} whose tenant has no
 * template of that kind in the database yet. Afterwards the database is the source of truth: a stored template is
 * never overwritten from files. A file that is not a valid template stops start-up with the file named, like a
 * broken tenant file does.
 */
@Singleton
@Requires(property = "klachtenregie.seed.enabled", notEquals = "false")
class LetterTemplateImporter {

    private static final Logger LOG = LoggerFactory.getLogger(LetterTemplateImporter.class);

    private final TenantDirectory tenants;
    private final LetterStore store;
    private final LetterRenderer renderer;
    private final Path tenantsDir;

    LetterTemplateImporter(TenantDirectory tenants, LetterStore store, LetterRenderer renderer,
                           @Value("${klachtenregie.seed.tenants-dir:tenants}") String tenantsDir) {
        this.tenants = tenants;
        this.store = store;
        this.renderer = renderer;
        this.tenantsDir = Path.of(tenantsDir);
    }

    // After the seed import (order 0), which creates the tenants the templates belong to.
    @EventListener
    @Order(50)
    void onStartup(StartupEvent event) {
        if (!Files.isDirectory(tenantsDir)) {
            return;
        }
        for (Path dir : list(tenantsDir)) {
            Path letters = dir.resolve("letters");
            if (!Files.isDirectory(letters)) {
                continue;
            }
            String slug = dir.getFileName().toString();
            Optional<Tenant> tenant = tenants.find(slug);
            if (tenant.isEmpty()) {
                LOG.warn("Letter templates in {} belong to no tenant: not imported", letters);
                continue;
            }
            for (Path file : list(letters)) {
                if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".hbs")) {
                    importFile(tenant.get(), file);
                }
            }
        }
    }

    private void importFile(Tenant tenant, Path file) {
        String name = file.getFileName().toString();
        LetterKind kind = LetterKind.ofTemplateFile(name);
        if (kind == null) {
            throw new IllegalStateException("Cannot import " + file + ": not a letter kind; expected one of "
                    + Stream.of(LetterKind.values()).map(LetterKind::templateFile).toList());
        }
        LetterTemplate template;
        try {
            template = LetterTemplate.parse(Files.readString(file));
            renderer.check(template);
        } catch (IllegalArgumentException | LetterTemplateException e) {
            throw new IllegalStateException("Cannot import " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (store.addTemplateIfAbsent(tenant.id(), kind, template)) {
            LOG.info("Imported letter template {} of {}", kind, tenant.slug());
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
