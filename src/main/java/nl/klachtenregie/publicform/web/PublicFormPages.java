package nl.klachtenregie.publicform.web;

import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klachtenregie.complaint.TermPreview;
import nl.klachtenregie.publicform.ComplainantStatus;
import nl.klachtenregie.publicform.PublicFormInput;
import nl.klachtenregie.publicform.PublicIntake;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.web.ErrorPage;
import nl.klachtenregie.shared.Messages;
import nl.klachtenregie.web.Option;

/**
 * The pages of the public complaint form and the status link as their templates see them: every text that depends
 * on the case or the input resolved here, in the page's language; nothing of the case beyond what the page shows.
 */
@Singleton
class PublicFormPages {

    /** The kinds of external body the form names as the alternative ("U kunt ook terecht bij ..."). */
    static final List<String> ALTERNATIVE_KINDS = List.of("klachtenfunctionaris", "klachtencommissie",
            "geschilleninstantie");

    /** The top of every public page: the organisation, not the product's staff navigation. */
    record Header(String tenantName, String slug) {
    }

    /** A promise of the regulation: with its length ("5 werkdagen") when the regulation gives one. */
    record Term(String code, int amount, String unit, boolean hasLength, String label) {
    }

    /** An external body the complainant can also turn to; {@code href} only for a web address. */
    record Body(String name, String kind, String address, String email, String url, String href) {
    }

    /** How to reach the organisation; {@code any} false when the profile has nothing. */
    record Contact(String phone, String phoneHref, String email, String address, String website, String websiteHref,
                   String complaintAddress, boolean any) {
    }

    /** A line of the error summary: the field's label and problem, linking to the field. */
    record FieldError(String field, String target, String label, String message) {
    }

    /** Which complainant details this tenant's form requires. */
    record Required(boolean name, boolean email, boolean phone, boolean address, boolean place) {
    }

    /** Het klachtformulier, empty or re-shown with what was typed. */
    record FormPage(Header header, String action, PublicFormInput form, List<Option> roles, List<Option> categories,
                    List<Option> serviceLines, List<Option> serviceNotes, Required required, List<Term> terms,
                    List<Body> bodies, Contact contact, Map<String, String> errors, List<FieldError> errorList,
                    String notice, List<String> refused, String today, Limits limits) {
    }

    /** The lengths the form allows, for the {@code maxlength} attributes and the hints. */
    record Limits(int summary, int wish, int name, int place, int address, int phone, int email, int employee) {
        static final Limits FORM = new Limits(PublicFormInput.SUMMARY_MAX, PublicFormInput.WISH_MAX,
                PublicFormInput.NAME_MAX, PublicFormInput.PLACE_MAX, PublicFormInput.ADDRESS_MAX,
                PublicFormInput.PHONE_MAX, PublicFormInput.EMAIL_MAX, PublicFormInput.EMPLOYEE_MAX);
    }

    /** Ontvangstbewijs. {@code switchPath}: where the language switch leads (the status page, not an empty form). */
    record ReceiptPage(Header header, PublicIntake.Receipt receipt, String statusPath, Contact contact,
                       String switchPath) {
    }

    /** The status page of a status link. */
    record StatusPage(Header header, ComplainantStatus status, LocalDate expiresOn, Contact contact,
                      String switchPath, String copyPath) {
    }

    /** A refusal of a public page (unknown form, unknown or expired link, too large a post). */
    record ErrorPage(Header header, int status, String titleKey, String messageKey, Contact contact) {
    }

    private final Messages messages;

    PublicFormPages(Messages messages) {
        this.messages = messages;
    }

    FormPage form(Tenant tenant, PublicFormInput form, List<TermPreview> promises, LocalDate today, Locale locale,
                  Map<String, PublicFormInput.Problem> problems, String notice, List<String> refused) {
        TenantProfile profile = tenant.profile();
        TenantProfile.PublicForm settings = profile.publicForm();
        List<Option> roles = PublicFormInput.ROLES.stream()
                .map(r -> new Option(r.name(), "", r.name().equals(form.role()))).toList();
        List<Option> categories = profile.categories().stream()
                .map(c -> new Option(c.code(), c.name(), c.code().equals(form.category()))).toList();
        List<Option> lines = profile.serviceLines().stream()
                .map(s -> new Option(s.code(), s.name(), s.code().equals(form.serviceLine()))).toList();
        List<Option> notes = profile.serviceLines().stream().filter(s -> !s.note().isBlank())
                .map(s -> new Option(s.name(), s.note(), false)).toList();
        List<Term> terms = promises.stream().map(t -> new Term(t.code(), t.amount(), t.unit(), t.hasTerm()
                && t.amount() > 0 && !t.unit().equals("NONE"),
                // The standard promises are worded by the page; a tenant's own duty by its regulation.
                nl.klachtenregie.publicform.ComplainantTerms.CODES.contains(t.code()) ? "" : t.label())).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        List<FieldError> errorList = new ArrayList<>();
        problems.forEach((field, problem) -> {
            String message = messages.get(locale, problem.key(), problem.args().toArray());
            errors.put(field, message);
            errorList.add(new FieldError(field, target(field), messages.get(locale, "publicform.field." + field),
                    message));
        });
        return new FormPage(header(tenant), "/klacht/" + tenant.slug(), form, roles, categories, lines, notes,
                new Required(settings.requires("name"), settings.requires("email"), settings.requires("phone"),
                        settings.requires("address"), settings.requires("place")),
                terms, bodies(profile), contact(profile), errors, errorList, notice, refused, today.toString(),
                Limits.FORM);
    }

    ReceiptPage receipt(Tenant tenant, PublicIntake.Receipt receipt) {
        String statusPath = java.net.URI.create(receipt.statusUrl()).getRawPath();
        return new ReceiptPage(header(tenant), receipt, statusPath, contact(tenant.profile()), encode(statusPath));
    }

    StatusPage status(Tenant tenant, ComplainantStatus status, LocalDate expiresOn, String path) {
        return new StatusPage(header(tenant), status, expiresOn, contact(tenant.profile()), encode(path),
                path + "/kopie.pdf");
    }

    ErrorPage error(Tenant tenant, int status, String titleKey, String messageKey) {
        return new ErrorPage(tenant == null ? new Header("", "") : header(tenant), status, titleKey, messageKey,
                tenant == null ? contact(null) : contact(tenant.profile()));
    }

    /** The organisation's contact details in one line, for a message that must say how to reach it. */
    String contactLine(Tenant tenant, Locale locale) {
        Contact c = contact(tenant.profile());
        List<String> ways = new ArrayList<>();
        if (!c.phone().isEmpty()) {
            ways.add(messages.get(locale, "publicform.contact.phoneInline", c.phone()));
        }
        if (!c.email().isEmpty()) {
            ways.add(messages.get(locale, "publicform.contact.emailInline", c.email()));
        }
        // Without a phone number or address to write to, the website is the one way left to name.
        if (ways.isEmpty() && !c.website().isEmpty()) {
            ways.add(messages.get(locale, "publicform.contact.websiteInline", c.website()));
        }
        return String.join(", ", ways);
    }

    private static Header header(Tenant tenant) {
        return new Header(tenant.profile().name(), tenant.slug());
    }

    /** The field a line of the error summary jumps to: a radio group's first choice, the contact fields' first. */
    private static String target(String field) {
        return switch (field) {
            case "role" -> "f-role-" + PublicFormInput.ROLES.get(0).name();
            case "share" -> "f-share-yes";
            case "contact" -> "f-email";
            default -> "f-" + field;
        };
    }

    private static List<Body> bodies(TenantProfile profile) {
        return profile.externalBodies().stream()
                .filter(b -> ALTERNATIVE_KINDS.contains(b.kind().strip().toLowerCase(Locale.ROOT)))
                .map(b -> new Body(b.name(), b.kind().strip().toLowerCase(Locale.ROOT), b.address(), b.email(),
                        b.url(), href(b.url())))
                .toList();
    }

    private static Contact contact(TenantProfile profile) {
        if (profile == null) {
            return new Contact("", "", "", "", "", "", "", false);
        }
        TenantProfile.Contact c = profile.contact();
        boolean any = !(c.phone().isBlank() && c.email().isBlank() && c.address().isBlank() && c.website().isBlank()
                && profile.complaintAddress().isBlank());
        // A tel: link holds only the digits (and a leading +) of the number as written.
        String dial = c.phone().replaceAll("[^0-9+]", "");
        return new Contact(c.phone(), dial, c.email(), c.address(), c.website(), href(c.website()),
                profile.complaintAddress(), any);
    }

    /**
     * A link target for a web address from the profile, or "" when it is none: only http(s), so that an address
     * typed as {@code javascript:...} is shown as text and never becomes a link.
     */
    static String href(String url) {
        String u = url == null ? "" : url.strip();
        if (u.matches("(?i)https?://[^\\s\"<>]+")) {
            return u;
        }
        if (u.matches("(?i)www\\.[a-z0-9.-]+\\.[a-z]{2,}(/[^\\s\"<>]*)?")) {
            return "https://" + u;
        }
        return "";
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
