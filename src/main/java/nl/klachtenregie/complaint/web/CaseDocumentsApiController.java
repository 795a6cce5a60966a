package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import nl.klachtenregie.complaint.Attachment;
import nl.klachtenregie.complaint.Attachments;
import nl.klachtenregie.complaint.CaseNote;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.Notes;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;

/**
 * Notes and documents of a case in the JSON API. Reading: handlers and the quality manager; adding: handlers (as for
 * recording an event). The tenant in the path is the user's own (TenantAccessRule).
 */
@Controller("/api/tenants/{tenant}/complaints/{id}")
@Secured({"STAFF", "MANAGER", "COMPLIANCE"})
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class CaseDocumentsApiController {

    /** A note: its text, and whether it is the explanation of a missed term. */
    @Serdeable
    record NoteForm(@Nullable String text, @Nullable Boolean explainsLateness) {
    }

    private final TenantDirectory tenants;
    private final Notes notes;
    private final Attachments attachments;

    @jakarta.inject.Inject
    CaseAccessPages access;
    @jakarta.inject.Inject
    nl.klachtenregie.audit.CaseReads reads;

    CaseDocumentsApiController(TenantDirectory tenants, Notes notes, Attachments attachments) {
        this.tenants = tenants;
        this.notes = notes;
        this.attachments = attachments;
    }

    @Post("/notes")
    @Secured({"STAFF", "MANAGER"})
    HttpResponse<CaseNote> addNote(@PathVariable String tenant, @PathVariable String id, @Nullable @Body NoteForm form,
                                   Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        ComplaintId caseId = ComplaintId.parse(id);
        if (form == null) {
            throw InvalidInputException.of("text", Text.of("notes.text.required"));
        }
        CurrentUser me = CurrentUser.of(authentication);
        CaseNote note = notes.add(t, access.viewer(t, me), caseId, form.text(),
                Boolean.TRUE.equals(form.explainsLateness()), me.id());
        return HttpResponse.created(note, URI.create("/api/tenants/" + t.slug() + "/complaints/" + caseId.value()
                + "/notes"));
    }

    @Get("/notes")
    List<CaseNote> notes(@PathVariable String tenant, @PathVariable String id, Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        return notes.list(t, access.viewer(t, CurrentUser.of(authentication)), ComplaintId.parse(id));
    }

    @Post(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"STAFF", "MANAGER"})
    HttpResponse<Attachment> upload(@PathVariable String tenant, @PathVariable String id,
                                    @Nullable CompletedFileUpload file, @Nullable String kind,
                                    @Nullable String description, Authentication authentication) throws IOException {
        Tenant t = tenants.resolve(tenant);
        ComplaintId caseId = ComplaintId.parse(id);
        Attachment a = attachments.upload(t, access.viewer(t, CurrentUser.of(authentication)), caseId,
                new Attachments.Upload(file == null ? null : file.getFilename(),
                file == null ? null : file.getBytes(), kind, description), CurrentUser.of(authentication).id());
        return HttpResponse.created(a, URI.create("/api/tenants/" + t.slug() + "/complaints/" + caseId.value()
                + "/attachments/" + a.id()));
    }

    @Get("/attachments")
    List<Attachment> attachments(@PathVariable String tenant, @PathVariable String id,
                                 Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        return attachments.list(t, access.viewer(t, CurrentUser.of(authentication)), ComplaintId.parse(id));
    }

    @Get("/attachments/{attachmentId}")
    @Produces(MediaType.ALL)
    HttpResponse<byte[]> download(@PathVariable String tenant, @PathVariable String id,
                                  @PathVariable String attachmentId, Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        CurrentUser me = CurrentUser.of(authentication);
        ComplaintId caseId = ComplaintId.parse(id);
        HttpResponse<byte[]> response = DocumentDownloads.response(attachments.download(t, access.viewer(t, me),
                caseId, DocumentDownloads.attachmentId(attachmentId)));
        // NEN 7513: a document of the case read is a read of the case
        reads.record(t.id(), me.id().value(), caseId.value(), nl.klachtenregie.audit.CaseReads.What.ATTACHMENT);
        return response;
    }
}
