package nl.klachtenregie.complaint.web;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.klachtenregie.complaint.CorrectionRequest;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.Text;

/**
 * The body of {@code PATCH /api/tenants/{t}/complaints/{id}} as JSON gives it: the changed fields as intake names
 * them (the complainant's as a nested {@code complainant} object, or as {@code complainant.name}), plus
 * {@code expectedVersion} and {@code reason}. Every value is taken as text; which fields exist and what a value must
 * be is the use case's business ({@link nl.klachtenregie.complaint.Corrections}).
 */
final class CorrectionBody {

    private CorrectionBody() {
    }

    static CorrectionRequest parse(Map<String, Object> body) {
        if (body == null) {
            throw InvalidInputException.of("body", Text.of("correction.body.missing"));
        }
        Map<String, String> changes = new LinkedHashMap<>();
        Integer expected = null;
        String reason = null;
        for (Map.Entry<String, Object> e : body.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "expectedVersion" -> expected = version(v);
                case "reason" -> reason = v == null ? null : v.toString();
                case "complainant" -> {
                    if (!(v instanceof Map<?, ?> who)) {
                        throw InvalidInputException.of("complainant",
                                Text.of("correction.field.complainantObject"));
                    }
                    who.forEach((k, w) -> changes.put("complainant." + k, w == null ? null : w.toString()));
                }
                default -> changes.put(e.getKey(), v == null ? null : v.toString());
            }
        }
        return new CorrectionRequest(changes, expected, reason);
    }

    private static Integer version(Object v) {
        if (v instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 0) {
            return n.intValue();
        }
        if (v instanceof String s && s.strip().matches("\\d{1,9}")) {
            return Integer.valueOf(s.strip());
        }
        throw InvalidInputException.of("expectedVersion", Text.of("correction.field.expectedVersion"));
    }
}
