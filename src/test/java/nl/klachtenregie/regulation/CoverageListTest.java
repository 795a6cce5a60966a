package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Each seed tenant's coverage list maps every duty of its source document to rules and tests, or says why it
 * is not enforced. This test keeps the list honest: the rules it names exist in every version, the tests it
 * names exist, and no rule goes untraced.
 */
class CoverageListTest {

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> TEST_PACKAGES = List.of("nl.klachtenregie.scenario",
            "nl.klachtenregie.regulation.internal", "nl.klachtenregie.regulation", "nl.klachtenregie.web",
            "nl.klachtenregie.complaint", "nl.klachtenregie.letter", "nl.klachtenregie.report", "nl.klachtenregie",
            "nl.klachtenregie.complaint.web", "nl.klachtenregie.regulation.web", "nl.klachtenregie.publicform.web",
            "nl.klachtenregie.letter.web", "nl.klachtenregie.notification.web", "nl.klachtenregie.profile.web",
            "nl.klachtenregie.improvement.web", "nl.klachtenregie.kpi.web", "nl.klachtenregie.report.web",
            "nl.klachtenregie.audit.web");

    static Stream<String> tenants() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("tenants"))) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theFourSeedOrganisationsAreThere() throws IOException {
        assertTrue(tenants().toList().containsAll(List.of("impuls", "klimkoord", "iederzijnwerk",
                "kwaliteitsprocedure-6-5")));
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void everyItemIsEnforcedAndTestedOrSaysWhyNot(String slug) throws Exception {
        List<Map<String, Object>> items = items(slug);
        assertFalse(items.isEmpty(), slug + " has an empty coverage list");
        Map<String, Set<String>> rulesByVersion = rulesByVersion(slug);
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> item : items) {
            String id = String.valueOf(item.get("id"));
            if (!ids.add(id)) {
                problems.add(id + ": duplicate id");
            }
            if (item.get("quote") == null || item.get("section") == null) {
                problems.add(id + ": quote and section are required");
            }
            Object why = item.get("notEnforced");
            List<String> rules = strings(item.get("rules"));
            List<String> tests = strings(item.get("tests"));
            if (why != null) {
                if (why.toString().isBlank()) {
                    problems.add(id + ": notEnforced needs a reason");
                }
                continue;
            }
            if (rules.isEmpty() || tests.isEmpty()) {
                problems.add(id + ": needs rules and tests, or notEnforced with a reason");
            }
            for (String rule : rules) {
                rulesByVersion.forEach((version, names) -> {
                    if (!names.contains(rule)) {
                        problems.add(id + ": rule not in version " + version + ": " + rule);
                    }
                });
            }
            for (String test : tests) {
                if (!testExists(test)) {
                    problems.add(id + ": test method not found: " + test);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> slug + ":\n  " + String.join("\n  ", problems));
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void everyRuleIsTracedToTheText(String slug) throws Exception {
        Set<String> covered = new HashSet<>();
        for (Map<String, Object> item : items(slug)) {
            covered.addAll(strings(item.get("rules")));
        }
        List<String> untraced = new ArrayList<>();
        rulesByVersion(slug).forEach((version, names) -> names.stream().filter(n -> !covered.contains(n))
                .forEach(n -> untraced.add(version + ": " + n)));
        assertTrue(untraced.isEmpty(), () -> slug + " has rules no coverage item names:\n  "
                + String.join("\n  ", untraced));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(String slug) throws IOException {
        Path file = Path.of("rules", slug, "coverage.yml");
        assertTrue(Files.isRegularFile(file), "missing " + file);
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        return (List<Map<String, Object>>) doc.get("items");
    }

    private static Map<String, Set<String>> rulesByVersion(String slug) throws IOException {
        Map<String, Set<String>> result = new java.util.TreeMap<>();
        try (Stream<Path> versions = Files.list(Path.of("rules", slug))) {
            for (Path dir : versions.filter(Files::isDirectory).toList()) {
                Set<String> names = new HashSet<>();
                try (Stream<Path> drls = Files.list(dir)) {
                    for (Path drl : drls.filter(p -> p.toString().endsWith(".drl")).toList()) {
                        Matcher m = RULE_NAME.matcher(Files.readString(drl));
                        while (m.find()) {
                            names.add(m.group(1).replace("\\\"", "\""));
                        }
                    }
                }
                result.put(dir.getFileName().toString(), names);
            }
        }
        assertFalse(result.isEmpty(), "no rule versions for " + slug);
        return result;
    }

    private static boolean testExists(String reference) {
        String[] parts = reference.split("#");
        if (parts.length != 2) {
            return false;
        }
        for (String pkg : TEST_PACKAGES) {
            try {
                Class<?> type = Class.forName(pkg + "." + parts[0]);
                for (Method m : type.getDeclaredMethods()) {
                    if (m.getName().equals(parts[1]) && (m.isAnnotationPresent(Test.class)
                            || m.isAnnotationPresent(ParameterizedTest.class))) {
                        return true;
                    }
                }
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }

    private static List<String> strings(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(o));
    }
}
