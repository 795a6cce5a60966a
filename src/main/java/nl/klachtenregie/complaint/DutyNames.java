package nl.klachtenregie.complaint;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Namen van plichten: the Dutch name of an obligation code for the reasons the case engine gives, from the same message
 * source the pages use ({@code i18n/cases_nl}: {@code obligation.<CODE>}). A tenant's own code without a name there is
 * named by what it promises the complainant, or else by its code in words.
 */
final class DutyNames {

    private static final ResourceBundle DUTCH = ResourceBundle.getBundle("i18n.cases", Locale.forLanguageTag("nl"));

    private DutyNames() {
    }

    static String of(String code, String label) {
        try {
            return DUTCH.getString("obligation." + code);
        } catch (MissingResourceException e) {
            String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
            words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
            return label == null || label.isBlank() ? words : words + " ('" + label.strip() + "')";
        }
    }
}
