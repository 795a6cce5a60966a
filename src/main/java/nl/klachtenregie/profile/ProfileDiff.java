package nl.klachtenregie.profile;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Wijzigingen in het organisatieprofiel, for a person to read in the audit log: one line per changed field, per
 * added, removed or changed row (rows matched by their code), and the ladder's order when it moved.
 */
final class ProfileDiff {

    private ProfileDiff() {
    }

    /** The changes from {@code before} to {@code after}; empty when nothing changed. */
    static List<String> between(TenantProfile before, TenantProfile after) {
        List<String> lines = new ArrayList<>();
        field(lines, "naam", before.name(), after.name());
        field(lines, "adres", before.contact().address(), after.contact().address());
        field(lines, "telefoon", before.contact().phone(), after.contact().phone());
        field(lines, "e-mail", before.contact().email(), after.contact().email());
        field(lines, "website", before.contact().website(), after.contact().website());
        field(lines, "indienadres", before.complaintAddress(), after.complaintAddress());
        field(lines, "feestdagenkalender", before.holidayCalendar(), after.holidayCalendar());
        if (before.retentionYearsAfterClosing() != after.retentionYearsAfterClosing()) {
            lines.add("bewaartermijn na afsluiting: " + before.retentionYearsAfterClosing() + " → "
                    + after.retentionYearsAfterClosing() + " jaar");
        }
        rows(lines, "sluitingsdag", before.extraClosedDays(), after.extraClosedDays());
        rows(lines, "escalatieniveau", byCode(before.escalationLadder(), TenantProfile.EscalationLevel::code),
                byCode(after.escalationLadder(), TenantProfile.EscalationLevel::code));
        // Where a rung was added or moved matters as much as that it was: the whole ladder, low to high.
        if (!before.levelCodes().equals(after.levelCodes())) {
            lines.add("escalatieladder (van laag naar hoog): " + String.join(", ", before.levelCodes()) + " → "
                    + String.join(", ", after.levelCodes()));
        }
        rows(lines, "externe instantie", byCode(before.externalBodies(), TenantProfile.ExternalBody::code),
                byCode(after.externalBodies(), TenantProfile.ExternalBody::code));
        rows(lines, "categorie", byCode(before.categories(), TenantProfile.Category::code),
                byCode(after.categories(), TenantProfile.Category::code));
        rows(lines, "dienst", byCode(before.serviceLines(), TenantProfile.ServiceLine::code),
                byCode(after.serviceLines(), TenantProfile.ServiceLine::code));
        if (!before.notifications().equals(after.notifications())) {
            lines.add("meldingen: " + notifications(before.notifications()) + " → " + notifications(after.notifications()));
        }
        if (!before.publicForm().equals(after.publicForm())) {
            lines.add("klachtformulier: " + form(before.publicForm()) + " → " + form(after.publicForm()));
        }
        if (!before.activationRoles().equals(after.activationRoles())) {
            lines.add("activeren van reglementversies: " + String.join(", ", before.activationRoles()) + " → "
                    + String.join(", ", after.activationRoles()));
        }
        return lines;
    }

    private static void field(List<String> lines, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            lines.add(label + ": '" + before + "' → '" + after + "'");
        }
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(code.apply(r), r));
        return map;
    }

    private static <T> void rows(List<String> lines, String label, Map<String, T> before, Map<String, T> after) {
        before.forEach((code, old) -> {
            if (!after.containsKey(code)) {
                lines.add("- " + label + " " + code + " " + describe(old));
            }
        });
        after.forEach((code, now) -> {
            T old = before.get(code);
            if (old == null) {
                lines.add("+ " + label + " " + code + " " + describe(now));
            } else if (!old.equals(now)) {
                lines.add("~ " + label + " " + code + ": " + changes(old, now));
            }
        });
    }

    private static String describe(Object row) {
        if (!(row instanceof Record r)) {
            return "'" + row + "'";
        }
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (!c.getName().equals("code")) {
                String v = String.valueOf(value(c, r));
                if (!v.isEmpty()) {
                    parts.add(c.getName() + " '" + v + "'");
                }
            }
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static String changes(Object old, Object now) {
        if (!(old instanceof Record o) || !(now instanceof Record n)) {
            return "'" + old + "' → '" + now + "'";
        }
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            Object a = value(c, o);
            Object b = value(c, n);
            if (!Objects.equals(a, b)) {
                parts.add(c.getName() + " '" + a + "' → '" + b + "'");
            }
        }
        return String.join(", ", parts);
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String notifications(TenantProfile.Notifications n) {
        return "nieuwe klachten " + orNone(n.intakeEmail()) + ", directie " + orNone(n.managementEmail())
                + ", niveaus " + n.levelEmails() + ", herinnering " + n.reminderDaysBefore() + " dagen vooraf";
    }

    private static String form(TenantProfile.PublicForm f) {
        return (f.enabled() ? "open" : "dicht") + ", " + f.kind() + ", verplicht " + f.requiredFields() + ", statuslink "
                + f.statusLinkDays() + " dagen"
                + (f.level().isEmpty() ? "" : ", binnen bij niveau " + f.level());
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "(geen)" : s;
    }
}
