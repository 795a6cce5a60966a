package nl.klachtenregie.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser would post for a form of a page: every named input with its value (a checkbox or radio button only
 * when ticked), every textarea and the selected option of every select, in page order. Tests change values and post
 * it back.
 */
public final class PostedForm {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private PostedForm() {
    }

    /** The fields of the form with this id in the page. */
    public static PostedForm of(String html, String formId) {
        Matcher m = Pattern.compile("<form\\b[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form #" + formId);
        }
        String form = m.group(1);
        PostedForm f = new PostedForm();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String a = input.group(1);
            String name = attr(a, "name");
            String type = attr(a, "type");
            boolean choice = "checkbox".equals(type) || "radio".equals(type);
            if (name == null || "submit".equals(type) || (choice && !a.contains(" checked"))) {
                continue;
            }
            // A ticked checkbox without a value attribute is sent as "on", as browsers do.
            String value = attr(a, "value");
            f.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null && "checkbox".equals(type)
                    ? "on" : unescape(orEmpty(value)));
        }
        Matcher ta = TEXTAREA.matcher(form);
        while (ta.find()) {
            f.set(attr(ta.group(1), "name"), unescape(ta.group(2)));
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher option = OPTION.matcher(select.group(2));
            while (option.find()) {
                if (option.group(1).contains(" selected")) {
                    f.set(attr(select.group(1), "name"), unescape(orEmpty(attr(option.group(1), "value"))));
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

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#39;", "'").replace("&#x3D;", "=").replace("&#x60;", "`").replace("&amp;", "&");
    }
}
