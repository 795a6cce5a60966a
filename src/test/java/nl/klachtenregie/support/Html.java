package nl.klachtenregie.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Reads the server's pages for page tests with jsoup: CSS selectors, the visible text, attributes (entities decoded)
 * and the values a browser would submit for a form. The static methods take markup so a test can hand in a whole
 * page or the {@link Element#inner() inner markup} of an element it found before.
 */
public final class Html {

    private Html() {
    }

    /** An element found in a page; its {@code select}s look only inside it, never at the element itself. */
    public record Element(org.jsoup.nodes.Element node) {

        public String tag() {
            return node.normalName();
        }

        /** The attributes with their values decoded, in source order. */
        public Map<String, String> attributes() {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (Attribute a : node.attributes()) {
                attrs.put(a.getKey(), a.getValue());
            }
            return attrs;
        }

        /** The markup between the start and the end tag, as the server wrote it (not pretty-printed). */
        public String inner() {
            return node.html();
        }

        /** The attribute's decoded value, or null when the element does not have it. */
        public String attr(String name) {
            return node.hasAttr(name) ? node.attr(name) : null;
        }

        public boolean has(String name) {
            return node.hasAttr(name);
        }

        /** The visible text: entities decoded, white space collapsed. */
        public String text() {
            return node.text();
        }

        public List<Element> select(String selector) {
            // Selecting from the children keeps the element itself out of its own results.
            return wrap(node.children().select(selector));
        }

        public Optional<Element> first(String selector) {
            return select(selector).stream().findFirst();
        }

        public Element one(String selector) {
            return single(select(selector), selector);
        }

        /**
         * The values a browser would submit for this form as it stands: text inputs and hidden fields, ticked
         * checkboxes, the selected (or first) option of each select, the text of each textarea.
         */
        public Map<String, String> formValues() {
            Map<String, String> values = new LinkedHashMap<>();
            for (Element input : select("input[name]")) {
                String type = input.node.attr("type").isEmpty() ? "text" : input.node.attr("type");
                if (type.equals("submit") || ((type.equals("checkbox") || type.equals("radio"))
                        && !input.has("checked"))) {
                    continue;
                }
                values.put(input.attr("name"), input.node.attr("value"));
            }
            for (Element select : select("select")) {
                values.put(select.attr("name"), chosenOption(select.node));
            }
            for (Element area : select("textarea")) {
                values.put(area.attr("name"), area.node.wholeText());
            }
            return values;
        }
    }

    /** Every element matching the selector, in document order. */
    public static List<Element> select(String html, String selector) {
        return wrap(parse(html).select(selector));
    }

    public static Optional<Element> first(String html, String selector) {
        return select(html, selector).stream().findFirst();
    }

    /** The single element matching the selector; fails when there is none or more than one. */
    public static Element one(String html, String selector) {
        return single(select(html, selector), selector);
    }

    public static boolean exists(String html, String selector) {
        return !parse(html).select(selector).isEmpty();
    }

    /** The visible text of a piece of markup: entities decoded, white space collapsed. */
    public static String text(String markup) {
        return parse(markup).text();
    }

    /** Decodes the character references in a piece of text taken from markup by other means than this class. */
    public static String unescape(String s) {
        return s == null ? null : Parser.unescapeEntities(s, false);
    }

    /** The value a browser submits for a select: the selected option, else the first; an option's text if it has no value. */
    static String chosenOption(org.jsoup.nodes.Element select) {
        Elements options = select.select("option");
        org.jsoup.nodes.Element chosen = options.stream().filter(o -> o.hasAttr("selected")).findFirst()
                .orElse(options.isEmpty() ? null : options.get(0));
        if (chosen == null) {
            return "";
        }
        return chosen.hasAttr("value") ? chosen.attr("value") : chosen.text();
    }

    static Document parse(String html) {
        Document doc = Jsoup.parse(html);
        // inner() should give the markup as served, so tests can look at what stands between two controls.
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    private static List<Element> wrap(Elements found) {
        return found.stream().map(Element::new).toList();
    }

    private static Element single(List<Element> found, String selector) {
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one '" + selector + "' but found " + found.size()
                    + (found.isEmpty() ? "" : ": " + found.stream().map(e -> e.node().outerHtml()).toList()));
        }
        return found.get(0);
    }
}
