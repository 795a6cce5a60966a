package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Validator;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.shared.EmailAddress;
import nl.klachtenregie.web.FieldErrors;

/** The intake as posted: strings first, so that every bad value gets its own clear message. */
@Serdeable
record ComplaintForm(@Nullable String kind, @Nullable String channel, @Nullable String receivedOn,
                     @Nullable String incidentOn, @Nullable ComplainantForm complainant, @Nullable String summary,
                     @Nullable String category, @Nullable String serviceLine, @Nullable String concernsEmployee,
                     @Nullable Object unwantedBehaviour, @Nullable Object confidential,
                     @Nullable Object officialRequested, @Nullable String escalationLevel,
                     @Nullable Object concernsStaffId) {

    /** The intake without a pick from the personeelsoverzicht. */
    ComplaintForm(@Nullable String kind, @Nullable String channel, @Nullable String receivedOn,
                  @Nullable String incidentOn, @Nullable ComplainantForm complainant, @Nullable String summary,
                  @Nullable String category, @Nullable String serviceLine, @Nullable String concernsEmployee,
                  @Nullable Object unwantedBehaviour, @Nullable Object confidential,
                  @Nullable Object officialRequested, @Nullable String escalationLevel) {
        this(kind, channel, receivedOn, incidentOn, complainant, summary, category, serviceLine, concernsEmployee,
                unwantedBehaviour, confidential, officialRequested, escalationLevel, null);
    }

    /** What follows the address as typed in the error of an address that breaks the product's e-mail rule. */
    static final String EMAIL_INVALID = "is geen geldig e-mailadres";

    /** Klager as posted; the address must be one the outbox can send to. */
    @Serdeable
    @Introspected
    record ComplainantForm(@Nullable String name, @Nullable String role,
                           @Nullable @EmailAddress(message = EMAIL_INVALID) String email,
                           @Nullable String phone, @Nullable String address, @Nullable String place) {
    }

    /**
     * The complaint this form describes, or every field error at once. {@code validator} checks the field
     * annotations (the e-mail rule); the other checks are the conversion's own.
     */
    NewComplaint toNewComplaint(Validator validator) {
        FieldErrors errors = new FieldErrors();
        ComplaintKind k = errors.requiredEnum("kind", kind, ComplaintKind.class);
        Channel ch = errors.requiredEnum("channel", channel, Channel.class);
        var received = errors.requiredDate("receivedOn", receivedOn);
        var incident = errors.optionalDate("incidentOn", incidentOn);
        Complainant who = null;
        if (complainant == null) {
            errors.add("complainant", "verplicht (name, role, email, phone, address)");
        } else {
            ComplainantRole role = errors.requiredEnum("complainant.role", complainant.role(), ComplainantRole.class);
            String name = errors.optionalText("complainant.name", complainant.name(), 255);
            String email = errors.optionalText("complainant.email", complainant.email(), 255);
            if (email != null) {
                // The message names the address as typed (without surrounding blanks), as it always did.
                validator.validateProperty(complainant, "email").forEach(v ->
                        errors.add("complainant.email", "'" + email + "' " + v.getMessage()));
            }
            String phone = errors.optionalText("complainant.phone", complainant.phone(), 64);
            String address = errors.optionalText("complainant.address", complainant.address(), 500);
            String place = errors.optionalText("complainant.place", complainant.place(), 255);
            if (role != null) {
                who = new Complainant(name, role, email, phone, address, place);
            }
        }
        String text = errors.requiredText("summary", summary, 10_000);
        String cat = errors.requiredText("category", category, 64);
        String line = errors.optionalText("serviceLine", serviceLine, 64);
        String employee = errors.optionalText("concernsEmployee", concernsEmployee, 255);
        Boolean unwanted = errors.optionalBoolean("unwantedBehaviour", unwantedBehaviour);
        Boolean secret = errors.optionalBoolean("confidential", confidential);
        Boolean official = errors.optionalBoolean("officialRequested", officialRequested);
        String level = errors.optionalText("escalationLevel", escalationLevel, 32);
        Long staffId = staffId(errors);
        errors.throwIfAny();
        // A pick from the personeelsoverzicht names the person; the service puts the entry's name in.
        return new NewComplaint(k, ch, received, incident, who, text, cat, line, staffId == null ? employee : null,
                Boolean.TRUE.equals(unwanted), Boolean.TRUE.equals(secret), Boolean.TRUE.equals(official), level,
                staffId);
    }

    /** "Betreft medewerker" from the personeelsoverzicht: the entry's number, as JSON number or text; blank for none. */
    private Long staffId(FieldErrors errors) {
        if (concernsStaffId == null || concernsStaffId.toString().isBlank()) {
            return null;
        }
        try {
            long id = concernsStaffId instanceof Number n && !(concernsStaffId instanceof Double)
                    ? n.longValue() : Long.parseLong(concernsStaffId.toString().strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add("concernsStaffId", "kies een medewerker uit het personeelsoverzicht");
        return null;
    }
}
