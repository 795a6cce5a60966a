package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;

/**
 * Toegang: the handler or a leidinggevende adds a user by name to a confidential case, or removes them (issue 16).
 * A case the user may not see is a 404 here too.
 */
@Controller("/t/{tenant}/klachten/{id}/toegang")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"STAFF", "MANAGER"})
@CsrfProtected
class CaseAccessController {

    private final TenantDirectory tenants;
    private final ComplaintService complaints;
    private final CaseAccessPages access;

    CaseAccessController(TenantDirectory tenants, ComplaintService complaints, CaseAccessPages access) {
        this.tenants = tenants;
        this.complaints = complaints;
        this.access = access;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@PathVariable String tenant, @PathVariable String id, @Nullable @Body Map<String, String> form,
                        Authentication auth) {
        Tenant t = tenants.resolve(tenant);
        CurrentUser me = CurrentUser.of(auth);
        ComplaintId caseId = ComplaintId.parse(id);
        CaseView c = complaints.get(t, access.viewer(t, me), caseId, null);
        access.grant(t, me, caseId, CasePagesController.userId(form == null ? null : form.get("user")), c);
        return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/klachten/" + caseId.value() + "#access"));
    }

    @Post("/{user}/intrekken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@PathVariable String tenant, @PathVariable String id, @PathVariable String user,
                           @Nullable @Body Map<String, String> form, Authentication auth) {
        Tenant t = tenants.resolve(tenant);
        CurrentUser me = CurrentUser.of(auth);
        ComplaintId caseId = ComplaintId.parse(id);
        CaseView c = complaints.get(t, access.viewer(t, me), caseId, null);
        access.revoke(t, me, caseId, CasePagesController.userId(user), c);
        return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/klachten/" + caseId.value() + "#access"));
    }
}
