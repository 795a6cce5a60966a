package nl.klachtenregie.regulation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verschil tussen versies: what changed from one version to another, in the terms an administrator and an auditor
 * read: the version's own data, the form's parameters (when both were written with it) and the rules, rule by
 * rule (by name, which quotes the regulation) with the changed lines.
 */
public record VersionDiff(String from, String to, List<Change> header, List<Change> parameters,
                          List<RuleChange> rules) {

    /** One changed value; "" where the value is absent on one side. */
    public record Change(String field, String before, String after) {
    }

    /** ADDED, REMOVED or CHANGED rule (or text outside rules), with its lines for the change. */
    public record RuleChange(String file, String rule, String kind, List<Line> lines) {
    }

    /** One line of a changed rule: {@code op} is " " (same), "-" (only before) or "+" (only after). */
    public record Line(String op, String text) {
    }

    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    /** Cells of the line-diff table at most (4 MB of ints); real rules are tens of lines. */
    static final long MAX_TABLE = 1_000_000;
    /** The name under which the text outside the rules (package, imports, comments) is compared. */
    public static final String OUTSIDE_RULES = "(tekst buiten de regels: package, imports, commentaar)";

    public VersionDiff {
        header = List.copyOf(header);
        parameters = List.copyOf(parameters);
        rules = List.copyOf(rules);
    }

    public boolean identical() {
        return header.isEmpty() && parameters.isEmpty() && rules.isEmpty();
    }

    /** A short account for the audit log. */
    public String summary() {
        if (identical()) {
            return "Geen inhoudelijke wijziging";
        }
        List<String> parts = new ArrayList<>();
        header.forEach(c -> parts.add(c.field() + ": '" + c.before() + "' -> '" + c.after() + "'"));
        parameters.forEach(c -> parts.add("parameter " + c.field() + ": '" + c.before() + "' -> '" + c.after() + "'"));
        rules.forEach(r -> parts.add(switch (r.kind()) {
            case "ADDED" -> "regel toegevoegd: " + r.rule();
            case "REMOVED" -> "regel verwijderd: " + r.rule();
            default -> "regel gewijzigd: " + r.rule();
        }));
        return String.join("\n", parts);
    }

    public static VersionDiff of(StoredVersion a, StoredVersion b) {
        RegulationVersion x = a.version();
        RegulationVersion y = b.version();
        List<Change> header = new ArrayList<>();
        change(header, "ingangsdatum", String.valueOf(x.effectiveFrom()), String.valueOf(y.effectiveFrom()));
        change(header, "titel", x.title(), y.title());
        change(header, "bron", x.source(), y.source());
        change(header, "geschreven met", a.fromForm() ? "formulier" : "DRL", b.fromForm() ? "formulier" : "DRL");
        List<Change> parameters = new ArrayList<>();
        Map<String, String> p = flatten(a.parameters());
        Map<String, String> q = flatten(b.parameters());
        if (a.parameters() != null && b.parameters() != null) {
            Set<String> keys = new LinkedHashSet<>(p.keySet());
            keys.addAll(q.keySet());
            keys.forEach(k -> change(parameters, k, p.getOrDefault(k, ""), q.getOrDefault(k, "")));
        }
        return new VersionDiff(x.version(), y.version(), header, parameters, ruleChanges(x.ruleSet(), y.ruleSet()));
    }

    private static void change(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after));
        }
    }

    private static List<RuleChange> ruleChanges(RuleSet a, RuleSet b) {
        Map<String, List<String>> before = blocks(a);
        Map<String, List<String>> after = blocks(b);
        List<RuleChange> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String file = key.substring(0, key.indexOf('\n'));
            String rule = key.substring(key.indexOf('\n') + 1);
            List<String> x = before.get(key);
            List<String> y = after.get(key);
            if (x == null) {
                out.add(new RuleChange(file, rule, "ADDED", y.stream().map(l -> new Line("+", l)).toList()));
            } else if (y == null) {
                out.add(new RuleChange(file, rule, "REMOVED", x.stream().map(l -> new Line("-", l)).toList()));
            } else if (!x.equals(y)) {
                out.add(new RuleChange(file, rule, "CHANGED", lines(x, y)));
            }
        }
        return out;
    }

    /** The names of the rules of a rule set, file by file, in their order. */
    public static List<String> ruleNames(RuleSet rules) {
        return blocks(rules).keySet().stream().map(k -> k.substring(k.indexOf('\n') + 1))
                .filter(name -> !name.equals(OUTSIDE_RULES)).toList();
    }

    /** The rules of each file by name (key "file\nname"), and the text outside rules as one more block. */
    static Map<String, List<String>> blocks(RuleSet rules) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        rules.sources().forEach((file, text) -> {
            List<String> outside = new ArrayList<>();
            List<String> current = null;
            String name = null;
            for (String line : text.split("\\R", -1)) {
                if (current == null) {
                    Matcher m = RULE_START.matcher(line);
                    if (m.find()) {
                        name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                        current = new ArrayList<>();
                        current.add(line);
                    } else if (!line.isBlank()) {
                        outside.add(line);
                    }
                } else {
                    current.add(line);
                    if (RULE_END.matcher(line).matches()) {
                        String key = file + "\n" + name;
                        // Drools refuses duplicate names; numbering keeps a broken draft's diff readable anyway.
                        int n = 2;
                        while (blocks.containsKey(key)) {
                            key = file + "\n" + name + " (" + n++ + ")";
                        }
                        blocks.put(key, current);
                        current = null;
                    }
                }
            }
            if (current != null) {
                outside.addAll(current);
            }
            if (!outside.isEmpty()) {
                blocks.put(file + "\n" + OUTSIDE_RULES, outside);
            }
        });
        return blocks;
    }

    /** Longest-common-subsequence line diff; rules are short, so the quadratic table is small. */
    static List<Line> lines(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_TABLE) {
            // A block this long is no rule (a draft may hold anything): shown as replaced, without a table of n*m.
            List<Line> out = new ArrayList<>();
            a.forEach(l -> out.add(new Line("-", l)));
            b.forEach(l -> out.add(new Line("+", l)));
            return out;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line(" ", a.get(i++)));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line("-", a.get(i++)));
            } else {
                out.add(new Line("+", b.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Line("-", a.get(i++)));
        }
        while (j < m) {
            out.add(new Line("+", b.get(j++)));
        }
        return out;
    }

    /** Parameters as "terms[0].amount" = "5", so two versions compare field by field. */
    static Map<String, String> flatten(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(value, "", out);
        return out;
    }

    private static void flatten(Object value, String path, Map<String, String> out) {
        if (value == null) {
            if (!path.isEmpty()) {
                out.put(path, "");
            }
        } else if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    flatten(c.getAccessor().invoke(r), path.isEmpty() ? c.getName() : path + "." + c.getName(), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(list.get(i), path + "[" + i + "]", out);
            }
            if (list.isEmpty()) {
                out.put(path, "(geen)");
            }
        } else {
            out.put(path, String.valueOf(value));
        }
    }
}
