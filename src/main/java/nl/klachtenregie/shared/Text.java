package nl.klachtenregie.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tekst: a user-facing text as a message key with its arguments, rendered in the reader's language at the edge
 * (a page, an API error) from the one message source. Dutch is the default rendering, for logs and for callers that
 * have no language.
 */
public record Text(String key, List<Object> args) {

    private static final Messages TEXTS = new Messages();

    public Text {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a text needs a message key");
        }
        args = List.copyOf(args);
    }

    /** With {@code args}; an argument that is itself a {@link Text} is rendered in the same language. */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /**
     * Words that are already words, the same in every language: a tenant's own (the reason a rule of its regulation
     * gives, a name it chose) or a message from elsewhere that has no key.
     */
    public static Text plain(String words) {
        return of(PLAIN, words == null ? "" : words);
    }

    /** The key of {@link #plain}: its pattern is only its argument. */
    public static final String PLAIN = "text.plain";

    /** The text in {@code locale} (English falls back to Dutch per key, as every page does). */
    public String in(Locale locale) {
        return TEXTS.get(locale, key, args.stream().map(a -> a instanceof Text t ? t.in(locale) : a).toArray());
    }

    /** The Dutch text. */
    public String dutch() {
        return in(Messages.DUTCH);
    }

    /** An exception whose message is a {@link Text}: the edge shows it in the reader's language. */
    public interface Carrier {
        Text text();
    }
}
