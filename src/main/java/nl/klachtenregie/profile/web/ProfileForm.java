package nl.klachtenregie.profile.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.klachtenregie.regulation.HolidayCalendar;
import nl.klachtenregie.shared.EmailAddressValidator;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.FieldErrors;

/**
 * The profile form (Organisatieprofiel) as a browser posts it, without JavaScript: the single fields by name, each
 * list as numbered rows of inputs named {@code <list>-<row>-<field>} (e.g. {@code ladder-0-code}), a few empty rows
 * for additions. Blank rows are ignored; the ladder is ordered by its position field, then by row. Every problem
 * is reported at its own input, and the form keeps what was typed.
 */
final class ProfileForm {

    /** Empty rows offered under each list for additions. */
    static final int EMPTY_ROWS = 3;
    /** Rows read per list at most: more than any organisation needs, few enough to read cheaply. */
    static final int MAX_ROWS = 200;
    static final int MAX_TEXT = 255;
    static final int MAX_LONG_TEXT = 2000;

    /** One input of a list row. */
    record Field(String name, String label, String type, int max) {
    }

    /** A list of the profile: its form name, its texts and its inputs per row. */
    record ListSpec(String key, List<Field> fields) {
        String title() {
            return "profile." + key + ".title";
        }
    }

    static final ListSpec CLOSED_DAYS = new ListSpec("closed", List.of(
            new Field("date", "profile.closed.date", "date", 10),
            new Field("name", "profile.closed.name", "text", MAX_TEXT)));
    static final ListSpec LADDER = new ListSpec("ladder", List.of(
            new Field("position", "profile.ladder.position", "number", 4),
            new Field("code", "profile.code", "text", 64),
            new Field("role", "profile.ladder.role", "text", MAX_TEXT),
            new Field("holder", "profile.ladder.holder", "text", MAX_TEXT)));
    static final ListSpec BODIES = new ListSpec("bodies", List.of(
            new Field("code", "profile.code", "text", 64),
            new Field("kind", "profile.bodies.kind", "text", MAX_TEXT),
            new Field("name", "profile.bodies.name", "text", MAX_TEXT),
            new Field("address", "profile.bodies.address", "text", MAX_LONG_TEXT),
            new Field("email", "profile.bodies.email", "email", MAX_TEXT),
            new Field("url", "profile.bodies.url", "text", MAX_TEXT),
            new Field("term", "profile.bodies.term", "text", MAX_TEXT)));
    static final ListSpec CATEGORIES = new ListSpec("categories", List.of(
            new Field("code", "profile.code", "text", 64),
            new Field("name", "profile.categories.name", "text", MAX_TEXT),
            new Field("catchAll", "profile.categories.catchAll", "checkbox", 5)));
    static final ListSpec LINES = new ListSpec("lines", List.of(
            new Field("code", "profile.code", "text", 64),
            new Field("name", "profile.lines.name", "text", MAX_TEXT),
            new Field("note", "profile.lines.note", "text", MAX_LONG_TEXT),
            new Field("regulation", "profile.lines.regulation", "text", 64),
            new Field("regime", "profile.lines.regime", "regime", 16)));
    static final List<ListSpec> LISTS = List.of(LADDER, BODIES, CATEGORIES, LINES, CLOSED_DAYS);

    /** The single fields, by form name. */
    static final List<String> SINGLE = List.of("name", "contactAddress", "contactPhone", "contactEmail",
            "contactWebsite", "complaintAddress", "holidayCalendar", "regime");

    /** One row as typed, with its problems per field. */
    record Row(int index, Map<String, String> values, Map<String, String> errors) {
        boolean blank() {
            return values.entrySet().stream().filter(e -> !e.getKey().equals("position"))
                    .allMatch(e -> e.getValue().isBlank());
        }

        String get(String field) {
            return values.getOrDefault(field, "");
        }
    }

    /** The form as typed: single values, rows per list, chosen roles, and every problem found. */
    record Typed(Map<String, String> single, Map<String, List<Row>> lists, List<String> activationRoles,
                 Map<String, String> errors) {
    }

    private ProfileForm() {
    }

    /** The stored profile as the form shows it. */
    static Typed of(TenantProfile p) {
        Map<String, String> single = new LinkedHashMap<>();
        single.put("name", p.name());
        single.put("contactAddress", p.contact().address());
        single.put("contactPhone", p.contact().phone());
        single.put("contactEmail", p.contact().email());
        single.put("contactWebsite", p.contact().website());
        single.put("complaintAddress", p.complaintAddress());
        single.put("holidayCalendar", p.holidayCalendar());
        single.put("regime", p.regime());
        Map<String, List<Row>> lists = new LinkedHashMap<>();
        List<TenantProfile.EscalationLevel> ladder = p.escalationLadder();
        lists.put(LADDER.key(), rows(ladder, (l, i) -> values("position", String.valueOf(i + 1), "code", l.code(),
                "role", l.role(), "holder", l.holder())));
        lists.put(BODIES.key(), rows(p.externalBodies(), (b, i) -> values("code", b.code(), "kind", b.kind(),
                "name", b.name(), "address", b.address(), "email", b.email(), "url", b.url(), "term", b.term())));
        lists.put(CATEGORIES.key(), rows(p.categories(), (c, i) -> values("code", c.code(), "name", c.name(),
                "catchAll", c.catchAll() ? "true" : "")));
        lists.put(LINES.key(), rows(p.serviceLines(), (s, i) -> values("code", s.code(), "name", s.name(),
                "note", s.note(), "regulation", s.regulation(), "regime", s.regime())));
        lists.put(CLOSED_DAYS.key(), rows(new ArrayList<>(p.extraClosedDays().entrySet()),
                (e, i) -> values("date", e.getKey(), "name", e.getValue())));
        return new Typed(single, lists, p.activationRoles(), Map.of());
    }

    private interface RowValues<T> {
        Map<String, String> apply(T item, int index);
    }

    private static <T> List<Row> rows(List<T> items, RowValues<T> values) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(new Row(i, values.apply(items.get(i), i), Map.of()));
        }
        return rows;
    }

    private static Map<String, String> values(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }

    /** Reads the posted form; {@link Typed#errors()} is empty when it makes a valid profile. */
    static Typed read(Map<String, Object> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> single = new LinkedHashMap<>();
        for (String name : SINGLE) {
            single.put(name, value(form, name, errors));
        }
        Map<String, List<Row>> lists = new LinkedHashMap<>();
        for (ListSpec spec : LISTS) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < MAX_ROWS && present(form, spec, i); i++) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Field f : spec.fields()) {
                    values.put(f.name(), value(form, spec.key() + "-" + i + "-" + f.name(), errors));
                }
                rows.add(new Row(i, values, new LinkedHashMap<>()));
            }
            lists.put(spec.key(), rows);
        }
        List<String> roles = new ArrayList<>();
        Object posted = form.get("activationRoles");
        if (posted instanceof List<?> many) {
            many.forEach(r -> roles.add(String.valueOf(r)));
        } else if (posted != null && !String.valueOf(posted).isBlank()) {
            roles.add(String.valueOf(posted));
        }
        Typed typed = new Typed(single, lists, roles, errors);
        check(typed);
        return typed;
    }

    private static boolean present(Map<String, Object> form, ListSpec spec, int row) {
        return spec.fields().stream().anyMatch(f -> form.containsKey(spec.key() + "-" + row + "-" + f.name()));
    }

    private static String value(Map<String, Object> form, String name, Map<String, String> errors) {
        Object v = form.get(name);
        if (v instanceof List<?>) {
            errors.put(name, "dit veld is meer dan eens verstuurd");
            return "";
        }
        return v == null ? "" : String.valueOf(v);
    }

    private static void check(Typed t) {
        Map<String, String> e = t.errors();
        String name = t.single().get("name").strip();
        if (name.isEmpty()) {
            e.put("name", "geef de naam van de organisatie");
        }
        for (String field : SINGLE) {
            int max = field.equals("contactAddress") || field.equals("complaintAddress") ? MAX_LONG_TEXT : MAX_TEXT;
            if (t.single().get(field).length() > max) {
                e.put(field, "te lang (hoogstens " + max + " tekens)");
            }
        }
        email(e, "contactEmail", t.single().get("contactEmail"));
        if (!HolidayCalendar.NAMES.contains(t.single().get("holidayCalendar"))) {
            e.put("holidayCalendar", "kies een kalender uit de lijst");
        }
        String regime = t.single().get("regime").strip();
        if (!regime.isEmpty() && !TenantProfile.REGIMES.contains(regime)) {
            e.put("regime", "kies een wet uit de lijst");
        }
        if (t.activationRoles().isEmpty()) {
            e.put("activationRoles", "kies minstens één rol");
        } else if (!TenantProfile.APPROVER_ROLES.containsAll(t.activationRoles())) {
            e.put("activationRoles", "kies alleen rollen uit de lijst");
        }
        for (ListSpec spec : LISTS) {
            List<Row> rows = t.lists().get(spec.key());
            Map<String, Row> codes = new TreeMap<>();
            for (Row row : rows) {
                if (row.blank()) {
                    continue;
                }
                for (Field f : spec.fields()) {
                    if (row.get(f.name()).length() > f.max()) {
                        row.errors().put(f.name(), "te lang (hoogstens " + f.max() + " tekens)");
                    }
                }
                checkRow(spec, row);
                String key = spec == CLOSED_DAYS ? row.get("date").strip() : code(row);
                if (!key.isEmpty() && !row.errors().containsKey(spec == CLOSED_DAYS ? "date" : "code")) {
                    if (codes.containsKey(key)) {
                        row.errors().put(spec == CLOSED_DAYS ? "date" : "code", "'" + key + "' staat al in een "
                                + "eerdere regel");
                    }
                    codes.put(key, row);
                }
                row.errors().forEach((field, message) -> e.put(spec.key() + "-" + row.index() + "-" + field,
                        message));
            }
            boolean required = spec == LADDER || spec == CATEGORIES;
            if (required && rows.stream().allMatch(Row::blank)) {
                e.put(spec.key(), spec == LADDER ? "de escalatieladder heeft minstens één niveau"
                        : "geef minstens één categorie");
            }
        }
    }

    private static void checkRow(ListSpec spec, Row row) {
        Map<String, String> e = row.errors();
        if (spec == CLOSED_DAYS) {
            String date = row.get("date").strip();
            try {
                LocalDate d = LocalDate.parse(date);
                if (d.getYear() < FieldErrors.MIN_YEAR || d.getYear() > FieldErrors.MAX_YEAR) {
                    e.put("date", "'" + date + "' ligt buiten " + FieldErrors.MIN_YEAR + "-" + FieldErrors.MAX_YEAR);
                }
            } catch (DateTimeParseException ex) {
                e.put("date", date.isEmpty() ? "geef de datum (JJJJ-MM-DD)"
                        : "'" + date + "' is geen geldige datum (JJJJ-MM-DD)");
            }
            required(row, "name", "geef de naam van de sluitingsdag");
            return;
        }
        String code = code(row);
        if (code.isEmpty()) {
            e.put("code", "geef een code");
        } else if (!TenantProfile.isValidCode(code)) {
            e.put("code", "'" + row.get("code").strip() + "' is geen geldige code: hoofdletters, cijfers en _ , "
                    + "beginnend met een letter (bijvoorbeeld BEJEGENING)");
        }
        if (spec == LINES && !row.get("regime").isBlank() && !TenantProfile.REGIMES.contains(row.get("regime").strip())) {
            e.put("regime", "kies een wet uit de lijst, of geen (dan geldt die van de organisatie)");
        }
        if (spec == LINES && !row.get("regulation").strip().matches("[a-z0-9]*(-[a-z0-9]+)*")) {
            e.put("regulation", "'" + row.get("regulation").strip() + "' is geen reglementcode: kleine letters, "
                    + "cijfers en streepjes (bijvoorbeeld arbeidscoaching), of leeg voor het hoofdreglement");
        }
        if (spec == LADDER) {
            required(row, "role", "geef de rol op dit niveau (bijvoorbeeld 'leidinggevende')");
            String position = row.get("position").strip();
            if (!position.isEmpty() && !position.matches("\\d{1,4}")) {
                e.put("position", "een volgnummer (1, 2, 3, ...)");
            }
        } else if (spec == BODIES) {
            required(row, "kind", "geef de soort (bijvoorbeeld 'klachtenfunctionaris')");
            required(row, "name", "geef de naam van de instantie");
            email(e, "email", row.get("email"));
        } else {
            required(row, "name", "geef een naam");
        }
    }

    private static void required(Row row, String field, String message) {
        if (row.get(field).isBlank()) {
            row.errors().putIfAbsent(field, message);
        }
    }

    private static void email(Map<String, String> errors, String field, String value) {
        String v = value.strip();
        if (!v.isEmpty() && !EmailAddressValidator.isPlainAddress(v)) {
            errors.putIfAbsent(field, "'" + v + "' is geen e-mailadres");
        }
    }

    /** Codes are capitals; what was typed in lower case is meant the same. */
    private static String code(Row row) {
        return row.get("code").strip().toUpperCase(Locale.ROOT);
    }

    /** The profile the checked form describes. Call only when {@link Typed#errors()} is empty. */
    static TenantProfile profile(String slug, Typed t) {
        Map<String, String> s = t.single();
        List<Row> ladderRows = new ArrayList<>(filled(t, LADDER));
        ladderRows.sort(Comparator.comparingInt((Row r) -> r.get("position").isBlank() ? Integer.MAX_VALUE
                : Integer.parseInt(r.get("position").strip())).thenComparingInt(Row::index));
        Map<String, String> closed = new TreeMap<>();
        filled(t, CLOSED_DAYS).forEach(r -> closed.put(r.get("date").strip(), r.get("name").strip()));
        return new TenantProfile(slug, s.get("name").strip(),
                new TenantProfile.Contact(s.get("contactAddress").strip(), s.get("contactPhone").strip(),
                        s.get("contactEmail").strip(), s.get("contactWebsite").strip()),
                s.get("complaintAddress").strip(), s.get("holidayCalendar"), closed,
                map(ladderRows, r -> new TenantProfile.EscalationLevel(code(r), r.get("role").strip(),
                        r.get("holder").strip())),
                map(filled(t, BODIES), r -> new TenantProfile.ExternalBody(code(r), r.get("kind").strip(),
                        r.get("name").strip(), r.get("address").strip(), r.get("email").strip(),
                        r.get("url").strip(), r.get("term") == null ? "" : r.get("term").strip())),
                map(filled(t, CATEGORIES), r -> new TenantProfile.Category(code(r), r.get("name").strip(),
                        PageForms.checkbox(r.get("catchAll")))),
                map(filled(t, LINES), r -> new TenantProfile.ServiceLine(code(r), r.get("name").strip(),
                        r.get("note").strip(), r.get("regulation").strip(), r.get("regime").strip())),
                TenantProfile.APPROVER_ROLES.stream().filter(t.activationRoles()::contains).toList(), null, null,
                s.get("regime").strip());
    }

    private static List<Row> filled(Typed t, ListSpec spec) {
        return t.lists().get(spec.key()).stream().filter(r -> !r.blank()).toList();
    }

    private static <T> List<T> map(List<Row> rows, Function<Row, T> f) {
        return rows.stream().map(f).toList();
    }
}
