package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
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
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.FieldErrors;

/**
 * The case pages: Mijn werk, the case list, intake and the case itself with the actions the regulation allows.
 * Every change goes through the same services as the API. Reading: handlers and the quality manager; changing:
 * handlers. The tenant in the path is the user's own (TenantAccessRule).
 */
@Controller("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"STAFF", "MANAGER", "COMPLIANCE"})
@CsrfProtected
class CasePagesController {

    static final int PAGE_SIZE = 25;

    private final CasePageService pages;

    CasePagesController(CasePageService pages) {
        this.pages = pages;
    }

    @Get("/werk")
    ModelAndView<CasePageModels.WorkPage> work(@PathVariable String tenant, Authentication auth) {
        return new ModelAndView<>("work", pages.work(tenant, CurrentUser.of(auth)));
    }

    @Get("/klachten")
    ModelAndView<CasePageModels.ListPage> list(@PathVariable String tenant, Authentication auth,
                                               @Nullable @QueryValue String status,
                                               @Nullable @QueryValue String kind,
                                               @Nullable @QueryValue String category,
                                               @Nullable @QueryValue String handler,
                                               @Nullable @QueryValue String overdue, @Nullable @QueryValue String q,
                                               @Nullable @QueryValue String page,
                                               @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                               @Nullable @QueryValue String channel,
                                               @Nullable @QueryValue String serviceLine,
                                               @Nullable @QueryValue String level,
                                               @Nullable @QueryValue String late,
                                               @Nullable @QueryValue String regulation,
                                               @Nullable @QueryValue String employee) {
        return new ModelAndView<>("cases", pages.list(tenant,
                new CasePageModels.ListQuery(status, kind, category, handler, overdue, q, page, from, to, channel,
                        serviceLine, level, late, regulation, employee), CurrentUser.of(auth)));
    }

    @Get("/klachten/nieuw")
    @Secured({"STAFF", "MANAGER"})
    ModelAndView<CasePageModels.IntakePage> intakeForm(@PathVariable String tenant, Authentication auth) {
        return new ModelAndView<>("intake", pages.emptyIntake(tenant, CurrentUser.of(auth)));
    }

    @Post("/klachten/nieuw")
    @Secured({"STAFF", "MANAGER"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> intake(@PathVariable String tenant, @Body CaseForms.IntakeForm form,
                           io.micronaut.http.HttpRequest<?> request) {
        try {
            CaseView created = pages.intake(tenant, form);
            return HttpResponse.seeOther(URI.create("/t/" + tenant + "/klachten/" + created.id()));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("intake",
                    pages.intakeWithErrors(tenant, form, CaseForms.intakeFieldNames(
                            e.fieldErrors(LayoutModelProcessor.locale(request))), List.of())));
        } catch (RefusedException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("intake",
                    pages.intakeWithErrors(tenant, form, Map.of(), e.reasons(LayoutModelProcessor.locale(request)))));
        }
    }

    @Get("/klachten/{id}")
    ModelAndView<CasePageModels.DetailPage> detail(@PathVariable String tenant, @PathVariable String id,
                                                   Authentication auth) {
        return new ModelAndView<>("case", pages.detail(tenant, ComplaintId.parse(id), CurrentUser.of(auth)));
    }

    @Post("/klachten/{id}/acties")
    @Secured({"STAFF", "MANAGER"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> action(@PathVariable String tenant, @PathVariable String id, @Body CaseForms.ActionForm form,
                           Authentication auth, io.micronaut.http.HttpRequest<?> request) {
        ComplaintId caseId = ComplaintId.parse(id);
        CurrentUser me = CurrentUser.of(auth);
        try {
            pages.action(tenant, caseId, form, me);
            return HttpResponse.seeOther(URI.create("/t/" + tenant + "/klachten/" + caseId.value() + "#timeline"));
        } catch (InvalidInputException e) {
            return rerender(HttpStatus.BAD_REQUEST, pages.detailAfterFailure(tenant, caseId, me, List.of(), null,
                    e.fieldErrors(LayoutModelProcessor.locale(request)), form));
        } catch (RefusedException e) {
            return rerender(HttpStatus.UNPROCESSABLE_ENTITY, pages.detailAfterFailure(tenant, caseId, me,
                    e.reasons(LayoutModelProcessor.locale(request)), null, Map.of(), form));
        } catch (ConflictException e) {
            return rerender(HttpStatus.CONFLICT, pages.detailAfterFailure(tenant, caseId, me, List.of(),
                    e.getMessage(), Map.of(), form));
        }
    }

    /** Vier ogen: a leidinggevende or kwaliteitsmanager confirms an extension recorded after its term ran out. */
    @Post("/klachten/{id}/bevestigen/{sequence}")
    @Secured({"MANAGER", "COMPLIANCE"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@PathVariable String tenant, @PathVariable String id, @PathVariable String sequence,
                            @Body Map<String, String> form, Authentication auth,
                            io.micronaut.http.HttpRequest<?> request) {
        ComplaintId caseId = ComplaintId.parse(id);
        CurrentUser me = CurrentUser.of(auth);
        int seq;
        try {
            seq = Integer.parseInt(sequence);
        } catch (NumberFormatException e) {
            return rerender(HttpStatus.BAD_REQUEST, pages.detailAfterFailure(tenant, caseId, me, List.of(), null,
                    Map.of("sequence", "geen gebeurtenis van dit dossier"), null));
        }
        try {
            pages.confirm(tenant, caseId, seq, me);
            return HttpResponse.seeOther(URI.create("/t/" + tenant + "/klachten/" + caseId.value() + "#event-" + seq));
        } catch (RefusedException e) {
            return rerender(HttpStatus.UNPROCESSABLE_ENTITY, pages.detailAfterFailure(tenant, caseId, me,
                    e.reasons(LayoutModelProcessor.locale(request)), null, Map.of(), null));
        }
    }

    @Post("/klachten/{id}/behandelaar")
    @Secured({"STAFF", "MANAGER"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> assign(@PathVariable String tenant, @PathVariable String id, @Body CaseForms.AssignForm form,
                           Authentication auth, io.micronaut.http.HttpRequest<?> request) {
        ComplaintId caseId = ComplaintId.parse(id);
        try {
            pages.assign(tenant, caseId, form, CurrentUser.of(auth));
            return HttpResponse.seeOther(URI.create("/t/" + tenant + "/klachten/" + caseId.value()));
        } catch (InvalidInputException e) {
            return rerender(HttpStatus.BAD_REQUEST, pages.detailAfterFailure(tenant, caseId, CurrentUser.of(auth),
                    List.of(), null, e.fieldErrors(LayoutModelProcessor.locale(request)), null));
        } catch (ConflictException e) {
            return rerender(HttpStatus.CONFLICT, pages.detailAfterFailure(tenant, caseId, CurrentUser.of(auth),
                    List.of(), e.getMessage(), Map.of(), null));
        }
    }

    private static HttpResponse<?> rerender(HttpStatus status, CasePageModels.DetailPage page) {
        return HttpResponse.status(status).body(new ModelAndView<>("case", page));
    }

    static UserId userId(String value) {
        Object n = PageForms.number(value);
        if (n == null) {
            return null;
        }
        if (n instanceof Long l && l > 0) {
            return new UserId(l);
        }
        throw InvalidInputException.of("handler", "kies een behandelaar uit de lijst");
    }
}
