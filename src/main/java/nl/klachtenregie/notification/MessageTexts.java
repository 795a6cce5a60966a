package nl.klachtenregie.notification;

import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.DueTerm;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * The words of the e-mails, from the {@code mail} bundle (Dutch: the tenants write to their clients in Dutch) and the
 * obligation labels of the {@code cases} bundle. Every text is plain: what the complainant typed is never markup.
 */
@Singleton
class MessageTexts {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    /** The terms a complainant is promised something by; the others are the organisation's internal duties. */
    static final List<String> COMPLAINANT_TERMS = List.of("CONTACT", "PROGRESS_UPDATE", "MEETING", "DECIDE",
            "COMMUNICATE_SOLUTION");

    record Text(String subject, String body) {
    }

    private final List<MessageSource> sources = List.of(new ResourceBundleMessageSource("i18n.mail", DUTCH),
            new ResourceBundleMessageSource("i18n.cases", DUTCH));

    String t(String key, Object... args) {
        String pattern = raw(key).orElse(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), DUTCH).format(args);
    }

    private Optional<String> raw(String key) {
        MessageSource.MessageContext context = MessageSource.MessageContext.of(DUTCH);
        for (MessageSource s : sources) {
            Optional<String> found = s.getRawMessage(key, context);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(LONG);
    }

    String termLabel(String code) {
        return raw("obligation." + code).orElseGet(() -> {
            String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        });
    }

    String categoryName(TenantProfile profile, String code) {
        return profile.categories().stream().filter(c -> c.code().equals(code)).map(TenantProfile.Category::name)
                .findFirst().orElse(code);
    }

    String roleOf(TenantProfile profile, String level) {
        return profile.escalationLadder().stream().filter(l -> l.code().equals(level))
                .map(l -> l.holder().isEmpty() ? l.role() : l.role() + " (" + l.holder() + ")").findFirst()
                .orElse(level == null || level.isEmpty() ? "-" : level);
    }

    Text acknowledgement(TenantProfile profile, CaseView c, String statusUrl, LocalDate linkValidUntil) {
        StringBuilder b = new StringBuilder();
        String name = c.complainant().name();
        b.append(name == null ? t("mail.greetingAnonymous") : t("mail.greeting", name)).append("\n\n");
        b.append(t("mail.ack.received", date(c.receivedOn()), c.reference())).append("\n");
        b.append(t("mail.ack.procedure", profile.name())).append("\n\n");
        List<String> promises = c.obligations().stream()
                .filter(o -> COMPLAINANT_TERMS.contains(o.code()) || !o.label().isBlank())
                .filter(o -> o.status() == ObligationStatus.OPEN || o.status() == ObligationStatus.OVERDUE)
                // The standard promises in the product's words, a tenant's own duty in its regulation's words.
                .map(o -> COMPLAINANT_TERMS.contains(o.code())
                        ? (o.dueOn() == null ? t("mail.termNoDate." + o.code()) : t("mail.term." + o.code(),
                        date(o.dueOn())))
                        : (o.dueOn() == null ? t("mail.termNoDate.own", o.label()) : t("mail.term.own",
                        date(o.dueOn()), o.label())))
                .distinct().toList();
        if (!promises.isEmpty()) {
            b.append(t("mail.ack.next")).append("\n");
            promises.forEach(p -> b.append("- ").append(p).append("\n"));
            b.append("\n");
        }
        if (statusUrl != null) {
            b.append(t("mail.ack.status", date(linkValidUntil))).append("\n").append(statusUrl).append("\n");
            b.append(t("mail.ack.private")).append("\n\n");
        }
        List<TenantProfile.ExternalBody> bodies = profile.externalBodies();
        if (!bodies.isEmpty()) {
            b.append(t("mail.ack.alternative")).append("\n");
            for (TenantProfile.ExternalBody e : bodies) {
                b.append("- ").append(e.name());
                for (String part : List.of(e.address(), e.email(), e.url())) {
                    if (!part.isBlank()) {
                        b.append(", ").append(part);
                    }
                }
                b.append("\n");
            }
            b.append("\n");
        }
        b.append(t("mail.closing")).append("\n").append(profile.name()).append("\n");
        TenantProfile.Contact contact = profile.contact();
        for (String part : List.of(contact.address(), contact.phone(), contact.email(), contact.website())) {
            if (!part.isBlank()) {
                b.append(part).append("\n");
            }
        }
        b.append("\n").append(t("mail.automatic")).append("\n");
        return new Text(t("mail.ack.subject", c.reference()) + " - " + profile.name(), b.toString());
    }

    Text newComplaint(TenantProfile profile, CaseView c, String caseUrl) {
        String body = t("mail.new.body", t("mail.kind." + c.kind().name()), c.reference(),
                categoryName(profile, c.category()), date(c.receivedOn())) + "\n" + caseUrl + "\n\n"
                + t("mail.staffAutomatic") + "\n";
        return new Text(t("mail.new.subject", c.reference()), body);
    }

    Text reminder(TenantProfile profile, DueTerm term, LocalDate today, String caseUrl, boolean fallback) {
        String label = termLabel(term.code());
        StringBuilder b = new StringBuilder();
        b.append(t("mail.reminder.body", label, term.reference(), date(term.dueOn()),
                java.time.temporal.ChronoUnit.DAYS.between(today, term.dueOn()))).append("\n");
        if (term.basis() != null && !term.basis().isBlank()) {
            b.append(t("mail.reminder.basis", term.basis())).append("\n");
        }
        if (fallback) {
            b.append("\n").append(t("mail.reminder.fallback")).append("\n");
        }
        b.append("\n").append(t("mail.link", caseUrl)).append("\n\n").append(t("mail.staffAutomatic")).append("\n");
        return new Text(t("mail.reminder.subject", label, term.reference(), date(term.dueOn())), b.toString());
    }

    Text missedTerm(TenantProfile profile, DueTerm term, String handlerName, String caseUrl) {
        String label = termLabel(term.code());
        StringBuilder b = new StringBuilder();
        b.append(t("mail.missed.body", label, term.reference(), date(term.dueOn()))).append("\n");
        if (term.basis() != null && !term.basis().isBlank()) {
            b.append(t("mail.reminder.basis", term.basis())).append("\n");
        }
        String next = profile.escalationLevelAbove(term.escalationLevel());
        b.append(t("mail.missed.level", roleOf(profile, term.escalationLevel()),
                next.isEmpty() ? t("mail.missed.asManagement") : roleOf(profile, next))).append("\n");
        b.append(handlerName == null ? t("mail.missed.noHandler") : t("mail.missed.handler", handlerName)).append("\n");
        b.append("\n").append(t("mail.link", caseUrl)).append("\n\n").append(t("mail.staffAutomatic")).append("\n");
        return new Text(t("mail.missed.subject", label, term.reference(), date(term.dueOn())), b.toString());
    }

    Text managementNotice(TenantProfile profile, DueTerm duty, String caseUrl) {
        StringBuilder b = new StringBuilder();
        b.append(t("mail.management.body", duty.reference() + " (" + t("mail.kind." + duty.kind().name()) + ")",
                categoryName(profile, duty.category()), date(duty.receivedOn()))).append("\n");
        if (duty.basis() != null && !duty.basis().isBlank()) {
            b.append(t("mail.reminder.basis", duty.basis())).append("\n");
        }
        b.append("\n").append(t("mail.link", caseUrl)).append("\n\n").append(t("mail.staffAutomatic")).append("\n");
        return new Text(t("mail.management.subject", duty.reference()), b.toString());
    }

    Text platformUserCreated(TenantProfile profile, String actor, LocalDate on, String displayName, String username,
                             String roleName, String usersUrl) {
        String body = t("mail.platformUser.body", actor, date(on), profile.name(), displayName, username, roleName)
                + "\n\n" + t("mail.platformUser.check") + "\n\n" + t("mail.platformUser.link", usersUrl) + "\n\n"
                + t("mail.staffAutomatic") + "\n";
        return new Text(t("mail.platformUser.subject", roleName, profile.name()), body);
    }
}
