package nl.klachtenregie.improvement;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.klachtenregie.shared.InvalidInputException;

/**
 * Herkomst van een maatregel: what it answers.
 *
 * @param key for a KPI breach or a trend, the key the dashboard gives it ({@code KPI:<code>:<period>},
 *     {@code TREND:<type>:<key>:<period>}), so that the dashboard stops proposing a measure for it; optional
 *     (a breach noticed elsewhere has none); always null for complaints and other origins
 * @param description what happened, in words (required for {@link OriginType#OTHER}, which says nothing by itself)
 */
public record Origin(OriginType type, String key, String description) {

    public static final int MAX_KEY = 300;
    public static final int MAX_DESCRIPTION = 1000;

    public Origin {
        key = blankToNull(key);
        description = blankToNull(description);
        Map<String, String> errors = problems(type, key, description);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The problems of these values, by form field; empty when they make an origin. */
    static Map<String, String> problems(OriginType type, String key, String description) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (type == null) {
            errors.put("originType", "Kies de herkomst: klachten, een prestatie-indicator, een trend of anders.");
        }
        if (key != null) {
            String prefix = type == OriginType.KPI_BREACH ? "KPI:" : type == OriginType.TREND ? "TREND:" : null;
            if (type != null && prefix == null) {
                errors.put("originKey", "Een sleutel hoort alleen bij een prestatie-indicator of een trend.");
            } else if (prefix != null && (!key.startsWith(prefix) || key.length() == prefix.length())) {
                errors.put("originKey", "De sleutel '" + key + "' past niet bij deze herkomst; hij begint met "
                        + prefix + ".");
            } else if (key.length() > MAX_KEY) {
                errors.put("originKey", "De sleutel is te lang (hoogstens " + MAX_KEY + " tekens).");
            } else if (key.chars().anyMatch(Character::isISOControl)) {
                errors.put("originKey", "De sleutel bevat een ongeldig teken.");
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("originDescription", "De omschrijving van de herkomst is te lang (hoogstens " + MAX_DESCRIPTION
                    + " tekens).");
        } else if (description == null && type == OriginType.OTHER) {
            errors.put("originDescription", "Omschrijf de herkomst: 'anders' zegt niet waar de maatregel vandaan komt.");
        }
        return errors;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
