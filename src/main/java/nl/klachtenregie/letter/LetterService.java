package nl.klachtenregie.letter;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.CaseStatus;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;

/**
 * Brieven: letters to the complainant, generated from the tenant's template (or the default one) with the case's
 * data, kept as XHTML and PDF exactly as issued. Every call names its tenant; another tenant's case or letter is
 * not found.
 */
@Singleton
public class LetterService {

    /** Briefsjabloon in het overzicht: whether the tenant uses its own template of this kind or the default. */
    public record TemplateInfo(LetterKind kind, boolean own, String subject) {
    }

    /** Briefsjabloon to edit: the tenant's own, or else the default as a starting point. */
    public record EditableTemplate(LetterKind kind, boolean own, String subject, String body) {
    }

    /** Voorbeeld: a template rendered for the sample case, as the complainant would get it (XHTML). */
    public record Preview(String subject, String xhtml) {
    }

    /** The longest template body accepted: far beyond any real letter, short of filling the database. */
    public static final int MAX_TEMPLATE_LENGTH = 100_000;

    private final ComplaintService complaints;
    private final UserDirectory users;
    private final LetterStore store;
    private final LetterRenderer renderer;
    private final Clock clock;
    private final AuditLog audit;
    private final nl.klachtenregie.complaint.CaseVisibility visibility;
    private final nl.klachtenregie.audit.CaseReads reads;

    LetterService(ComplaintService complaints, UserDirectory users, LetterStore store, LetterRenderer renderer,
                  Clock clock, AuditLog audit, nl.klachtenregie.complaint.CaseVisibility visibility,
                  nl.klachtenregie.audit.CaseReads reads) {
        this.audit = audit;
        this.visibility = visibility;
        this.reads = reads;
        this.complaints = complaints;
        this.users = users;
        this.store = store;
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * The kinds that make sense for the case now: acknowledgement and progress while it is not closed; extension,
     * decision and not-admissible once the timeline holds the event the letter reports.
     */
    public List<LetterKind> available(Tenant tenant, CaseView c) {
        Objects.requireNonNull(tenant, "tenant");
        List<LetterKind> kinds = new ArrayList<>();
        if (c.status() != CaseStatus.CLOSED) {
            kinds.add(LetterKind.ACKNOWLEDGEMENT);
            kinds.add(LetterKind.PROGRESS);
        }
        if (has(c, EventType.EXTENSION_ANNOUNCED)) {
            kinds.add(LetterKind.EXTENSION);
        }
        if (has(c, EventType.DECIDED)) {
            kinds.add(LetterKind.DECISION);
        }
        if (has(c, EventType.DECLARED_NOT_ADMISSIBLE)) {
            kinds.add(LetterKind.NOT_ADMISSIBLE);
        }
        return List.copyOf(kinds);
    }

    /**
     * Generates the letter, stores it and returns its summary. Dated today (the case-date clock).
     *
     * @param issuedBy the user who issues it (a user of this tenant), or null for the system
     * @throws NotFoundException when the case is not the tenant's
     * @throws RefusedException  when the kind does not fit the case now, or the tenant's template is unusable
     */
    public LetterSummary issue(Tenant tenant, ComplaintId id, LetterKind kind, UserId issuedBy) {
        return issue(tenant, nl.klachtenregie.complaint.Viewer.SYSTEM, id, kind, issuedBy);
    }

    /**
     * {@link #issue(Tenant, ComplaintId, LetterKind, UserId)} for a person: a case they may not see does not exist
     * for them (need-to-know, issue 16), and generating the letter is a read of the case in the inzagelog.
     */
    public LetterSummary issue(Tenant tenant, nl.klachtenregie.complaint.Viewer viewer, ComplaintId id, LetterKind kind,
                               UserId issuedBy) {
        Objects.requireNonNull(kind, "kind");
        CaseView c = complaints.get(tenant, viewer, id, null);
        if (!viewer.system()) {
            reads.record(tenant.id(), viewer.userId(), c.id(), nl.klachtenregie.audit.CaseReads.What.LETTER);
        }
        if (!available(tenant, c).contains(kind)) {
            throw new RefusedException(notAvailable(c, kind));
        }
        String issuer = "";
        if (issuedBy != null) {
            issuer = users.find(tenant.id(), issuedBy).map(UserAccount::displayName).orElseThrow(() ->
                    new IllegalArgumentException("user " + issuedBy.value() + " is not a user of " + tenant.slug()));
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> model = LetterModel.of(c, tenant.profile(), kind, today, issuer);
        LetterRenderer.Rendered letter;
        try {
            LetterTemplate template = store.template(tenant.id(), kind).orElseGet(() -> renderer.defaultTemplate(kind));
            letter = renderer.render(template, model);
        } catch (LetterTemplateException e) {
            throw new RefusedException(Text.of("letter.template.ownUnusable", word(kind), Text.plain(e.getMessage())));
        }
        // rendering the PDF takes a moment; the case was read in its own transaction and the insert has its own
        byte[] pdf = renderer.pdf(letter);
        LetterId letterId = store.insert(tenant.id(), c.id(), kind, letter.subject(), letter.xhtml(), pdf, today,
                issuedBy);
        return store.summary(tenant.id(), letterId).orElseThrow();
    }

    /** The case's letters, oldest first; none for another tenant's case. */
    public List<LetterSummary> ofCase(Tenant tenant, ComplaintId id) {
        return store.ofCase(tenant.id(), id.value());
    }

    /** The letter as issued, as a PDF named after the case and the kind; empty when it is not this case's. */
    public Optional<LetterPdf> pdf(Tenant tenant, nl.klachtenregie.complaint.Viewer viewer, ComplaintId id,
                                   LetterId letter) {
        if (!visibility.sees(tenant.id(), viewer, id.value())) {
            return Optional.empty();
        }
        Optional<LetterPdf> pdf = pdf(tenant, id, letter);
        if (pdf.isPresent() && !viewer.system()) {
            reads.record(tenant.id(), viewer.userId(), id.value(), nl.klachtenregie.audit.CaseReads.What.LETTER);
        }
        return pdf;
    }

    /** The letter as issued, whoever asks (the system); people go through the viewer's overload. */
    public Optional<LetterPdf> pdf(Tenant tenant, ComplaintId id, LetterId letter) {
        return store.pdf(tenant.id(), id.value(), letter)
                .map(p -> new LetterPdf(p.reference() + "-" + p.kind().fileWord() + ".pdf", p.pdf()));
    }

    /** Every letter kind with whether the tenant has its own template of it. */
    public List<TemplateInfo> templates(Tenant tenant) {
        Set<LetterKind> own = store.ownTemplates(tenant.id());
        return Arrays.stream(LetterKind.values()).map(kind -> new TemplateInfo(kind, own.contains(kind),
                current(tenant, kind).subject())).toList();
    }

    /** The template of this kind the tenant's letters use now: its own, else the default. */
    public EditableTemplate template(Tenant tenant, LetterKind kind) {
        Optional<LetterTemplate> own = ownTemplate(tenant, kind);
        LetterTemplate t = own.orElseGet(() -> renderer.defaultTemplate(kind));
        return new EditableTemplate(kind, own.isPresent(), t.subject(), t.body());
    }

    /**
     * Renders the template for a sample case of the tenant (today's date, the tenant's ladder and bodies) without
     * storing anything.
     *
     * @throws RefusedException when the template cannot be used, with what is wrong and where (line, column)
     */
    public Preview preview(Tenant tenant, LetterKind kind, String subject, String body) {
        LetterRenderer.Rendered r = tryOut(tenant, kind, subject, body);
        return new Preview(r.subject(), r.xhtml());
    }

    /**
     * Stores the tenant's own template of this kind, after it compiled and rendered the sample case, and writes
     * the change to the tenant's log.
     *
     * @param actor the administrator's user name
     * @throws RefusedException as {@link #preview}; nothing is stored
     */
    @Transactional
    public void saveTemplate(Tenant tenant, LetterKind kind, String subject, String body, String actor) {
        tryOut(tenant, kind, subject, body);
        boolean had = ownTemplate(tenant, kind).isPresent();
        LetterTemplate template = new LetterTemplate(subject.strip(), body);
        store.saveTemplate(tenant.id(), kind, template);
        audit.record(tenant.id(), actor, "LETTER_TEMPLATE_SAVED", kind.name(), (had ? "Eigen sjabloon gewijzigd"
                : "Eigen sjabloon in plaats van het standaardsjabloon") + "\nOnderwerp: " + template.subject()
                + "\n\n" + template.body());
    }

    /**
     * Removes the tenant's own template of this kind, so that its letters use the default again.
     *
     * @return false when the tenant had none (nothing changed, nothing logged)
     */
    @Transactional
    public boolean resetTemplate(Tenant tenant, LetterKind kind, String actor) {
        boolean removed = store.removeTemplate(tenant.id(), kind);
        if (removed) {
            audit.record(tenant.id(), actor, "LETTER_TEMPLATE_RESET", kind.name(),
                    "Eigen sjabloon verwijderd; de brieven gebruiken weer het standaardsjabloon");
        }
        return removed;
    }

    private LetterRenderer.Rendered tryOut(Tenant tenant, LetterKind kind, String subject, String body) {
        Objects.requireNonNull(kind, "kind");
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body;
        if (b.length() > MAX_TEMPLATE_LENGTH) {
            throw new RefusedException(Text.of("letter.template.tooLong", String.valueOf(MAX_TEMPLATE_LENGTH)));
        }
        try {
            LetterTemplate template = new LetterTemplate(s, b);
            renderer.checkForEditing(template);
            LocalDate today = LocalDate.now(clock);
            CaseView sample = LetterSamples.sample(tenant.profile(), kind, today);
            return renderer.render(template, LetterModel.of(sample, tenant.profile(), kind, today,
                    "M. Voorbeeld"));
        } catch (IllegalArgumentException | LetterTemplateException e) {
            Text why = e instanceof Text.Carrier carrier ? carrier.text() : Text.plain(e.getMessage());
            throw new RefusedException(Text.of("letter.template.unusable", why));
        }
    }

    private LetterTemplate current(Tenant tenant, LetterKind kind) {
        return ownTemplate(tenant, kind).orElseGet(() -> renderer.defaultTemplate(kind));
    }

    private Optional<LetterTemplate> ownTemplate(Tenant tenant, LetterKind kind) {
        try {
            return store.template(tenant.id(), kind);
        } catch (LetterTemplateException e) {
            // A stored template that no longer passes today's checks cannot be shown as usable: the default is the
            // starting point, and saving replaces the stored one.
            return Optional.empty();
        }
    }

    private static boolean has(CaseView c, EventType type) {
        return c.events().stream().anyMatch(e -> e.type() == type);
    }

    private static Text notAvailable(CaseView c, LetterKind kind) {
        String reference = String.valueOf(c.reference());
        return switch (kind) {
            case ACKNOWLEDGEMENT, PROGRESS -> Text.of("letter.unavailable.closed", reference, word(kind));
            case EXTENSION -> Text.of("letter.unavailable.extension", reference);
            case DECISION -> Text.of("letter.unavailable.decision", reference);
            case NOT_ADMISSIBLE -> Text.of("letter.unavailable.notAdmissible", reference);
        };
    }

    /** The kind's own word ("ontvangstbevestiging"), in the reader's language. */
    private static Text word(LetterKind kind) {
        return Text.of("letter.word." + kind.name());
    }
}
