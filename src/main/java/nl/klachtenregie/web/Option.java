package nl.klachtenregie.web;

/**
 * Keuze: one choice of a select, a set of radio buttons or checkboxes on any page, already in words.
 * One record for every page; {@link #checked()} and {@link #code()} are the names some templates read it by.
 *
 * @param value what the form posts
 * @param label what the user reads (the value itself where the template translates it)
 * @param selected whether it is the current choice (selected or checked)
 */
public record Option(String value, String label, boolean selected) {

    public Option {
        value = value == null ? "" : value;
        label = label == null ? value : label;
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
