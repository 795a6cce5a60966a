package nl.klachtenregie.complaint.web;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseFilter;
import nl.klachtenregie.complaint.CaseMessages;
import nl.klachtenregie.complaint.ComplaintRegistered;
import nl.klachtenregie.complaint.Intake;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.CasePage;
import nl.klachtenregie.complaint.CaseStatus;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.WorkItem;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.FieldErrors;

/**
 * What the case pages ask of the application: resolves the tenant, calls the complaint service and turns the
 * result into the page's view model. Failures of a change are left to the controller, which re-shows the form.
 */
@Singleton
class CasePageService {

    private final TenantDirectory tenants;
    private final ComplaintService complaints;
    private final UserDirectory users;
    private final CasePageModels models;
    private final CaseLetters letters;
    private final nl.klachtenregie.regulation.RegulationCatalog regulations;
    private final CaseMessages messages;
    private final Intake intake;
    private final Validator validator;
    private final CorrectionPages correctionPages;
    @jakarta.inject.Inject
    CaseDossierModels dossiers;
    /** Where an imported case came from (issue 16, past complaints read in). */
    @jakarta.inject.Inject
    nl.klachtenregie.complaint.HistoricImport imports;
    private final CaseAccessPages access;

    CasePageService(TenantDirectory tenants, ComplaintService complaints, UserDirectory users, CasePageModels models,
                    CaseLetters letters, nl.klachtenregie.regulation.RegulationCatalog regulations,
                    CaseMessages messages, Intake intake, Validator validator, CorrectionPages correctionPages,
                    CaseAccessPages access) {
        this.correctionPages = correctionPages;
        this.access = access;
        this.validator = validator;
        this.regulations = regulations;
        this.messages = messages;
        this.intake = intake;
        this.tenants = tenants;
        this.complaints = complaints;
        this.users = users;
        this.models = models;
        this.letters = letters;
    }

    CasePageModels.WorkPage work(String slug, CurrentUser me) {
        Tenant t = tenants.resolve(slug);
        nl.klachtenregie.complaint.Viewer viewer = access.viewer(t, me);
        List<WorkItem> items = complaints.work(t, viewer, me.id(), null);
        // Closed cases need no handler any more.
        CasePage unassigned = complaints.page(t, viewer, new CaseFilter(null, null, complaints.today(), 20, 0, null, null,
                CaseFilter.UNASSIGNED, null, true));
        return models.work(t, items, unassigned);
    }

    CasePageModels.ListPage list(String slug, CasePageModels.ListQuery q, CurrentUser me) {
        Tenant t = tenants.resolve(slug);
        FieldErrors errors = new FieldErrors();
        CaseStatus status = errors.optionalEnum("status", q.status(), CaseStatus.class);
        ComplaintKind kind = errors.optionalEnum("kind", q.kind(), ComplaintKind.class);
        Boolean overdue = null;
        if (q.overdue() != null && !q.overdue().isBlank()) {
            if (q.overdue().equals("true") || q.overdue().equals("false")) {
                overdue = Boolean.valueOf(q.overdue());
            } else {
                errors.add("overdue", "gebruik true of false (niet '" + q.overdue() + "')");
            }
        }
        Long handler = null;
        if (q.handler() != null && !q.handler().isBlank()) {
            Object n = PageForms.number(q.handler());
            if (n instanceof Long l && l >= 0) {
                handler = l;
            } else {
                errors.add("handler", "'" + q.handler() + "' is geen behandelaar");
            }
        }
        int page = 1;
        if (q.page() != null && !q.page().isBlank()) {
            Object n = PageForms.number(q.page());
            if (n instanceof Long l && l >= 1 && l <= 100_000) {
                page = l.intValue();
            } else {
                errors.add("page", "'" + q.page() + "' is geen paginanummer");
            }
        }
        LocalDate from = errors.optionalDate("from", q.from());
        LocalDate to = errors.optionalDate("to", q.to());
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to", "de einddatum ligt voor de begindatum");
        }
        Channel channel = errors.optionalEnum("channel", q.channel(), Channel.class);
        // One regulation's cases ("-" the main one): the cases a dashboard KPI of that regulation counts.
        List<String> versions = q.regulation() == null || q.regulation().isBlank() ? null
                : regulations.versionNames(t.id(), "-".equals(q.regulation()) ? "" : q.regulation());
        errors.throwIfAny();
        CaseFilter filter = new CaseFilter(status, overdue, complaints.today(), CasePagesController.PAGE_SIZE,
                (page - 1) * CasePagesController.PAGE_SIZE, kind, q.category(), handler, q.q(), false, from, to,
                channel, q.serviceLine(), q.level(), q.late(), versions, q.employee());
        return models.list(t, complaints.page(t, access.viewer(t, me), filter), q, users.handlers(t.id()));
    }

    CasePageModels.IntakePage emptyIntake(String slug, CurrentUser me) {
        Tenant t = tenants.resolve(slug);
        String handler = me.handlesCases() ? String.valueOf(me.id().value()) : null;
        CaseForms.IntakeForm form = CaseForms.IntakeForm.empty(complaints.today().toString(), handler);
        return models.intake(t, form, Map.of(), List.of(), users.handlers(t.id()), complaints.today())
                .withStaff(access.staffOptions(t, form.concernsStaffId()));
    }

    CasePageModels.IntakePage intakeWithErrors(String slug, CaseForms.IntakeForm form, Map<String, String> errors,
                                               List<String> refused) {
        Tenant t = tenants.resolve(slug);
        return models.intake(t, form, errors, refused, users.handlers(t.id()), complaints.today())
                .withStaff(access.staffOptions(t, form.concernsStaffId()));
    }

    /**
     * Registers the complaint through {@link Intake}; when staff ask for the acknowledgement by e-mail, the listeners
     * queue it with a status link in the same transaction (a link only when the acknowledgement is queued, so no
     * unused links pile up). An address the outbox cannot send to is already a field error of the form (the one
     * e-mail rule); the listeners still refuse one, which registers nothing.
     */
    CaseView intake(String slug, CaseForms.IntakeForm form) {
        Tenant t = tenants.resolve(slug);
        if (form.acknowledgeChecked() && (form.complainantEmail() == null || form.complainantEmail().isBlank())) {
            // Ticked, but nobody to send it to: say so instead of registering and quietly sending nothing.
            throw InvalidInputException.of("complainant.email",
                    "vul het e-mailadres van de klager in om de ontvangstbevestiging te kunnen sturen");
        }
        UserId handler = CasePagesController.userId(form.handler());
        return intake.register(t, form.toComplaintForm().toNewComplaint(validator), handler, form.validSubmissionId(),
                ComplaintRegistered.Source.STAFF_PAGE, form.acknowledgeChecked());
    }

    CasePageModels.DetailPage detail(String slug, ComplaintId id, CurrentUser me) {
        return detailAfterFailure(slug, id, me, List.of(), null, Map.of(), null);
    }

    CasePageModels.DetailPage detailAfterFailure(String slug, ComplaintId id, CurrentUser me, List<String> refused,
                                                 String conflict, Map<String, String> errors,
                                                 CaseForms.ActionForm posted) {
        Tenant t = tenants.resolve(slug);
        nl.klachtenregie.complaint.Viewer viewer = access.viewer(t, me);
        CaseView c = complaints.get(t, viewer, id, null);
        access.logPage(t, me, c);
        // The person complained about is never offered as its handler (impartiality).
        List<UserAccount> handlers = access.impartialHandlers(t, c, users.handlers(t.id()));
        return models.detail(t, c, handlers, letters.options(t, c, me.handlesCases()), letters.issued(t, c), me.handlesCases(),
                refused, conflict, errors, posted, messages(t, c),
                me.roles().contains(nl.klachtenregie.security.Role.MANAGER)
                        || me.roles().contains(nl.klachtenregie.security.Role.COMPLIANCE),
                correctionPages.timeline(t, c), correctionPages.mayCorrect(me, c))
                .withDossier(dossiers.of(t, viewer, c.id(), me.handlesCases(), null))
                .withImported(imports.origin(t, id).map(ImportOrigin::of).orElse(null))
                .withAccess(access.section(t, c, me));
    }

    /** The outbox messages about the case, newest first like the outbox itself. */
    private List<CasePageModels.MessageRow> messages(Tenant t, CaseView c) {
        List<CasePageModels.MessageRow> rows = new java.util.ArrayList<>(messages.ofCase(t, c.id()).stream()
                .map(m -> new CasePageModels.MessageRow(m.id(), m.queuedOn(), m.kind(), m.recipient(), m.state()))
                .toList());
        java.util.Collections.reverse(rows);
        return rows;
    }

    void action(String slug, ComplaintId id, CaseForms.ActionForm form, CurrentUser me) {
        UserId by = me.id();
        Tenant t = tenants.resolve(slug);
        access.require(t, me, id);
        Integer version = PageForms.version(form.version());
        if (version == null) {
            throw InvalidInputException.of("version", "de pagina is verouderd; laad het dossier opnieuw");
        }
        EventForm event = form.toEventForm();
        complaints.recordEvent(t, id, event.toNewEvent(), version, by);
    }

    /** Vier ogen: confirms an extension recorded after its term ran out. */
    void confirm(String slug, ComplaintId id, int sequence, CurrentUser me) {
        Tenant t = tenants.resolve(slug);
        access.require(t, me, id);
        complaints.confirmLateEvent(t, id, sequence, me.id());
    }

    void assign(String slug, ComplaintId id, CaseForms.AssignForm form, CurrentUser me) {
        Tenant t = tenants.resolve(slug);
        access.require(t, me, id);
        Integer version = PageForms.version(form.version());
        if (version == null) {
            throw InvalidInputException.of("version", "de pagina is verouderd; laad het dossier opnieuw");
        }
        complaints.assign(t, id, CasePagesController.userId(form.handler()), version);
    }

    LocalDate today() {
        return complaints.today();
    }
}
