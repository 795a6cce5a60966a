package nl.klachtenregie.seed.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.seed.TenantArchive;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.OwnTenant;

/**
 * Export and import of a tenant: its administrator downloads it (profile, every regulation version, letter
 * templates) as a zip in the {@code tenants/} + {@code rules/} layout; the platform administrator reads such a zip
 * in as a new tenant, here or in another installation.
 */
@Controller
@CsrfProtected
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantArchiveController {

    /** The import page. */
    record ImportPage(String slug, List<String> errors, @Nullable String done) {
    }

    private final TenantArchive archive;
    private final TenantDirectory tenants;

    TenantArchiveController(TenantArchive archive, TenantDirectory tenants) {
        this.archive = archive;
        this.tenants = tenants;
    }

    @Get("/t/{tenant}/beheer/export")
    @Secured("ADMIN")
    HttpResponse<byte[]> export(@PathVariable String tenant, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        return HttpResponse.ok(archive.export(t, me.username())).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + t.slug() + ".zip\"");
    }

    @Get("/platform/import")
    @Secured("PLATFORM_ADMIN")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ImportPage> importForm(@Nullable @io.micronaut.http.annotation.QueryValue String gedaan) {
        return new ModelAndView<>("platform-import", new ImportPage("", List.of(), gedaan));
    }

    @Post(value = "/platform/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("PLATFORM_ADMIN")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> importArchive(@Nullable CompletedFileUpload archive, @Nullable String slug,
                                  @Nullable String csrfToken, Authentication authentication,
                                  io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        String wanted = slug == null ? "" : slug.strip();
        try {
            byte[] bytes = archive == null ? new byte[0] : archive.getBytes();
            Tenant t = this.archive.importArchive(bytes, wanted.isEmpty() ? null : wanted, me.username());
            return HttpResponse.seeOther(URI.create("/platform/import?gedaan=" + t.slug()));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("platform-import",
                    new ImportPage(wanted, e.fieldErrors(nl.klachtenregie.web.LayoutModelProcessor.locale(request)).values().stream().toList(), null)));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("platform-import",
                    new ImportPage(wanted, List.of(e.getMessage()), null)));
        } catch (IOException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("platform-import",
                    new ImportPage(wanted, List.of("Het bestand kon niet worden gelezen; probeer het opnieuw"), null)));
        }
    }
}
