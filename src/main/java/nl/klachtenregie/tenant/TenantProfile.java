package nl.klachtenregie.tenant;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.klachtenregie.shared.EmailAddressValidator;

/**
 * Organisatieprofiel: who the tenant is and the data its regulation refers to (ladder, external bodies,
 * categories, service lines, holiday calendar). Stored as data; rules receive a snapshot of it.
 */
@Serdeable
public record TenantProfile(
        String slug,
        String name,
        Contact contact,
        String complaintAddress,
        String holidayCalendar,
        Map<String, String> extraClosedDays,
        List<EscalationLevel> escalationLadder,
        List<ExternalBody> externalBodies,
        List<Category> categories,
        List<ServiceLine> serviceLines,
        List<String> activationRoles,
        Notifications notifications,
        PublicForm publicForm,
        String regime) {

    /**
     * The complaint law an organisation or a service line falls under: Wkkgz (zorg), Wmo 2015 (maatschappelijke
     * ondersteuning), Jeugdwet; "" when the profile does not say. The regulation check warns a Wkkgz organisation
     * that names no klachtenfunctionaris or geschilleninstantie (Wkkgz art. 15 and 18).
     */
    public static final List<String> REGIMES = List.of("WKKGZ", "WMO_2015", "JEUGDWET");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /**
     * The roles that may activate a regulation version. Kept as names here because the tenant feature knows
     * nothing of accounts; these are the tenant roles of the security feature that can carry responsibility.
     */
    public static final List<String> APPROVER_ROLES = List.of("ADMIN", "DIRECTOR", "MANAGER", "COMPLIANCE");

    // The canonical constructor is the one JSON uses: the shorter one below exists for code, and would drop settings.
    @io.micronaut.core.annotation.Creator
    public TenantProfile {
        if (!isValidSlug(slug)) {
            throw new IllegalArgumentException("Ongeldige slug '" + slug
                    + "': kleine letters, cijfers en streepjes, hoogstens 64 tekens");
        }
        requireText(name, "name");
        contact = contact == null ? new Contact("", "", "", "") : contact;
        complaintAddress = complaintAddress == null ? "" : complaintAddress;
        holidayCalendar = holidayCalendar == null || holidayCalendar.isBlank() ? "ALGEMENE_TERMIJNENWET"
                : holidayCalendar;
        extraClosedDays = extraClosedDays == null ? Map.of() : Map.copyOf(new TreeMap<>(extraClosedDays));
        escalationLadder = List.copyOf(Objects.requireNonNullElse(escalationLadder, List.of()));
        if (escalationLadder.isEmpty()) {
            throw new IllegalArgumentException("Profiel '" + slug + "': de escalatieladder is leeg");
        }
        externalBodies = List.copyOf(Objects.requireNonNullElse(externalBodies, List.of()));
        categories = List.copyOf(Objects.requireNonNullElse(categories, List.of()));
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("Profiel '" + slug + "': geen klachtcategorieën");
        }
        serviceLines = List.copyOf(Objects.requireNonNullElse(serviceLines, List.of()));
        activationRoles = activationRoles == null || activationRoles.isEmpty() ? List.of("ADMIN")
                : List.copyOf(activationRoles.stream().distinct().toList());
        for (String role : activationRoles) {
            if (!APPROVER_ROLES.contains(role)) {
                throw new IllegalArgumentException("Profiel '" + slug + "': rol '" + role
                        + "' kan geen reglementversie activeren (kies uit " + APPROVER_ROLES + ")");
            }
        }
        notifications = notifications == null ? Notifications.DEFAULT : notifications;
        publicForm = publicForm == null ? PublicForm.DEFAULT : publicForm;
        for (String level : notifications.levelEmails().keySet()) {
            if (escalationLadder.stream().noneMatch(l -> l.code().equals(level))) {
                throw new IllegalArgumentException("Profiel '" + slug + "': e-mailadres bij onbekend escalatieniveau '"
                        + level + "'");
            }
        }
        String formLevel = publicForm.level();
        if (!formLevel.isEmpty() && escalationLadder.stream().noneMatch(l -> l.code().equals(formLevel))) {
            throw new IllegalArgumentException("Profiel '" + slug + "': het klachtformulier komt binnen bij onbekend "
                    + "escalatieniveau '" + formLevel + "'");
        }
        unique(escalationLadder.stream().map(EscalationLevel::code).toList(), "escalatieniveau", slug);
        unique(externalBodies.stream().map(ExternalBody::code).toList(), "externe instantie", slug);
        unique(categories.stream().map(Category::code).toList(), "categorie", slug);
        unique(serviceLines.stream().map(ServiceLine::code).toList(), "dienst", slug);
        regime = checkRegime(regime, "regime van " + slug);
    }

    static String checkRegime(String regime, String what) {
        String r = regime == null ? "" : regime.strip();
        if (!r.isEmpty() && !REGIMES.contains(r)) {
            throw new IllegalArgumentException(what + " '" + r + "' is onbekend (kies uit " + REGIMES + ")");
        }
        return r;
    }

    /** The same profile as the canonical one without a regime (code written before regimes existed). */
    public TenantProfile(String slug, String name, Contact contact, String complaintAddress, String holidayCalendar,
                         Map<String, String> extraClosedDays, List<EscalationLevel> escalationLadder,
                         List<ExternalBody> externalBodies, List<Category> categories, List<ServiceLine> serviceLines,
                         List<String> activationRoles, Notifications notifications, PublicForm publicForm) {
        this(slug, name, contact, complaintAddress, holidayCalendar, extraClosedDays, escalationLadder, externalBodies,
                categories, serviceLines, activationRoles, notifications, publicForm, "");
    }

    /** The categories the profile marks as catch-alls ("Overig"): they never make complaints "about the same subject". */
    public java.util.Set<String> catchAllCategories() {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        categories.stream().filter(Category::catchAll).forEach(c -> codes.add(c.code()));
        return codes;
    }

    /** The regime a complaint about this service line falls under: the line's own, else the organisation's. */
    public String regimeFor(String serviceLine) {
        return serviceLines.stream().filter(s -> s.code().equals(serviceLine) && !s.regime().isEmpty())
                .map(ServiceLine::regime).findFirst().orElse(regime);
    }

    /** Whether the organisation or any of its service lines falls under this regime. */
    public boolean hasRegime(String r) {
        return regime.equals(r) || serviceLines.stream().anyMatch(s -> s.regime().equals(r));
    }

    public TenantProfile(String slug, String name, Contact contact, String complaintAddress, String holidayCalendar,
                         Map<String, String> extraClosedDays, List<EscalationLevel> escalationLadder,
                         List<ExternalBody> externalBodies, List<Category> categories, List<ServiceLine> serviceLines,
                         List<String> activationRoles) {
        this(slug, name, contact, complaintAddress, holidayCalendar, extraClosedDays, escalationLadder, externalBodies,
                categories, serviceLines, activationRoles, null, null);
    }

    private static void unique(List<String> codes, String what, String slug) {
        if (codes.size() != codes.stream().distinct().count()) {
            throw new IllegalArgumentException("Profiel '" + slug + "': dubbele code bij " + what + ": " + codes);
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " ontbreekt");
        }
        return value;
    }

    static String requireCode(String value, String what) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' is geen geldige code (HOOFDLETTERS_EN_CIJFERS)");
        }
        return value;
    }

    /** True when {@code slug} is a valid tenant slug: lower-case letters, digits and single hyphens, at most 64. */
    public static boolean isValidSlug(String slug) {
        return slug != null && slug.length() <= 64 && SLUG.matcher(slug).matches();
    }

    /** True when {@code code} is a valid code of a ladder rung, category, external body or service line. */
    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * Startprofiel: the smallest valid profile of a new tenant, which its administrator then completes: a ladder
     * medewerker, leidinggevende, directie; one category "Overige klachten"; the statutory holiday calendar.
     */
    public static TenantProfile starter(String slug, String name) {
        return new TenantProfile(slug, name, null, null, null, null,
                List.of(new EscalationLevel("EMPLOYEE", "medewerker"),
                        new EscalationLevel("TEAM_LEAD", "leidinggevende"),
                        new EscalationLevel("DIRECTOR", "directie")),
                List.of(), List.of(new Category("OVERIG", "Overige klachten")), List.of(), null, null,
                // The public form stays closed until the first version is activated: it never promises a draft's terms.
                PublicForm.DEFAULT.withEnabled(false), "");
    }

    /** The same profile with another activation rule. */
    public TenantProfile withActivationRoles(List<String> roles) {
        return new TenantProfile(slug, name, contact, complaintAddress, holidayCalendar, extraClosedDays,
                escalationLadder, externalBodies, categories, serviceLines, roles, notifications, publicForm, regime);
    }

    /** The same profile with other notification settings. */
    public TenantProfile withNotifications(Notifications changed) {
        return new TenantProfile(slug, name, contact, complaintAddress, holidayCalendar, extraClosedDays,
                escalationLadder, externalBodies, categories, serviceLines, activationRoles, changed, publicForm, regime);
    }

    /** The same profile with other settings of the public complaint form. */
    public TenantProfile withPublicForm(PublicForm changed) {
        return new TenantProfile(slug, name, contact, complaintAddress, holidayCalendar, extraClosedDays,
                escalationLadder, externalBodies, categories, serviceLines, activationRoles, notifications, changed, regime);
    }

    /**
     * The e-mail address of the first rung above {@code level} that has one (the escalation notice of a missed term
     * goes there), else the management address; empty when neither is set.
     */
    public String escalationEmailAbove(String level) {
        for (String next = levelAbove(level); !next.isEmpty(); next = levelAbove(next)) {
            String email = notifications.levelEmails().getOrDefault(next, "");
            if (!email.isEmpty()) {
                return email;
            }
        }
        return notifications.managementEmail();
    }

    /** The rung the escalation notice of a missed term at {@code level} goes to: the first above it with an address. */
    public String escalationLevelAbove(String level) {
        for (String next = levelAbove(level); !next.isEmpty(); next = levelAbove(next)) {
            if (!notifications.levelEmails().getOrDefault(next, "").isEmpty()) {
                return next;
            }
        }
        return "";
    }

    public List<String> levelCodes() {
        return escalationLadder.stream().map(EscalationLevel::code).toList();
    }

    public List<String> externalBodyCodes() {
        return externalBodies.stream().map(ExternalBody::code).toList();
    }

    public Optional<ExternalBody> externalBody(String code) {
        return externalBodies.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public boolean hasCategory(String code) {
        return categories.stream().anyMatch(c -> c.code().equals(code));
    }

    public boolean hasServiceLine(String code) {
        return serviceLines.stream().anyMatch(s -> s.code().equals(code));
    }

    /** The rung above {@code level}, or "" at the top. */
    public String levelAbove(String level) {
        List<String> codes = new ArrayList<>(levelCodes());
        int i = codes.indexOf(level);
        return i >= 0 && i + 1 < codes.size() ? codes.get(i + 1) : "";
    }

    public String lowestLevel() {
        return escalationLadder.get(0).code();
    }

    /** Contactgegevens. */
    @Serdeable
    public record Contact(String address, String phone, String email, String website) {
        public Contact {
            address = address == null ? "" : address;
            phone = phone == null ? "" : phone;
            email = email == null ? "" : email;
            website = website == null ? "" : website;
        }
    }

    /**
     * Escalatieniveau: a rung of the ladder, with the Dutch role the regulation names and who holds it now
     * ({@code holder}: a name such as "mevrouw A. Ten Dam", or "" when the role is enough).
     */
    @Serdeable
    public record EscalationLevel(String code, String role, String holder) {
        public EscalationLevel {
            requireCode(code, "escalatieniveau");
            requireText(role, "rol bij " + code);
            holder = holder == null ? "" : holder.strip();
        }

        public EscalationLevel(String code, String role) {
            this(code, role, "");
        }
    }

    /** Externe instantie: klachtenfunctionaris, klachtencommissie or geschilleninstantie. */
    @Serdeable
    public record ExternalBody(String code, String kind, String name, String address, String email, String url,
                               String term) {
        public ExternalBody(String code, String kind, String name, String address, String email, String url) {
            this(code, kind, name, address, email, url, "");
        }

        public ExternalBody {
            term = term == null ? "" : term.strip();
            requireCode(code, "externe instantie");
            requireText(kind, "soort bij " + code);
            requireText(name, "naam bij " + code);
            address = address == null ? "" : address;
            email = email == null ? "" : email;
            url = url == null ? "" : url;
        }
    }

    /**
     * Klachtcategorie. {@code catchAll}: a category for whatever fits nowhere else ("Overig"); two complaints in it are
     * not "about the same subject".
     */
    @Serdeable
    public record Category(String code, String name, boolean catchAll) {
        public Category {
            requireCode(code, "categorie");
            requireText(name, "naam bij " + code);
            catchAll = catchAll || "OVERIG".equals(code);
        }

        public Category(String code, String name) {
            this(code, name, false);
        }
    }

    /**
     * Dienst (service line), with a note when another procedure applies to it, and which of the tenant's
     * regulations its complaints follow ({@code regulation}: a code, "" for the main regulation).
     */
    @Serdeable
    public record ServiceLine(String code, String name, String note, String regulation, String regime) {
        public ServiceLine {
            regime = checkRegime(regime, "regime bij " + code);
            requireCode(code, "dienst");
            requireText(name, "naam bij " + code);
            note = note == null ? "" : note;
            regulation = regulation == null ? "" : regulation.strip();
            if (!regulation.matches("[a-z0-9]*(-[a-z0-9]+)*") || regulation.length() > 64) {
                throw new IllegalArgumentException("reglement bij " + code + " '" + regulation
                        + "' is geen geldige code (kleine letters, cijfers en streepjes)");
            }
        }

        public ServiceLine(String code, String name, String note) {
            this(code, name, note, "", "");
        }

        public ServiceLine(String code, String name, String note, String regulation) {
            this(code, name, note, regulation, "");
        }
    }

    /**
     * The regulation a complaint about this service line follows: the code of one of the tenant's regulations, or
     * "" for the main one (also for no or an unknown service line).
     */
    public String regulationFor(String serviceLine) {
        return serviceLines.stream().filter(s -> s.code().equals(serviceLine)).map(ServiceLine::regulation)
                .findFirst().orElse("");
    }

    /**
     * Meldingen: where the product's e-mails to staff go and when reminders are sent.
     *
     * @param intakeEmail the servicedesk or intake address: hears of every complaint from the public form, and gets
     *     the reminders of cases without a handler (or whose handler has no address)
     * @param managementEmail the directie or management address: the management notice where the rules require
     *     management to hear of a complaint, and the escalation notice when no rung above has an address
     * @param levelEmails per rung of the escalation ladder (its code), where the notice of a missed term goes
     * @param reminderDaysBefore how many calendar days before a due date the handler is reminded, one reminder per
     *     number (e.g. [5, 1]); empty: no reminders
     */
    @Serdeable
    public record Notifications(String intakeEmail, String managementEmail, Map<String, String> levelEmails,
                                List<Integer> reminderDaysBefore) {
        public static final Notifications DEFAULT = new Notifications("", "", Map.of(), List.of(3));

        public Notifications {
            intakeEmail = email(intakeEmail, "e-mailadres voor nieuwe klachten");
            managementEmail = email(managementEmail, "e-mailadres van de directie");
            Map<String, String> emails = new TreeMap<>();
            if (levelEmails != null) {
                levelEmails.forEach((level, address) -> {
                    String checked = email(address, "e-mailadres bij " + level);
                    if (!checked.isEmpty()) {
                        emails.put(requireCode(level, "escalatieniveau"), checked);
                    }
                });
            }
            levelEmails = Map.copyOf(emails);
            reminderDaysBefore = reminderDaysBefore == null ? List.of()
                    : reminderDaysBefore.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
            for (int days : reminderDaysBefore) {
                if (days < 1 || days > 60) {
                    throw new IllegalArgumentException("Een herinnering gaat 1 tot en met 60 dagen voor de uiterste "
                            + "datum; " + days + " kan niet");
                }
            }
            if (reminderDaysBefore.size() > 5) {
                throw new IllegalArgumentException("Hoogstens 5 herinneringen per termijn");
            }
        }

        /** An address as configured: empty, or one plain address (checked so that no header can be smuggled in). */
        public static String email(String value, String what) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                return "";
            }
            if (!EmailAddressValidator.isPlainAddress(v)) {
                throw new IllegalArgumentException(what + " '" + v + "' is geen geldig e-mailadres");
            }
            return v;
        }

        public static boolean isValidEmail(String value) {
            return value != null && value.length() <= EmailAddressValidator.MAX_LENGTH && EmailAddressValidator.isPlainAddress(value.strip());
        }
    }

    /**
     * Klachtformulier: the public complaint form of the tenant.
     *
     * @param enabled whether the form is open
     * @param kind the kind a complaint through the form is (FORMAL or INFORMAL), as the regulation says of its form
     * @param requiredFields which of the complainant's details the form requires (name, email, phone, address,
     *     place); at least one way to answer (email, phone or address) is always required
     * @param statusLinkDays how many days the complainant's private status link works after submission
     * @param level the rung of the escalation ladder a complaint through the form is registered at (a form that
     *     reaches the klachtenfunctionaris directly starts there); empty for the lowest rung
     */
    @Serdeable
    public record PublicForm(boolean enabled, String kind, List<String> requiredFields, int statusLinkDays,
                             String level) {
        public static final List<String> FIELDS = List.of("name", "email", "phone", "address", "place");
        public static final PublicForm DEFAULT = new PublicForm(true, "FORMAL", List.of("name"), 180);

        public PublicForm {
            kind = kind == null || kind.isBlank() ? "FORMAL" : kind.strip();
            if (!kind.equals("FORMAL") && !kind.equals("INFORMAL")) {
                throw new IllegalArgumentException("soort klacht via het formulier '" + kind
                        + "' is FORMAL of INFORMAL");
            }
            requiredFields = requiredFields == null ? List.of() : requiredFields.stream().map(String::strip)
                    .distinct().toList();
            for (String f : requiredFields) {
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException("onbekend verplicht veld '" + f + "' (kies uit " + FIELDS + ")");
                }
            }
            if (statusLinkDays < 7 || statusLinkDays > 730) {
                throw new IllegalArgumentException("de statuslink werkt 7 tot en met 730 dagen; " + statusLinkDays
                        + " kan niet");
            }
            level = level == null ? "" : level.strip();
        }

        public PublicForm(boolean enabled, String kind, List<String> requiredFields, int statusLinkDays) {
            this(enabled, kind, requiredFields, statusLinkDays, "");
        }

        /** The same settings, a complaint through the form registered at {@code rung} (empty: the lowest). */
        public PublicForm atLevel(String rung) {
            return new PublicForm(enabled, kind, requiredFields, statusLinkDays, rung);
        }

        public boolean requires(String field) {
            return requiredFields.contains(field);
        }

        /** The same settings, opened or closed. */
        public PublicForm withEnabled(boolean open) {
            return new PublicForm(open, kind, requiredFields, statusLinkDays, level);
        }
    }
}
