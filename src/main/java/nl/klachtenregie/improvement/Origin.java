package nl.klachtenregie.improvement;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.Text;

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
        Map<String, Text> errors = problems(type, key, description);
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
    }

    /** The problems of these values, by form field; empty when they make an origin. */
    static Map<String, Text> problems(OriginType type, String key, String description) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (type == null) {
            errors.put("originType", Text.of("improvement.error.originType"));
        }
        if (key != null) {
            String prefix = type == OriginType.KPI_BREACH ? "KPI:" : type == OriginType.TREND ? "TREND:" : null;
            if (type != null && prefix == null) {
                errors.put("originKey", Text.of("improvement.error.originKey.notHere"));
            } else if (prefix != null && (!key.startsWith(prefix) || key.length() == prefix.length())) {
                errors.put("originKey", Text.of("improvement.error.originKey.prefix", key, prefix));
            } else if (key.length() > MAX_KEY) {
                errors.put("originKey", Text.of("improvement.error.originKey.long", String.valueOf(MAX_KEY)));
            } else if (key.chars().anyMatch(Character::isISOControl)) {
                errors.put("originKey", Text.of("improvement.error.originKey.invalid"));
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("originDescription", Text.of("improvement.error.originDescription.long",
                    String.valueOf(MAX_DESCRIPTION)));
        } else if (description == null && type == OriginType.OTHER) {
            errors.put("originDescription", Text.of("improvement.error.originDescription.missing"));
        }
        return errors;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
