package nl.klachtenregie.notification.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * The form of Meldingen en klachtformulier as a browser posts it: the addresses (one per rung of the escalation
 * ladder, named {@code level-<CODE>}), the reminder days as typed ("5, 1"), and the public form's settings. Each
 * value is checked by the profile's own records, one field at a time, so that their Dutch message lands at the
 * field it is about; the form keeps what was typed.
 */
final class NotificationSettingsForm {

    static final String LEVEL_PREFIX = "level-";
    static final List<String> KINDS = List.of("FORMAL", "INFORMAL");

    /**
     * The form as typed: the single fields by name, the rung addresses by rung code, the ticked required fields, and
     * every problem found (by field name; a rung's under {@code level-<CODE>}).
     */
    record Typed(Map<String, String> single, Map<String, String> levels, boolean formEnabled,
                 List<String> requiredFields, Map<String, String> errors) {
    }

    /** What a valid form describes. */
    record Settings(TenantProfile.Notifications notifications, TenantProfile.PublicForm publicForm) {
    }

    private NotificationSettingsForm() {
    }

    /** The stored settings as the form shows them. */
    static Typed of(TenantProfile p) {
        TenantProfile.Notifications n = p.notifications();
        TenantProfile.PublicForm f = p.publicForm();
        Map<String, String> single = new LinkedHashMap<>();
        single.put("intakeEmail", n.intakeEmail());
        single.put("managementEmail", n.managementEmail());
        single.put("reminderDays", String.join(", ", n.reminderDaysBefore().stream().map(String::valueOf).toList()));
        single.put("publicFormKind", f.kind());
        single.put("statusLinkDays", String.valueOf(f.statusLinkDays()));
        single.put("publicFormLevel", f.level());
        Map<String, String> levels = new LinkedHashMap<>();
        for (String code : p.levelCodes()) {
            levels.put(code, n.levelEmails().getOrDefault(code, ""));
        }
        return new Typed(single, levels, f.enabled(), f.requiredFields(), Map.of());
    }

    /** Reads and checks the posted form against the rungs of {@code p}'s ladder. */
    static Typed read(Map<String, Object> form, TenantProfile p) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> single = new LinkedHashMap<>();
        for (String name : List.of("intakeEmail", "managementEmail", "reminderDays", "publicFormKind",
                "statusLinkDays", "publicFormLevel")) {
            single.put(name, value(form, name, errors));
        }
        String rung = single.get("publicFormLevel").strip();
        if (!rung.isEmpty() && !p.levelCodes().contains(rung)) {
            errors.putIfAbsent("publicFormLevel", "'" + rung + "' is geen niveau van de escalatieladder; kies een "
                    + "niveau uit de lijst");
        }
        Map<String, String> levels = new LinkedHashMap<>();
        for (TenantProfile.EscalationLevel level : p.escalationLadder()) {
            String field = LEVEL_PREFIX + level.code();
            levels.put(level.code(), value(form, field, errors));
            email(errors, field, levels.get(level.code()), "het e-mailadres van " + level.role());
        }
        email(errors, "intakeEmail", single.get("intakeEmail"), "het e-mailadres voor nieuwe klachten");
        email(errors, "managementEmail", single.get("managementEmail"), "het e-mailadres van de directie");
        reminderDays(single.get("reminderDays"), errors);

        String kind = single.get("publicFormKind").strip();
        if (kind.isEmpty()) {
            errors.putIfAbsent("publicFormKind", "kies of een klacht via het formulier formeel of informeel is");
        } else {
            check(errors, "publicFormKind", () -> new TenantProfile.PublicForm(true, kind, List.of(), 180));
        }
        List<String> required = values(form, "requiredFields");
        check(errors, "requiredFields", () -> new TenantProfile.PublicForm(true, "FORMAL", required, 180));
        String days = single.get("statusLinkDays").strip();
        if (!days.matches("\\d{1,6}")) {
            errors.putIfAbsent("statusLinkDays", days.isEmpty() ? "geef het aantal dagen (7 tot en met 730)"
                    : "'" + days + "' is geen aantal dagen; geef een getal van 7 tot en met 730");
        } else {
            check(errors, "statusLinkDays", () -> new TenantProfile.PublicForm(true, "FORMAL", List.of(),
                    Integer.parseInt(days)));
        }
        boolean enabled = checkbox(form.get("publicFormEnabled"));
        return new Typed(single, levels, enabled, required, errors);
    }

    /**
     * The settings the checked form describes. Call only when {@link Typed#errors()} is empty.
     *
     * @throws IllegalArgumentException with the records' Dutch message when they still refuse the whole
     */
    static Settings settings(Typed t) {
        Map<String, String> levels = new LinkedHashMap<>();
        t.levels().forEach((code, address) -> {
            if (!address.isBlank()) {
                levels.put(code, address.strip());
            }
        });
        return new Settings(new TenantProfile.Notifications(t.single().get("intakeEmail"),
                t.single().get("managementEmail"), levels, days(t.single().get("reminderDays"))),
                new TenantProfile.PublicForm(t.formEnabled(), t.single().get("publicFormKind").strip(),
                        t.requiredFields(), Integer.parseInt(t.single().get("statusLinkDays").strip()),
                        t.single().get("publicFormLevel").strip()));
    }

    private static void email(Map<String, String> errors, String field, String value, String what) {
        check(errors, field, () -> TenantProfile.Notifications.email(value, what));
    }

    private static void reminderDays(String typed, Map<String, String> errors) {
        for (String part : parts(typed)) {
            if (!part.matches("-?\\d{1,6}")) {
                errors.put("reminderDays", "'" + part + "' is geen aantal dagen; schrijf de dagen als getallen, "
                        + "gescheiden door komma's (bijvoorbeeld 5, 1)");
                return;
            }
        }
        check(errors, "reminderDays", () -> new TenantProfile.Notifications("", "", Map.of(), days(typed)));
    }

    private static List<Integer> days(String typed) {
        return parts(typed).stream().map(Integer::valueOf).toList();
    }

    private static List<String> parts(String typed) {
        List<String> parts = new ArrayList<>();
        for (String part : typed.strip().split("[,;\\s]+")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Runs one record's own check and files its Dutch message under {@code field}. */
    private static void check(Map<String, String> errors, String field, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            errors.putIfAbsent(field, message.isEmpty() ? message
                    : Character.toUpperCase(message.charAt(0)) + message.substring(1));
        }
    }

    private static String value(Map<String, Object> form, String name, Map<String, String> errors) {
        Object v = form.get(name);
        if (v instanceof List<?> many) {
            if (many.size() == 1) {
                return String.valueOf(many.get(0));
            }
            errors.put(name, "dit veld is meer dan eens verstuurd");
            return "";
        }
        return v == null ? "" : String.valueOf(v);
    }

    private static List<String> values(Map<String, Object> form, String name) {
        Object v = form.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> many) {
            many.forEach(x -> out.add(String.valueOf(x)));
        } else if (v != null && !String.valueOf(v).isBlank()) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    private static boolean checkbox(Object v) {
        Object value = v instanceof List<?> many && !many.isEmpty() ? many.get(0) : v;
        return value != null && (value.equals("true") || value.equals("on"));
    }
}
