package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.PrivacyState;
import nl.klachtenregie.complaint.Retention;
import nl.klachtenregie.complaint.SubjectAccess;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.OwnTenant;

/**
 * Privacy (AVG): the kwaliteitsmanager's page for an inzageverzoek (art. 15) and an erasure request (art. 17) of one
 * complainant, and each case's Bewaring page (retention state, legal hold).
 */
@Controller("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"STAFF", "MANAGER", "COMPLIANCE"})
@CsrfProtected
class PrivacyPagesController {

    @jakarta.inject.Inject
    nl.klachtenregie.complaint.CaseVisibility visibility;

    /** The privacy page: the search, the cases found, and what an erasure request did. */
    record PrivacyPage(String tenant, String email, String name, boolean searched, List<Retention.SubjectCase> found,
                       List<Retention.Erasure> erased, Map<String, String> errors, int retentionYears) {
        public String nav() {
            return "privacy";
        }
    }

    /** A case's Bewaring page. */
    record RetentionPage(String tenant, PrivacyState state, boolean canHold, int retentionYears,
                         Map<String, String> errors, List<String> refused, String reason) {
        public String nav() {
            return "klachten";
        }
    }

    private final TenantDirectory tenants;
    private final Retention retention;
    private final SubjectAccess subjectAccess;
    private final ComplaintService complaints;

    PrivacyPagesController(TenantDirectory tenants, Retention retention, SubjectAccess subjectAccess,
                           ComplaintService complaints) {
        this.tenants = tenants;
        this.retention = retention;
        this.subjectAccess = subjectAccess;
        this.complaints = complaints;
    }

    @Get("/privacy")
    @Secured("COMPLIANCE")
    HttpResponse<?> privacy(@PathVariable String tenant, @Nullable @QueryValue String email,
                            @Nullable @QueryValue String name, Authentication auth, HttpRequest<?> request) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(auth));
        String e = email == null ? "" : email.strip();
        String n = name == null ? "" : name.strip();
        if (e.isEmpty() && n.isEmpty()) {
            return page(HttpStatus.OK, t, e, n, false, List.of(), List.of(), Map.of());
        }
        try {
            return page(HttpStatus.OK, t, e, n, true, retention.findByComplainant(t, e, n), List.of(), Map.of());
        } catch (InvalidInputException ex) {
            return page(HttpStatus.BAD_REQUEST, t, e, n, false, List.of(), List.of(),
                    ex.fieldErrors(LayoutModelProcessor.locale(request)));
        }
    }

    @Post("/privacy/inzage")
    @Secured("COMPLIANCE")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"application/zip", MediaType.TEXT_HTML})
    HttpResponse<?> export(@PathVariable String tenant, @Nullable @Body Map<String, Object> form, Authentication auth,
                           HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        try {
            SubjectAccess.Export export = subjectAccess.export(t, visibility.viewer(t, me), ids(form),
                    me.username());
            return HttpResponse.ok(export.zip()).contentType("application/zip")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (InvalidInputException ex) {
            return again(t, form, List.of(), ex.fieldErrors(LayoutModelProcessor.locale(request)));
        }
    }

    @Post("/privacy/wissen")
    @Secured("COMPLIANCE")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(@PathVariable String tenant, @Nullable @Body Map<String, Object> form, Authentication auth,
                          HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        try {
            List<Retention.Erasure> done = retention.erase(t, ids(form), me.username());
            return again(t, form, done, Map.of());
        } catch (InvalidInputException ex) {
            return again(t, form, List.of(), ex.fieldErrors(LayoutModelProcessor.locale(request)));
        }
    }

    @Get("/klachten/{id}/bewaring")
    ModelAndView<RetentionPage> retentionPage(@PathVariable String tenant, @PathVariable String id,
                                              Authentication auth) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        return new ModelAndView<>("case-retention", new RetentionPage(t.slug(),
                retention.state(t, ComplaintId.parse(id)), canHold(me),
                t.profile().retentionYearsAfterClosing(), Map.of(), List.of(), ""));
    }

    @Post("/klachten/{id}/bewaring")
    @Secured({"MANAGER", "COMPLIANCE"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> hold(@PathVariable String tenant, @PathVariable String id,
                         @Nullable @Body Map<String, Object> form, Authentication auth, HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        ComplaintId caseId = ComplaintId.parse(id);
        String action = value(form, "action");
        String reason = value(form, "reason");
        Locale locale = LayoutModelProcessor.locale(request);
        try {
            if ("lift".equals(action)) {
                retention.liftLegalHold(t, caseId, me.username());
            } else {
                retention.setLegalHold(t, caseId, reason, me.username(), complaints.today());
            }
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/klachten/" + caseId.value() + "/bewaring"));
        } catch (InvalidInputException ex) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("case-retention",
                    new RetentionPage(t.slug(), retention.state(t, caseId), true,
                            t.profile().retentionYearsAfterClosing(), ex.fieldErrors(locale), List.of(), reason)));
        } catch (RefusedException ex) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("case-retention",
                    new RetentionPage(t.slug(), retention.state(t, caseId), true,
                            t.profile().retentionYearsAfterClosing(), Map.of(), ex.reasons(locale), reason)));
        }
    }

    private static boolean canHold(CurrentUser me) {
        return me.has(Role.MANAGER) || me.has(Role.COMPLIANCE);
    }

    private HttpResponse<?> again(Tenant t, Map<String, Object> form, List<Retention.Erasure> done,
                                  Map<String, String> errors) {
        String e = value(form, "email");
        String n = value(form, "name");
        List<Retention.SubjectCase> found = e.isEmpty() && n.isEmpty() ? List.of()
                : retention.findByComplainant(t, e, n);
        return page(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, t, e, n, !found.isEmpty(), found,
                done, errors);
    }

    private static HttpResponse<?> page(HttpStatus status, Tenant t, String email, String name, boolean searched,
                                        List<Retention.SubjectCase> found, List<Retention.Erasure> erased,
                                        Map<String, String> errors) {
        return HttpResponse.status(status).body(new ModelAndView<>("privacy", new PrivacyPage(t.slug(), email, name,
                searched, found, erased, errors, t.profile().retentionYearsAfterClosing())));
    }

    /** The ticked cases: ids the page offered; anything else is no case of this tenant and is refused (404). */
    private static List<Long> ids(Map<String, Object> form) {
        List<Long> ids = new ArrayList<>();
        Object posted = form == null ? null : form.get("complaintIds");
        List<?> values = posted instanceof List<?> many ? many : posted == null ? List.of() : List.of(posted);
        for (Object v : values) {
            try {
                ids.add(Long.parseLong(String.valueOf(v).strip()));
            } catch (NumberFormatException ex) {
                throw InvalidInputException.of("complaintIds", nl.klachtenregie.shared.Text.of("privacy.error.noCases"));
            }
        }
        if (ids.isEmpty()) {
            throw InvalidInputException.of("complaintIds", nl.klachtenregie.shared.Text.of("privacy.error.noCases"));
        }
        return ids;
    }

    private static String value(Map<String, Object> form, String name) {
        Object v = form == null ? null : form.get(name);
        if (v instanceof List<?> many) {
            v = many.isEmpty() ? null : many.get(0);
        }
        return v == null ? "" : String.valueOf(v).strip();
    }
}
