package nl.klachtenregie.publicform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.shared.EmailAddressValidator;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Het klachtformulier zoals verstuurd: every field as text, cleaned of control characters, so that it can be shown
 * again exactly as typed when something is wrong. {@link #check} turns it into a complaint or into one problem per
 * field.
 */
public record PublicFormInput(String role, String name, String email, String phone, String address, String place,
                       String category, String serviceLine, String incidentOn, String summary, String wish,
                       String concernsEmployee, String share, String formToken, String honeypot) {

    /** The honeypot: a field people never see or reach, which form-filling robots fill in. */
    public static final String HONEYPOT = "website_url";
    public static final int SUMMARY_MAX = 5_000;
    public static final int WISH_MAX = 2_000;
    public static final int NAME_MAX = 200;
    public static final int PLACE_MAX = 200;
    public static final int ADDRESS_MAX = 300;
    public static final int PHONE_MAX = 40;
    public static final int EMAIL_MAX = 254;
    public static final int EMPLOYEE_MAX = 200;
    /** The roles the form offers: the complainants the regulations admit (klant, vertegenwoordiger, nabestaande). */
    public static final List<ComplainantRole> ROLES = List.of(ComplainantRole.CLIENT, ComplainantRole.REPRESENTATIVE,
            ComplainantRole.NEXT_OF_KIN);

    /** The fields a person fills in, in page order. */
    public static final List<String> FIELDS = List.of("summary", "wish", "category", "serviceLine", "incidentOn",
            "concernsEmployee", "share", "role", "name", "email", "phone", "address", "place");
    /** The earliest year a date may have, as on the staff's forms. */
    private static final int MIN_YEAR = 1900;
    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]+");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /**
     * C0 and C1 control characters and the bidirectional overrides and isolates, which can make text display
     * differently from what it is; newline and tab are handled apart.
     */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

    /** A problem with one field: a message key of the {@code publicform} bundle and its arguments. */
    public record Problem(String key, List<Object> args) {
        public Problem(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    /** Either the complaint or the problems, per field in page order. */
    public record Checked(NewComplaint complaint, Map<String, Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static PublicFormInput empty() {
        return new PublicFormInput("", "", "", "", "", "", "", "", "", "", "", "", "yes", "", "");
    }

    /** The form as posted; absent fields are empty, every value cleaned. */
    public static PublicFormInput from(Map<String, String> posted) {
        Map<String, String> p = posted == null ? Map.of() : posted;
        return new PublicFormInput(line(p.get("role")), line(p.get("name")), line(p.get("email")),
                line(p.get("phone")), line(p.get("address")), line(p.get("place")), line(p.get("category")),
                line(p.get("serviceLine")), line(p.get("incidentOn")), text(p.get("summary")), text(p.get("wish")),
                line(p.get("concernsEmployee")), line(p.get("share")), line(p.get("formToken")),
                line(p.get(HONEYPOT)));
    }

    /** The same input with another form token (the one the re-shown form carries). */
    public PublicFormInput withToken(String token) {
        return new PublicFormInput(role, name, email, phone, address, place, category, serviceLine, incidentOn,
                summary, wish, concernsEmployee, share, token, "");
    }

    public boolean honeypotFilled() {
        return !honeypot.isBlank();
    }

    /** Whether the complainant declined to have the employee concerned told (Klimkoord 4.2, Note). */
    public boolean sharingDeclined() {
        return "no".equals(share);
    }

    public boolean sharingAgreed() {
        return "yes".equals(share);
    }

    /**
     * Checks every field against the tenant's form and returns the complaint it makes, received {@code today}; or
     * every problem at once, so that nobody has to correct one field per try.
     */
    public Checked check(TenantProfile profile, ComplaintKind kind, LocalDate today) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        TenantProfile.PublicForm form = profile.publicForm();
        length(problems, "summary", summary, SUMMARY_MAX, true);
        length(problems, "wish", wish, WISH_MAX, false);
        if (category.isEmpty()) {
            problems.put("category", new Problem("publicform.error.choose"));
        } else if (!profile.hasCategory(category)) {
            problems.put("category", new Problem("publicform.error.option"));
        }
        if (!serviceLine.isEmpty() && !profile.hasServiceLine(serviceLine)) {
            problems.put("serviceLine", new Problem("publicform.error.option"));
        }
        LocalDate incident = incidentDate(problems, today);
        length(problems, "concernsEmployee", concernsEmployee, EMPLOYEE_MAX, false);
        if (!sharingAgreed() && !sharingDeclined()) {
            problems.put("share", new Problem(share.isEmpty() ? "publicform.error.choose" : "publicform.error.option"));
        }
        ComplainantRole who = ROLES.stream().filter(r -> r.name().equals(role)).findFirst().orElse(null);
        if (who == null) {
            problems.put("role", new Problem(role.isEmpty() ? "publicform.error.choose" : "publicform.error.option"));
        }
        length(problems, "name", name, NAME_MAX, form.requires("name"));
        if (length(problems, "email", email, EMAIL_MAX, form.requires("email")) && !email.isEmpty()
                && !EmailAddressValidator.isPlainAddress(email.strip())) {
            problems.put("email", new Problem("publicform.error.email"));
        }
        if (length(problems, "phone", phone, PHONE_MAX, form.requires("phone")) && !phone.isEmpty()
                && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 6)) {
            problems.put("phone", new Problem("publicform.error.phone"));
        }
        length(problems, "address", address, ADDRESS_MAX, form.requires("address"));
        length(problems, "place", place, PLACE_MAX, form.requires("place"));
        boolean wayRequired = form.requires("email") || form.requires("phone") || form.requires("address");
        // Where the tenant requires a way to answer, its own "required" already says it; otherwise any one will do.
        if (!wayRequired && email.isEmpty() && phone.isEmpty() && address.isEmpty()) {
            problems.put("contact", new Problem("publicform.error.contact"));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        String text = wish.isEmpty() ? summary : summary + "\n\nGewenste oplossing: " + wish;
        NewComplaint complaint = new NewComplaint(kind, Channel.WEB_FORM, today, incident,
                new Complainant(name, who, email, phone, address, place), text, category, serviceLine,
                concernsEmployee, false, sharingDeclined(), false, form.level());
        return new Checked(complaint, Map.of());
    }

    private LocalDate incidentDate(Map<String, Problem> problems, LocalDate today) {
        if (incidentOn.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            // The date input posts 2026-03-15; a browser without one lets people type 15-3-2026.
            date = incidentOn.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(incidentOn)
                    : LocalDate.parse(incidentOn, DUTCH_DATE);
        } catch (DateTimeParseException e) {
            problems.put("incidentOn", new Problem("publicform.error.date"));
            return null;
        }
        if (date.getYear() < MIN_YEAR) {
            problems.put("incidentOn", new Problem("publicform.error.date"));
            return null;
        }
        if (date.isAfter(today)) {
            problems.put("incidentOn", new Problem("publicform.error.future"));
            return null;
        }
        return date;
    }

    /** Records a missing or too long value; true when the value is fine so far. */
    private static boolean length(Map<String, Problem> problems, String field, String value, int max,
                                  boolean required) {
        if (value.isEmpty()) {
            if (required) {
                problems.put(field, new Problem("publicform.error.required"));
                return false;
            }
            return true;
        }
        if (value.length() > max) {
            problems.put(field, new Problem("publicform.error.tooLong", max, value.length()));
            return false;
        }
        return true;
    }

    /** A single-line value: line breaks and tabs become spaces, other control characters go. */
    static String line(String value) {
        if (value == null) {
            return "";
        }
        return INVISIBLE.matcher(value.replaceAll("[\\r\\n\\t]+", " ")).replaceAll("").strip();
    }

    /** A multi-line value: line breaks kept (as \n) and tabs kept, other control characters go. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return INVISIBLE.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
    }
}
