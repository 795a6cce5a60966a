package nl.klachtenregie.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Element;

/**
 * What a browser would post for a form of a page: every named input with its value (a checkbox or radio button only
 * when ticked), every textarea and the selected option of every select, in page order. Tests change values and post
 * it back. The page is read with jsoup through {@link Html}, the tests' one HTML parser.
 */
public final class PostedForm {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private PostedForm() {
    }

    /** The fields of the form with this id in the page. */
    public static PostedForm of(String html, String formId) {
        Element form = Html.parse(html).getElementById(formId);
        if (form == null || !form.normalName().equals("form")) {
            throw new AssertionError("no form #" + formId);
        }
        PostedForm f = new PostedForm();
        for (Element control : form.select("input[name], textarea[name], select[name]")) {
            String name = control.attr("name");
            switch (control.normalName()) {
                case "textarea" -> f.set(name, control.wholeText());
                case "select" -> f.set(name, Html.chosenOption(control));
                default -> {
                    String type = control.attr("type");
                    boolean choice = type.equals("checkbox") || type.equals("radio");
                    if (type.equals("submit") || (choice && !control.hasAttr("checked"))) {
                        continue;
                    }
                    // A ticked checkbox without a value attribute is sent as "on", as browsers do.
                    String value = !control.hasAttr("value") && type.equals("checkbox") ? "on" : control.attr("value");
                    f.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return f;
    }

    public String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public PostedForm set(String name, String value) {
        values.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    public PostedForm set(String name, List<String> many) {
        values.put(name, new ArrayList<>(many));
        return this;
    }

    /** The row number whose {@code field} has this value, e.g. the row of category BEJEGENING. */
    public int row(String list, String field, String value) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getKey().startsWith(list + "-") && e.getKey().endsWith("-" + field) && e.getValue().contains(value)) {
                return Integer.parseInt(e.getKey().split("-")[1]);
            }
        }
        throw new AssertionError("no " + list + " row with " + field + " = " + value + " in " + values.keySet());
    }

    /** The first row of the list whose inputs are all empty (one of the rows for additions). */
    public int emptyRow(String list, String field) {
        for (int i = 0; ; i++) {
            String v = get(list + "-" + i + "-" + field);
            if (v == null) {
                throw new AssertionError("no empty " + list + " row");
            }
            if (v.isEmpty()) {
                return i;
            }
        }
    }

    /** Clears every input of a row, as a user emptying it to remove the entry. */
    public PostedForm clearRow(String list, int row) {
        values.keySet().stream().filter(k -> k.startsWith(list + "-" + row + "-")).toList()
                .forEach(k -> set(k, ""));
        return this;
    }

    public String encoded() {
        return values.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One value per name (the last, where a name has several), for posting through {@code PageSession.post}. */
    public Map<String, String> asMap() {
        Map<String, String> single = new LinkedHashMap<>();
        values.forEach((name, all) -> single.put(name, all.isEmpty() ? "" : all.get(all.size() - 1)));
        return single;
    }

    /** Decodes the character references in text a test took from a page by other means. */
    public static String unescape(String s) {
        return Html.unescape(s);
    }
}
