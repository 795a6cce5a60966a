package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.klachtenregie.complaint.HistoricImport;
import nl.klachtenregie.complaint.ImportFile;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.ErrorResponses;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.OwnTenant;

/**
 * Klachten van eerdere jaren inlezen, the API side: {@code POST /api/tenants/{t}/complaints/import?dryRun=true|false}
 * (multipart {@code file}) for the beheerder and the leidinggevende; the dry run (200) or the commit (201), 415 for a
 * file that is neither CSV nor XLSX, 413 over 8 MB, 422 with every row's error. JSON with HTTP Basic, so apart from
 * the page (whose posts carry the CSRF token).
 */
@Controller("/api/tenants/{tenant}/complaints/import")
@ExecuteOn(TaskExecutors.BLOCKING)
class PastComplaintsApiController {

    private final HistoricImport imports;
    private final TenantDirectory tenants;
    private final ErrorResponses responses;

    PastComplaintsApiController(HistoricImport imports, TenantDirectory tenants, ErrorResponses responses) {
        this.imports = imports;
        this.tenants = tenants;
        this.responses = responses;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"ADMIN", "MANAGER"})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> api(@PathVariable String tenant, @Nullable CompletedFileUpload file,
                        @Nullable @QueryValue String dryRun, Authentication auth, HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = tenants.resolve(tenant);
        Locale locale = LayoutModelProcessor.locale(request);
        boolean dry = dryRun == null || !"false".equalsIgnoreCase(dryRun.strip());
        try {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            String name = file == null ? "" : file.getFilename();
            if (dry) {
                HistoricImport.Plan plan = imports.dryRun(t, name, bytes);
                return HttpResponse.ok(PastComplaintsController.json(plan, locale));
            }
            HistoricImport.Result r = imports.commit(t, name, bytes, me.username());
            return HttpResponse.status(HttpStatus.CREATED).body(new PastComplaintsController.ResultJson(r.importId(), r.fileName(), r.created(),
                    r.skipped(), r.cases().stream().map(c -> new PastComplaintsController.CreatedJson(c.row(), c.id(), c.reference(),
                    c.externalReference())).toList()));
        } catch (ImportFile.Unreadable e) {
            return responses.error(request, PastComplaintsController.status(e), e.text().in(locale), List.of(), Map.of());
        } catch (IOException e) {
            return responses.error(request, HttpStatus.BAD_REQUEST, Text.of("pastImport.file.unreadable").in(locale),
                    List.of(), Map.of());
        }
    }

}
