package nl.klachtenregie.shared;

import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * UI texts from the message bundles ({@code i18n/<bundle>_nl.properties} and {@code _en}): Dutch first, English
 * second. One bundle per feature, so that features do not edit each other's files. A key missing from the English
 * bundle falls back to Dutch; a key missing everywhere shows itself, so a gap is visible in the page and caught
 * by the bundle test.
 */
@Singleton
public class Messages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** The bundles under {@code i18n/}, searched in this order. */
    public static final List<String> BUNDLES = List.of("messages", "cases", "letters", "admin", "regulation",
            "profile", "dashboard", "improvement", "reports", "notify", "publicform", "errors");

    private final List<MessageSource> sources = BUNDLES.stream()
            .map(b -> (MessageSource) new ResourceBundleMessageSource("i18n." + b, DUTCH)).toList();

    public String get(Locale locale, String key, Object... args) {
        String pattern = raw(key, locale).or(() -> raw(key, DUTCH)).orElse(key);
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new java.text.MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    private Optional<String> raw(String key, Locale locale) {
        MessageSource.MessageContext context = MessageSource.MessageContext.of(locale);
        for (MessageSource source : sources) {
            Optional<String> found = source.getRawMessage(key, context);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public static Locale supported(String tag) {
        return "en".equalsIgnoreCase(tag) ? ENGLISH : DUTCH;
    }
}
