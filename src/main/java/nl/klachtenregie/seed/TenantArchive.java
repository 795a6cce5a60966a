package nl.klachtenregie.seed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.letter.LetterTemplateFiles;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.RuleSetCompilationException;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.shared.Text;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Export en import van een organisatie: a tenant with all its regulation versions (drafts too) and its own letter
 * templates, as a zip in the {@code tenants/} + {@code rules/} layout the start-up import reads. So a regulation
 * can be kept in git, and moved to another installation. Users and cases are not part of it: accounts belong to
 * an installation, and complaints never leave it.
 */
@Singleton
public class TenantArchive {

    /** Bounds on what an uploaded archive may unpack to; a real tenant is a few hundred kilobytes. */
    static final int MAX_ENTRIES = 1_000;
    static final long MAX_UNPACKED_BYTES = 16L * 1024 * 1024;
    private static final Pattern SAFE_PATH = Pattern.compile("(tenants|rules)(/[A-Za-z0-9][A-Za-z0-9._-]*)+/?");

    private final TenantDirectory tenants;
    private final RegulationCatalog regulations;
    private final nl.klachtenregie.regulation.RegulationAdministration administration;
    private final LetterTemplateFiles letters;
    private final AuditLog audit;
    private final JsonMapper json;

    TenantArchive(TenantDirectory tenants, RegulationCatalog regulations,
                  nl.klachtenregie.regulation.RegulationAdministration administration, LetterTemplateFiles letters, AuditLog audit,
                  JsonMapper json) {
        this.tenants = tenants;
        this.regulations = regulations;
        this.administration = administration;
        this.letters = letters;
        this.audit = audit;
        this.json = json;
    }

    /** The files of the export, path to text, in a stable order (so two exports of one tenant are equal). */
    @Transactional
    public Map<String, String> files(Tenant tenant) {
        String slug = tenant.slug();
        List<StoredVersion> versions = regulations.all(tenant.id());
        Map<String, String> files = new TreeMap<>();
        files.put("tenants/" + slug + "/tenant.yml", tenantYaml(tenant.profile(), versions));
        letters.export(tenant.id()).forEach((name, text) -> files.put("tenants/" + slug + "/letters/" + name, text));
        Set<String> coverages = versions.stream().map(v -> v.version().coverageYaml()).collect(Collectors.toSet());
        boolean shared = coverages.size() == 1 && !coverages.iterator().next().isEmpty();
        if (shared) {
            files.put("rules/" + slug + "/" + TenantFiles.COVERAGE_FILE, coverages.iterator().next());
        }
        for (StoredVersion v : versions) {
            String dir = "rules/" + slug + "/" + v.name() + "/";
            v.version().ruleSet().sources().forEach((name, drl) -> files.put(dir + name, drl));
            if (v.parameters() != null) {
                files.put(dir + TenantFiles.PARAMETERS_FILE, writeJson(v.parameters()));
            }
            if (!shared && !v.version().coverageYaml().isEmpty()) {
                files.put(dir + TenantFiles.COVERAGE_FILE, v.version().coverageYaml());
            }
        }
        return files;
    }

    /** The export as a zip, downloaded by a person: the log says who took a copy of the configuration, and when. */
    @Transactional
    public byte[] export(Tenant tenant, String by) {
        byte[] zip = export(tenant);
        audit.record(tenant.id(), by, "TENANT_EXPORTED", tenant.slug(), "Export gedownload (" + zip.length + " bytes)");
        return zip;
    }

    /** The export as a zip. */
    public byte[] export(Tenant tenant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : files(tenant).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Imports an export as a new tenant, all or nothing: profile, every version with its status and who made and
     * activated it, and the letter templates. Active versions are checked and compiled like any that comes into
     * force.
     *
     * @param asSlug import under this slug instead of the archive's (to copy a tenant within one installation)
     * @throws InvalidInputException when the archive is not a tenant export or a file in it is invalid
     * @throws ConflictException when the slug is taken
     */
    @Transactional
    public Tenant importArchive(byte[] zip, @Nullable String asSlug, String by) {
        Path dir = unpack(zip);
        try {
            String slug = onlyTenant(dir);
            TenantFiles.TenantDefinition definition;
            try {
                definition = new TenantFiles(dir.resolve("tenants"), dir.resolve("rules"), json).read(slug);
            } catch (RuntimeException e) {
                throw InvalidInputException.of("archive", Text.of("error.archive.notAnExport", Text.plain(
                        e.getMessage() == null ? e.toString() : e.getMessage().replace(dir.toString(), ""))));
            }
            TenantProfile profile = definition.profile();
            if (asSlug != null && !asSlug.isBlank() && !asSlug.equals(slug)) {
                profile = renamed(profile, asSlug.strip());
            }
            if (tenants.find(profile.slug()).isPresent()) {
                throw new ConflictException(Text.of("error.archive.slugTakenChooseAnother", profile.slug()));
            }
            Tenant tenant;
            try {
                tenant = tenants.create(profile);
            } catch (RuntimeException e) {
                // Another import (or onboarding) took the slug between the check above and now.
                if (Db.isDuplicateKey(e) || e instanceof IllegalArgumentException) {
                    throw new ConflictException(Text.of("error.archive.slugTaken", profile.slug()));
                }
                throw e;
            }
            for (StoredVersion v : definition.versions()) {
                try {
                    administration.requireSound(tenant, v);
                    regulations.insert(tenant.id(), v);
                } catch (RuleSetCompilationException e) {
                    throw InvalidInputException.of("archive", Text.of("error.archive.versionUnsound", v.name(),
                            Text.plain(e.getMessage())));
                }
            }
            // The archive's createdBy/activatedBy/activatedAt are its word, not this installation's record: the
            // pages show them as "volgens het archief", beside who read the archive in and when.
            regulations.markImported(tenant.id(), by, java.time.Instant.now());
            letters.importFiles(tenant.id(), definition.letters());
            audit.record(tenant.id(), by, "TENANT_IMPORTED", profile.slug(), "Ingelezen uit een archief van '" + slug
                    + "': " + definition.versions().size() + " reglementversie(s), " + definition.letters().size()
                    + " eigen briefsjabloon/-sjablonen; wie ze maakte en vaststelde staat er volgens het archief");
            return tenant;
        } finally {
            delete(dir);
        }
    }

    private static TenantProfile renamed(TenantProfile p, String slug) {
        try {
            return new TenantProfile(slug, p.name(), p.contact(), p.complaintAddress(), p.holidayCalendar(),
                    p.extraClosedDays(), p.escalationLadder(), p.externalBodies(), p.categories(), p.serviceLines(),
                    p.activationRoles(), p.notifications(), p.publicForm(), p.regime());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("slug", e.getMessage());
        }
    }

    private static String onlyTenant(Path dir) {
        Path tenantsDir = dir.resolve("tenants");
        List<String> slugs = new ArrayList<>();
        if (Files.isDirectory(tenantsDir)) {
            try (Stream<Path> entries = Files.list(tenantsDir)) {
                entries.filter(d -> Files.isRegularFile(d.resolve("tenant.yml")))
                        .forEach(d -> slugs.add(d.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (slugs.size() != 1) {
            throw InvalidInputException.of("archive", slugs.isEmpty()
                    ? Text.of("error.archive.noTenant")
                    : Text.of("error.archive.severalTenants", String.join(", ", slugs)));
        }
        return slugs.get(0);
    }

    /** Unpacks into a temporary folder, refusing paths outside the layout and archives that unpack too large. */
    private static Path unpack(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw InvalidInputException.of("archive", Text.of("error.archive.chooseZip"));
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tenant-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            long total = 0;
            int entries = 0;
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw InvalidInputException.of("archive", Text.of("error.archive.tooManyEntries",
                            String.valueOf(MAX_ENTRIES)));
                }
                String name = entry.getName();
                if (!SAFE_PATH.matcher(name).matches() || name.contains("..")) {
                    throw InvalidInputException.of("archive", Text.of("error.archive.outsideLayout", name));
                }
                Path target = dir.resolve(name).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copyBounded(in, target, MAX_UNPACKED_BYTES - total);
            }
        } catch (IOException e) {
            delete(dir);
            throw InvalidInputException.of("archive", Text.of("error.archive.unreadableZip"));
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
        return dir;
    }

    private static long copyBounded(InputStream in, Path target, long room) throws IOException {
        byte[] buffer = new byte[8192];
        long written = 0;
        try (var out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > room) {
                    throw InvalidInputException.of("archive", Text.of("error.archive.tooLarge",
                            String.valueOf(MAX_UNPACKED_BYTES / (1024 * 1024))));
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the import's outcome does not depend on it.
        }
    }

    private String tenantYaml(TenantProfile p, List<StoredVersion> versions) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("slug", p.slug());
        y.put("name", p.name());
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("address", p.contact().address());
        contact.put("phone", p.contact().phone());
        contact.put("email", p.contact().email());
        contact.put("website", p.contact().website());
        y.put("contact", contact);
        y.put("complaintAddress", p.complaintAddress());
        y.put("holidayCalendar", p.holidayCalendar());
        y.put("extraClosedDays", new LinkedHashMap<>(p.extraClosedDays()));
        y.put("activationRoles", p.activationRoles());
        y.put("escalationLadder", p.escalationLadder().stream().map(l -> {
            Map<String, Object> level = ordered("code", l.code(), "role", l.role());
            if (!l.holder().isEmpty()) {
                level.put("holder", l.holder());
            }
            return level;
        }).toList());
        y.put("externalBodies", p.externalBodies().stream().map(b -> ordered("code", b.code(), "kind", b.kind(),
                "name", b.name(), "address", b.address(), "email", b.email(), "url", b.url(), "term", b.term())).toList());
        y.put("categories", p.categories().stream().map(c -> {
            Map<String, Object> category = ordered("code", c.code(), "name", c.name());
            if (c.catchAll()) {
                category.put("catchAll", true);
            }
            return category;
        }).toList());
        y.put("serviceLines", p.serviceLines().stream().map(s -> {
            Map<String, Object> line = ordered("code", s.code(), "name", s.name(), "note", s.note());
            if (!s.regulation().isEmpty()) {
                line.put("regulation", s.regulation());
            }
            if (!s.regime().isEmpty()) {
                line.put("regime", s.regime());
            }
            return line;
        }).toList());
        if (!p.regime().isEmpty()) {
            y.put("regime", p.regime());
        }
        TenantProfile.Notifications n = p.notifications();
        Map<String, Object> notifications = ordered("intakeEmail", n.intakeEmail(), "managementEmail",
                n.managementEmail());
        notifications.put("levelEmails", new LinkedHashMap<>(n.levelEmails()));
        notifications.put("reminderDaysBefore", n.reminderDaysBefore());
        y.put("notifications", notifications);
        TenantProfile.PublicForm f = p.publicForm();
        Map<String, Object> form = ordered("kind", f.kind());
        form.put("enabled", f.enabled());
        form.put("requiredFields", f.requiredFields());
        form.put("statusLinkDays", f.statusLinkDays());
        if (!f.level().isEmpty()) {
            form.put("level", f.level());
        }
        y.put("publicForm", form);
        y.put("regulations", versions.stream().map(TenantArchive::versionEntry).toList());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setAllowUnicode(true);
        options.setWidth(1000);
        return "# Export van Klachtenregie: lees in via Platformbeheer of zet in tenants/ en rules/.\n"
                + new Yaml(options).dump(y);
    }

    private static Map<String, Object> versionEntry(StoredVersion v) {
        RegulationVersion rv = v.version();
        Map<String, Object> m = ordered("version", rv.version(), "effectiveFrom", rv.effectiveFrom().toString(),
                "title", rv.title(), "source", rv.source(), "status", v.status().name());
        if (!v.regulation().isEmpty()) {
            m.put("regulation", v.regulation());
        }
        if (v.createdBy() != null) {
            m.put("createdBy", v.createdBy());
        }
        if (v.activatedBy() != null) {
            m.put("activatedBy", v.activatedBy());
        }
        if (v.activatedAt() != null) {
            m.put("activatedAt", v.activatedAt().toString());
        }
        return m;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
