package nl.klachtenregie.complaint.web;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.LayoutModelProcessor;

/**
 * Gegevens corrigeren (issue 16): the case's handler or a leidinggevende corrects what intake recorded. The
 * kwaliteitsmanager reads only (the role is not let in); another medewerker gets the refusal page (403). Every
 * change goes through {@link nl.klachtenregie.complaint.Corrections}, as the API's PATCH does.
 */
@Controller("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"STAFF", "MANAGER"})
@CsrfProtected
class CaseCorrectionController {

    private static final String VIEW = "case-correct";

    private final CorrectionPages pages;

    CaseCorrectionController(CorrectionPages pages) {
        this.pages = pages;
    }

    @Get("/klachten/{id}/corrigeren")
    ModelAndView<CorrectionPages.CorrectionPage> form(@PathVariable String tenant, @PathVariable String id,
                                                      Authentication auth) {
        return new ModelAndView<>(VIEW, pages.form(tenant, ComplaintId.parse(id), CurrentUser.of(auth)));
    }

    @Post("/klachten/{id}/corrigeren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> correct(@PathVariable String tenant, @PathVariable String id,
                            @Body CorrectionPages.CorrectionForm form, Authentication auth, HttpRequest<?> request) {
        ComplaintId caseId = ComplaintId.parse(id);
        CurrentUser me = CurrentUser.of(auth);
        try {
            pages.correct(tenant, caseId, form, me);
            return HttpResponse.seeOther(URI.create("/t/" + tenant + "/klachten/" + caseId.value() + "#timeline"));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>(VIEW, pages.failed(tenant,
                    caseId, me, form, e.fieldErrors(LayoutModelProcessor.locale(request)), List.of(), false)));
        } catch (RefusedException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(VIEW, pages.failed(
                    tenant, caseId, me, form, Map.of(), e.reasons(LayoutModelProcessor.locale(request)), false)));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, pages.failed(tenant, caseId,
                    me, form, Map.of(), List.of(), true)));
        }
    }
}
