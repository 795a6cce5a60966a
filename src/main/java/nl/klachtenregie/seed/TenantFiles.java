package nl.klachtenregie.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.micronaut.json.JsonMapper;
import java.time.Instant;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.regulation.VersionStatus;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.tenant.TenantProfile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The import format: {@code tenants/<slug>/tenant.yml} and {@code rules/<slug>/<version>/*.drl} plus
 * {@code rules/<slug>/coverage.yml}. Errors name the file and the field.
 */
final class TenantFiles {

    /** A tenant as the files describe it; {@code letters}: template file name to file text. */
    record TenantDefinition(TenantProfile profile, List<StoredVersion> versions, Map<String, String> letters) {
    }

    static final String PARAMETERS_FILE = "parameters.json";
    static final String COVERAGE_FILE = "coverage.yml";

    private final Path tenantsDir;
    private final Path rulesDir;
    private final JsonMapper json;

    TenantFiles(Path tenantsDir, Path rulesDir, JsonMapper json) {
        this.tenantsDir = tenantsDir;
        this.rulesDir = rulesDir;
        this.json = json;
    }

    TenantDefinition read(String slug) {
        Path file = tenantsDir.resolve(slug).resolve("tenant.yml");
        try {
            Map<String, Object> y = map(load(file), "tenant.yml");
            if (!slug.equals(y.get("slug"))) {
                throw new IllegalArgumentException("slug '" + y.get("slug") + "' differs from the folder name");
            }
            TenantProfile profile = new TenantProfile(
                    slug,
                    str(y.get("name")),
                    contact(y.get("contact")),
                    str(y.get("complaintAddress")),
                    str(y.get("holidayCalendar")),
                    closedDays(y.get("extraClosedDays")),
                    list(y.get("escalationLadder")).stream().map(o -> map(o, "escalationLadder"))
                            .map(m -> new TenantProfile.EscalationLevel(str(m.get("code")), str(m.get("role")),
                                    str(m.get("holder"))))
                            .toList(),
                    list(y.get("externalBodies")).stream().map(o -> map(o, "externalBodies"))
                            .map(m -> new TenantProfile.ExternalBody(str(m.get("code")), str(m.get("kind")),
                                    str(m.get("name")), str(m.get("address")), str(m.get("email")),
                                    str(m.get("url")), str(m.get("term"))))
                            .toList(),
                    list(y.get("categories")).stream().map(o -> map(o, "categories"))
                            .map(m -> new TenantProfile.Category(str(m.get("code")), str(m.get("name")),
                                    Boolean.TRUE.equals(m.get("catchAll"))))
                            .toList(),
                    list(y.get("serviceLines")).stream().map(o -> map(o, "serviceLines"))
                            .map(m -> new TenantProfile.ServiceLine(str(m.get("code")), str(m.get("name")),
                                    str(m.get("note")), str(m.get("regulation")), str(m.get("regime"))))
                            .toList(),
                    list(y.get("activationRoles")).stream().map(TenantFiles::str).toList(),
                    notifications(y.get("notifications")),
                    publicForm(y.get("publicForm")),
                    str(y.get("regime")));
            Path coverage = rulesDir.resolve(slug).resolve(COVERAGE_FILE);
            String coverageYaml = Files.isRegularFile(coverage) ? readString(coverage) : "";
            List<StoredVersion> versions = new ArrayList<>();
            for (Object o : list(y.get("regulations"))) {
                Map<String, Object> v = map(o, "regulations");
                String version = str(v.get("version"));
                // Checked before it becomes part of a path: an archive must not make us read outside its folder.
                if (version == null || !RegulationVersion.VERSION.matcher(version).matches()) {
                    throw new IllegalArgumentException("ongeldige versienaam '" + version + "'");
                }
                Path dir = rulesDir.resolve(slug).resolve(version);
                // A version with coverage of its own (an export of versions that differ) overrides the tenant's.
                Path ownCoverage = dir.resolve(COVERAGE_FILE);
                Path parameters = dir.resolve(PARAMETERS_FILE);
                RegulationVersion rv = new RegulationVersion(version, date(v.get("effectiveFrom")),
                        str(v.get("title")), str(v.get("source")), ruleSet(slug, version),
                        Files.isRegularFile(ownCoverage) ? readString(ownCoverage) : coverageYaml);
                String status = v.get("status") == null ? "ACTIVE" : str(v.get("status"));
                versions.add(new StoredVersion(rv, str(v.get("regulation")), VersionStatus.valueOf(status),
                        Files.isRegularFile(parameters) ? parameters(parameters) : null,
                        str(v.get("createdBy")), str(v.get("activatedBy")),
                        v.get("activatedAt") == null ? null : Instant.parse(str(v.get("activatedAt"))), 0));
            }
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("no regulations listed");
            }
            return new TenantDefinition(profile, versions, letters(slug));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot import " + file + ": " + e.getMessage(), e);
        }
    }

    private RegulationParameters parameters(Path file) {
        try {
            return json.readValue(Files.readString(file), RegulationParameters.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file.getFileName() + " is geen geldige parameterset: "
                    + e.getMessage(), e);
        }
    }

    private Map<String, String> letters(String slug) {
        Path dir = tenantsDir.resolve(slug).resolve("letters");
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".hbs")).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private RuleSet ruleSet(String slug, String version) {
        Path dir = rulesDir.resolve(slug).resolve(version);
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, String> sources = new TreeMap<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".drl")).toList()) {
                sources.put(p.getFileName().toString(), Files.readString(p));
            }
            return new RuleSet(sources);
        } catch (IOException e) {
            throw new UncheckedIOException("rules of version " + version + " not readable at " + dir, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object load(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TenantProfile.Contact contact(Object o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = map(o, "contact");
        return new TenantProfile.Contact(str(m.get("address")), str(m.get("phone")), str(m.get("email")),
                str(m.get("website")));
    }

    private static TenantProfile.Notifications notifications(Object o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = map(o, "notifications");
        Map<String, String> levels = new LinkedHashMap<>();
        if (m.get("levelEmails") != null) {
            map(m.get("levelEmails"), "levelEmails").forEach((k, v) -> levels.put(k, str(v)));
        }
        return new TenantProfile.Notifications(str(m.get("intakeEmail")), str(m.get("managementEmail")), levels,
                m.containsKey("reminderDaysBefore") ? list(m.get("reminderDaysBefore")).stream()
                        .map(v -> Integer.valueOf(str(v))).toList() : TenantProfile.Notifications.DEFAULT.reminderDaysBefore());
    }

    private static TenantProfile.PublicForm publicForm(Object o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = map(o, "publicForm");
        TenantProfile.PublicForm d = TenantProfile.PublicForm.DEFAULT;
        return new TenantProfile.PublicForm(m.get("enabled") == null ? d.enabled() : Boolean.parseBoolean(str(m.get("enabled"))),
                str(m.get("kind")),
                m.containsKey("requiredFields") ? list(m.get("requiredFields")).stream().map(TenantFiles::str).toList()
                        : d.requiredFields(),
                m.get("statusLinkDays") == null ? d.statusLinkDays() : Integer.parseInt(str(m.get("statusLinkDays"))),
                m.get("level") == null ? "" : str(m.get("level")));
    }

    private static Map<String, String> closedDays(Object o) {
        Map<String, String> days = new LinkedHashMap<>();
        if (o != null) {
            map(o, "extraClosedDays").forEach((k, v) -> days.put(date(k).toString(), str(v)));
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new IllegalArgumentException(what + " must be a mapping");
    }

    private static List<?> list(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("expected a list, got " + o);
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    // SnakeYAML turns unquoted dates into java.util.Date at UTC midnight.
    private static LocalDate date(Object o) {
        if (o instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (o == null) {
            throw new IllegalArgumentException("date missing");
        }
        return LocalDate.parse(o.toString());
    }
}
