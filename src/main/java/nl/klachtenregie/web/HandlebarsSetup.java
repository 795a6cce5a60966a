package nl.klachtenregie.web;

import nl.klachtenregie.shared.Messages;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.handlebars.HandlebarsFactory;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The Handlebars instance of the views, with the helpers the templates use:
 * {@code {{t "key" arg…}}} (message bundle text in the page's language), {@code {{date d}}} (dd-MM-yyyy),
 * {@code {{eq a b}}} (block or subexpression), {@code {{enum "prefix" value}}} (translated enum value),
 * {@code (concat a b …)} (to build a message key), and {@code if}/{@code unless} for which an empty map is false.
 */
@Factory
class HandlebarsSetup {

    static final String LOCALE_KEY = "locale";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Messages messages;

    HandlebarsSetup(Messages messages) {
        this.messages = messages;
    }

    @Singleton
    @Replaces(factory = HandlebarsFactory.class, bean = Handlebars.class)
    Handlebars handlebars() {
        Handlebars hb = new Handlebars();
        hb.registerHelper("t", (Helper<Object>) (key, options) ->
                messages.get(locale(options), String.valueOf(key), options.params));
        hb.registerHelper("enum", (Helper<Object>) (prefix, options) -> {
            Object value = options.param(0, null);
            return value == null ? "" : messages.get(locale(options), prefix + "." + value);
        });
        // The name of a duty: the bundle's, else (a tenant's own code) the code in words with what it promises.
        hb.registerHelper("duty", (Helper<Object>) (code, options) -> {
            String key = "obligation." + code;
            String name = messages.get(locale(options), key);
            if (!name.equals(key)) {
                return name;
            }
            String words = String.valueOf(code).replace('_', ' ').toLowerCase(Locale.ROOT);
            words = words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
            Object label = options.param(0, null);
            return label == null || label.toString().isBlank() ? words : words + " (" + label + ")";
        });
        hb.registerHelper("concat", (Helper<Object>) (first, options) -> {
            StringBuilder sb = new StringBuilder(first == null ? "" : first.toString());
            for (Object p : options.params) {
                sb.append(p == null ? "" : p.toString());
            }
            return sb.toString();
        });
        // Handlebars.java counts an empty map as true, and pages ask {{#if page.errors}} of a map of field errors
        // meaning "are there any": without this a page loaded afresh announced "Niet opgeslagen". An empty map is
        // false here, as an empty list already is; everything else is Handlebars' own rule.
        hb.registerHelper("if", (Helper<Object>) (value, options) ->
                falsy(value, options) ? options.inverse() : options.fn());
        hb.registerHelper("unless", (Helper<Object>) (value, options) ->
                falsy(value, options) ? options.fn() : options.inverse());
        hb.registerHelper("date", (Helper<Object>) (value, options) ->
                value instanceof LocalDate d ? d.format(DMY) : value == null ? "" : value.toString());
        hb.registerHelper("eq", (Helper<Object>) (a, options) -> {
            boolean equal = Objects.equals(str(a), str(options.param(0, null)));
            if (options.tagType.inline()) {
                return equal;
            }
            return equal ? options.fn() : options.inverse();
        });
        return hb;
    }

    private static boolean falsy(Object value, Options options) {
        return value instanceof java.util.Map<?, ?> map ? map.isEmpty() : options.isFalsy(value);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Locale locale(Options options) {
        Object l = options.get(LOCALE_KEY);
        return l instanceof Locale locale ? locale : Messages.DUTCH;
    }
}
