package nl.klachtenregie.letter.web;

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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.klachtenregie.letter.LetterKind;
import nl.klachtenregie.letter.LetterService;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.web.TokenForm;
import nl.klachtenregie.web.CsrfForm;
import nl.klachtenregie.shared.Text;

/**
 * Briefsjablonen, for the tenant's administrator: which letters use the organisation's own template, and editing
 * one (subject and Handlebars body). "Voorbeeld" renders the typed template for a sample case without saving;
 * "Opslaan" saves it only when it compiles and renders; "Terug naar standaard" removes the own template. The
 * preview is tenant-written HTML and is shown only inside a sandboxed frame, never as part of this page.
 */
@Controller("/t/{tenant}/beheer/brieven")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class LetterTemplateController {

    private static final String PREVIEW = "voorbeeld";
    private static final String SAVE = "opslaan";

    /** The edit form: which button was pressed ({@code actie}), subject and body. */
    @Serdeable
    record TemplateForm(@Nullable String subject, @Nullable String body, @Nullable String actie,
                        @Nullable String csrfToken) implements CsrfForm {
    }

    /** A letter kind in the overview. */
    record KindRow(String kind, String path, boolean own, String subject) {
    }

    /** View model of the overview. */
    record TemplatesPage(String tenant, List<KindRow> kinds) {
        public String nav() {
            return "brieven";
        }
    }

    /** View model of the edit page; {@code preview} is the rendered letter, shown in a sandboxed frame. */
    record TemplatePage(String tenant, String kind, String path, boolean own, String subject, String body,
                        @Nullable String previewSubject, @Nullable String preview, @Nullable String error,
                        @Nullable String done) {
        public String nav() {
            return "brieven";
        }
    }

    private final TenantDirectory tenants;
    private final LetterService letters;

    LetterTemplateController(TenantDirectory tenants, LetterService letters) {
        this.tenants = tenants;
        this.letters = letters;
    }

    @Get
    ModelAndView<TemplatesPage> list(@PathVariable String tenant, Authentication authentication) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(authentication));
        List<KindRow> rows = letters.templates(t).stream()
                .map(i -> new KindRow(i.kind().name(), path(i.kind()), i.own(), i.subject())).toList();
        return new ModelAndView<>("letter-templates", new TemplatesPage(t.slug(), rows));
    }

    @Get("/{kind}")
    ModelAndView<TemplatePage> edit(@PathVariable String tenant, @PathVariable String kind,
                                    @Nullable @QueryValue String gedaan, Authentication authentication) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(authentication));
        LetterKind k = kind(kind);
        LetterService.EditableTemplate template = letters.template(t, k);
        String done = "opgeslagen".equals(gedaan) ? "letterTemplate.done.saved"
                : "standaard".equals(gedaan) ? "letterTemplate.done.reset" : null;
        return page(t, k, template.own(), template.subject(), template.body(), null, null, done);
    }

    @Post("/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> previewOrSave(@PathVariable String tenant, @PathVariable String kind,
                                  @Nullable @Body TemplateForm form, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        LetterKind k = kind(kind);
        TemplateForm f = form == null ? new TemplateForm(null, null, null, null) : form;
        String subject = f.subject() == null ? "" : f.subject();
        // Browsers send a textarea's line ends as CRLF; the stored template keeps the line ends it is edited with.
        String body = f.body() == null ? "" : f.body().replace("\r\n", "\n");
        boolean own = letters.template(t, k).own();
        try {
            if (SAVE.equals(f.actie())) {
                letters.saveTemplate(t, k, subject, body, me.username());
                return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/beheer/brieven/" + path(k)
                        + "?gedaan=opgeslagen"));
            }
            if (!PREVIEW.equals(f.actie())) {
                throw new nl.klachtenregie.shared.InvalidInputException(java.util.Map.of("actie",
                        "kies Voorbeeld of Opslaan"));
            }
            LetterService.Preview preview = letters.preview(t, k, subject, body);
            return HttpResponse.ok(page(t, k, own, subject, body, preview, null, null));
        } catch (RefusedException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(t, k, own, subject, body, null, e.getMessage(), null));
        } catch (nl.klachtenregie.shared.ConflictException e) {
            // Someone else saved the first own template of this kind at the same moment: keep what was typed.
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(page(t, k, own, subject, body, null, e.getMessage(), null));
        }
    }

    @Post("/{kind}/standaard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(@PathVariable String tenant, @PathVariable String kind,
                          @Nullable @Body TokenForm form, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        LetterKind k = kind(kind);
        letters.resetTemplate(t, k, me.username());
        return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/beheer/brieven/" + path(k) + "?gedaan=standaard"));
    }

    private static ModelAndView<TemplatePage> page(Tenant t, LetterKind k, boolean own, String subject, String body,
                                                   @Nullable LetterService.Preview preview, @Nullable String error,
                                                   @Nullable String done) {
        return new ModelAndView<>("letter-template", new TemplatePage(t.slug(), k.name(), path(k), own, subject, body,
                preview == null ? null : preview.subject(), preview == null ? null : preview.xhtml(), error, done));
    }

    /** The kind in a path: {@code acknowledgement}, ..., {@code not-admissible}. */
    static String path(LetterKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static LetterKind kind(String path) {
        return Arrays.stream(LetterKind.values()).filter(k -> path(k).equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException(Text.of("error.letter.unknownKind")));
    }

}
