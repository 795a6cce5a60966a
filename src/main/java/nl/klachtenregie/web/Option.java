package nl.klachtenregie.web;

import io.micronaut.core.annotation.Nullable;

/**
 * Keuze: one choice of a select, a set of radio buttons or checkboxes on any page. One record for every page;
 * {@link #checked()} and {@link #code()} are the names some templates read it by.
 *
 * @param value what the form posts
 * @param label what the user reads, or the message key the template translates (the value where none is given)
 * @param text the words themselves where a template prefers them to the translated label (a profile's own names);
 *     null for none
 * @param selected whether it is the current choice (selected or checked)
 */
public record Option(String value, String label, @Nullable String text, boolean selected) {

    public Option {
        value = value == null ? "" : value;
        label = label == null ? value : label;
    }

    public Option(String value, String label, boolean selected) {
        this(value, label, null, selected);
    }

    /** A choice whose label the template derives from the value (a translated code). */
    public static Option of(String value, boolean selected) {
        return new Option(value, value, selected);
    }

    // public: the template engine resolves only public methods
    public boolean checked() {
        return selected;
    }

    public String code() {
        return value;
    }
}
