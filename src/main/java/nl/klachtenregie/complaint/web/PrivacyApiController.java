package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.PrivacyState;
import nl.klachtenregie.complaint.Retention;
import nl.klachtenregie.complaint.SubjectAccess;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;

/**
 * JSON API for retention and the complainant's rights (AVG): a case's retention state and legal hold, and for the
 * kwaliteitsmanager (COMPLIANCE) finding a complainant's cases, the inzage export (art. 15) and the erasure request
 * (art. 17).
 */
@Controller("/api/tenants/{tenant}")
@Secured({"STAFF", "MANAGER", "COMPLIANCE"})
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class PrivacyApiController {

    @jakarta.inject.Inject
    nl.klachtenregie.complaint.CaseVisibility visibility;

    /** A legal hold's reason. */
    @Serdeable
    record HoldForm(@Nullable String reason) {
    }

    /** The cases a request is about. */
    @Serdeable
    record CasesForm(@Nullable List<Long> complaintIds) {
    }

    private final TenantDirectory tenants;
    private final Retention retention;
    private final SubjectAccess subjectAccess;
    private final ComplaintService complaints;

    PrivacyApiController(TenantDirectory tenants, Retention retention, SubjectAccess subjectAccess,
                         ComplaintService complaints) {
        this.tenants = tenants;
        this.retention = retention;
        this.subjectAccess = subjectAccess;
        this.complaints = complaints;
    }

    @Get("/complaints/{id}/retention")
    PrivacyState state(@PathVariable String tenant, @PathVariable String id) {
        return retention.state(tenants.resolve(tenant), ComplaintId.parse(id));
    }

    @Put("/complaints/{id}/legal-hold")
    @Secured({"MANAGER", "COMPLIANCE"})
    PrivacyState hold(@PathVariable String tenant, @PathVariable String id, @Nullable @Body HoldForm form,
                      Authentication auth) {
        Tenant t = tenants.resolve(tenant);
        return retention.setLegalHold(t, ComplaintId.parse(id), form == null ? null : form.reason(),
                CurrentUser.of(auth).username(), complaints.today());
    }

    @Delete("/complaints/{id}/legal-hold")
    @Secured({"MANAGER", "COMPLIANCE"})
    PrivacyState lift(@PathVariable String tenant, @PathVariable String id, Authentication auth) {
        return retention.liftLegalHold(tenants.resolve(tenant), ComplaintId.parse(id),
                CurrentUser.of(auth).username());
    }

    @Get("/privacy/cases")
    @Secured("COMPLIANCE")
    List<Retention.SubjectCase> find(@PathVariable String tenant, @Nullable @QueryValue String email,
                                     @Nullable @QueryValue String name) {
        return retention.findByComplainant(tenants.resolve(tenant), email, name);
    }

    @Post("/privacy/subject-access")
    @Secured("COMPLIANCE")
    @Produces("application/zip")
    HttpResponse<byte[]> export(@PathVariable String tenant, @Nullable @Body CasesForm form, Authentication auth) {
        Tenant t = tenants.resolve(tenant);
        CurrentUser me = CurrentUser.of(auth);
        SubjectAccess.Export export = subjectAccess.export(t, visibility.viewer(t, me), ids(form), me.username());
        return HttpResponse.ok(export.zip()).contentType("application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post("/privacy/erasure")
    @Secured("COMPLIANCE")
    List<Retention.Erasure> erase(@PathVariable String tenant, @Nullable @Body CasesForm form, Authentication auth) {
        return retention.erase(tenants.resolve(tenant), ids(form), CurrentUser.of(auth).username());
    }

    private static List<Long> ids(CasesForm form) {
        if (form == null || form.complaintIds() == null || form.complaintIds().isEmpty()) {
            throw InvalidInputException.of("complaintIds", nl.klachtenregie.shared.Text.of("privacy.error.noCases"));
        }
        return form.complaintIds();
    }
}
