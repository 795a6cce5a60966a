package nl.klachtenregie.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTML reader for page tests (jsoup is not on the classpath): finds elements by a small CSS subset
 * ({@code tag#id.class[attr][attr=value]}, descendants separated by a space) in the server's own well-formed
 * markup, and reads their text, attributes and form values.
 */
public final class Html {

    private static final Pattern START_TAG = Pattern.compile(
            "<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=>/]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
    private static final Pattern COMPOUND_PART = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9-]*)|#([\\w-]+)|\\.([\\w-]+)|\\[([\\w-]+)(?:=\"?([^\\]\"]*)\"?)?]");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");

    private Html() {
    }

    /** An element: its tag, attributes and the markup between its start and end tag. */
    public record Element(String tag, Map<String, String> attributes, String inner) {

        public String attr(String name) {
            return attributes.get(name);
        }

        public boolean has(String name) {
            return attributes.containsKey(name);
        }

        /** The visible text: tags removed, entities decoded, white space collapsed. */
        public String text() {
            return Html.text(inner);
        }

        public List<Element> select(String selector) {
            return Html.select(inner, selector);
        }

        public Optional<Element> first(String selector) {
            return Html.first(inner, selector);
        }

        public Element one(String selector) {
            return Html.one(inner, selector);
        }

        /**
         * The values a browser would submit for this form as it stands: text inputs and hidden fields, ticked
         * checkboxes, the selected (or first) option of each select, the text of each textarea.
         */
        public Map<String, String> formValues() {
            Map<String, String> values = new LinkedHashMap<>();
            for (Element input : select("input")) {
                String name = input.attr("name");
                String type = input.attributes.getOrDefault("type", "text");
                if (name == null || type.equals("submit") || ((type.equals("checkbox") || type.equals("radio"))
                        && !input.has("checked"))) {
                    continue;
                }
                values.put(name, unescape(input.attributes.getOrDefault("value", "")));
            }
            for (Element select : select("select")) {
                List<Element> options = select.select("option");
                Element chosen = options.stream().filter(o -> o.has("selected")).findFirst()
                        .orElse(options.isEmpty() ? null : options.get(0));
                values.put(select.attr("name"), chosen == null ? "" : unescape(chosen.attr("value")));
            }
            for (Element area : select("textarea")) {
                values.put(area.attr("name"), unescape(area.inner()));
            }
            return values;
        }
    }

    /** Every element matching the selector, in document order. */
    public static List<Element> select(String html, String selector) {
        String[] steps = selector.trim().split("\\s+");
        List<Element> current = matching(html, steps[0]);
        for (int i = 1; i < steps.length; i++) {
            List<Element> next = new ArrayList<>();
            for (Element e : current) {
                next.addAll(matching(e.inner(), steps[i]));
            }
            current = next;
        }
        return current;
    }

    public static Optional<Element> first(String html, String selector) {
        List<Element> found = select(html, selector);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The single element matching the selector; fails when there is none or more than one. */
    public static Element one(String html, String selector) {
        List<Element> found = select(html, selector);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one '" + selector + "' but found " + found.size()
                    + (found.isEmpty() ? "" : ": " + found));
        }
        return found.get(0);
    }

    public static boolean exists(String html, String selector) {
        return !select(html, selector).isEmpty();
    }

    public static String text(String markup) {
        return unescape(markup.replaceAll("(?s)<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
    }

    public static String unescape(String s) {
        if (s == null) {
            return null;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#39;", "'").replace("&#x3D;", "=").replace("&#x60;", "`").replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }

    private static List<Element> matching(String html, String compound) {
        String tag = null;
        Map<String, String> required = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>();
        Matcher p = COMPOUND_PART.matcher(compound);
        int at = 0;
        while (at < compound.length()) {
            if (!p.find(at) || p.start() != at) {
                throw new IllegalArgumentException("unsupported selector '" + compound + "'");
            }
            if (p.group(1) != null) {
                tag = p.group(1).toLowerCase(Locale.ROOT);
            } else if (p.group(2) != null) {
                required.put("id", p.group(2));
            } else if (p.group(3) != null) {
                classes.add(p.group(3));
            } else {
                required.put(p.group(4), p.group(5));
            }
            at = p.end();
        }
        List<Element> found = new ArrayList<>();
        Matcher m = START_TAG.matcher(html);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (tag != null && !tag.equals(name)) {
                continue;
            }
            Map<String, String> attrs = attributes(m.group(2));
            boolean ok = required.entrySet().stream().allMatch(r -> attrs.containsKey(r.getKey())
                    && (r.getValue() == null || r.getValue().equals(unescape(attrs.get(r.getKey())))));
            List<String> has = List.of(attrs.getOrDefault("class", "").split("\\s+"));
            ok = ok && has.containsAll(classes);
            if (ok) {
                found.add(new Element(name, attrs, VOID.contains(name) || m.group().endsWith("/>") ? ""
                        : inner(html, name, m.end())));
            }
        }
        return found;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(text);
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
            attrs.put(a.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
        }
        return attrs;
    }

    /** The markup up to the matching end tag, counting nested elements of the same name. */
    private static String inner(String html, String tag, int from) {
        Pattern open = Pattern.compile("<" + tag + "(?=[\\s>/])|</" + tag + "\\s*>", Pattern.CASE_INSENSITIVE);
        Matcher m = open.matcher(html);
        int depth = 1;
        int pos = from;
        while (m.find(pos)) {
            depth += m.group().startsWith("</") ? -1 : 1;
            if (depth == 0) {
                return html.substring(from, m.start());
            }
            pos = m.end();
        }
        return html.substring(from);
    }
}
