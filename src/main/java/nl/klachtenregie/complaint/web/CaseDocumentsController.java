package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.Attachments;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.DocumentRefusedException;
import nl.klachtenregie.complaint.Notes;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.LayoutModelProcessor;

/**
 * The case page's Notities and Documenten: add a note, upload a document, download one. Through the same use cases
 * as the API; a refused note or upload shows the case again with the message and what was typed.
 */
@Controller("/t/{tenant}/klachten/{id}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"STAFF", "MANAGER", "COMPLIANCE"})
@CsrfProtected
class CaseDocumentsController {

    /** The note form. */
    @io.micronaut.serde.annotation.Serdeable
    record NoteForm(@Nullable String text, @Nullable String explainsLateness, @Nullable String csrfToken)
            implements nl.klachtenregie.web.CsrfForm {
    }

    private final TenantDirectory tenants;
    private final Notes notes;
    private final Attachments attachments;
    private final CasePageService pages;
    private final CaseDossierModels dossiers;
    @jakarta.inject.Inject
    CaseAccessPages access;
    @jakarta.inject.Inject
    nl.klachtenregie.audit.CaseReads reads;

    CaseDocumentsController(TenantDirectory tenants, Notes notes, Attachments attachments, CasePageService pages,
                            CaseDossierModels dossiers) {
        this.tenants = tenants;
        this.notes = notes;
        this.attachments = attachments;
        this.pages = pages;
        this.dossiers = dossiers;
    }

    @Post("/notities")
    @Secured({"STAFF", "MANAGER"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addNote(@PathVariable String tenant, @PathVariable String id, @Body NoteForm form,
                            Authentication auth, HttpRequest<?> request) {
        Tenant t = tenants.resolve(tenant);
        ComplaintId caseId = ComplaintId.parse(id);
        CurrentUser me = CurrentUser.of(auth);
        boolean explains = form.explainsLateness() != null && !form.explainsLateness().isBlank();
        try {
            notes.add(t, access.viewer(t, me), caseId, form.text(), explains, me.id());
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/klachten/" + caseId.value() + "#notes"));
        } catch (InvalidInputException e) {
            return again(HttpStatus.BAD_REQUEST, t, caseId, me, List.of(), e.fieldErrors(
                    LayoutModelProcessor.locale(request)), new CaseDossierModels.Draft(form.text(), explains, null, null));
        }
    }

    @Post(value = "/documenten", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"STAFF", "MANAGER"})
    HttpResponse<?> upload(@PathVariable String tenant, @PathVariable String id, @Nullable CompletedFileUpload file,
                           @Nullable String kind, @Nullable String description, @Nullable String csrfToken,
                           Authentication auth, HttpRequest<?> request) throws IOException {
        Tenant t = tenants.resolve(tenant);
        ComplaintId caseId = ComplaintId.parse(id);
        CurrentUser me = CurrentUser.of(auth);
        CaseDossierModels.Draft draft = new CaseDossierModels.Draft(null, false, kind, description);
        // A browser sends an empty part when no file was chosen.
        boolean chosen = file != null && file.getFilename() != null && !file.getFilename().isBlank();
        try {
            attachments.upload(t, access.viewer(t, me), caseId, new Attachments.Upload(chosen ? file.getFilename() : null,
                    chosen ? file.getBytes() : null, kind, description), me.id());
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/klachten/" + caseId.value() + "#documents"));
        } catch (InvalidInputException e) {
            return again(HttpStatus.BAD_REQUEST, t, caseId, me, List.of(),
                    e.fieldErrors(LayoutModelProcessor.locale(request)), draft);
        } catch (DocumentRefusedException e) {
            return again(e.reason() == DocumentRefusedException.Reason.TOO_LARGE ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
                    : HttpStatus.UNSUPPORTED_MEDIA_TYPE, t, caseId, me,
                    List.of(e.text().in(LayoutModelProcessor.locale(request))), Map.of(), draft);
        }
    }

    @Get("/documenten/{attachmentId}")
    @Produces(MediaType.ALL)
    HttpResponse<byte[]> download(@PathVariable String tenant, @PathVariable String id,
                                  @PathVariable String attachmentId, Authentication auth) {
        Tenant t = tenants.resolve(tenant);
        CurrentUser me = CurrentUser.of(auth);
        ComplaintId caseId = ComplaintId.parse(id);
        HttpResponse<byte[]> response = DocumentDownloads.response(attachments.download(t, access.viewer(t, me),
                caseId, DocumentDownloads.attachmentId(attachmentId)));
        // NEN 7513: a document of the case read is a read of the case
        reads.record(t.id(), me.id().value(), caseId.value(), nl.klachtenregie.audit.CaseReads.What.ATTACHMENT);
        return response;
    }

    private HttpResponse<?> again(HttpStatus status, Tenant t, ComplaintId caseId, CurrentUser me, List<String> refused,
                                  Map<String, String> errors, CaseDossierModels.Draft draft) {
        CasePageModels.DetailPage page = pages.detailAfterFailure(t.slug(), caseId, me, refused, null, errors, null)
                .withDossier(dossiers.of(t, access.viewer(t, me), caseId.value(), me.handlesCases(), draft));
        return HttpResponse.status(status).body(new ModelAndView<>("case", page));
    }
}
