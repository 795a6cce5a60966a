package nl.klachtenregie.notification.web;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.SiteUrl;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.notification.web.NotificationSettingsForm.Typed;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.web.Option;

/**
 * Meldingen en klachtformulier, for the tenant's administrator: where the product's e-mails go (intake, management,
 * each rung of the escalation ladder), how many days before a due date handlers are reminded, and the public
 * complaint form (open or not, formal or informal, which details it requires, how long the status link works). Part
 * of the organisatieprofiel, saved through the same service: in the logboek, and a save based on an older profile
 * is refused with 409 and the input kept. Bad input comes back with 400 at its field.
 */
@Controller("/t/{tenant}/beheer/meldingen")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class NotificationSettingsController {

    /** One address per rung of the ladder, labelled with the rung's role. */
    record LevelField(String code, String role, String holder, String value, @Nullable String error) {
        public String name() {
            return NotificationSettingsForm.LEVEL_PREFIX + code;
        }
    }

    /** View model of the settings page. */
    record SettingsPage(String tenant, Map<String, String> form, List<LevelField> levels, List<Option> kinds,
                        List<Option> requiredFields, List<Option> rungs, boolean formEnabled,
                        Map<String, String> errors,
                        List<String> refused, @Nullable String done, int rowVersion, @Nullable String conflict,
                        String formPath, String formUrl, boolean mailEnabled) {
        public String nav() {
            return "meldingen";
        }
    }

    private final TenantDirectory tenants;
    private final ProfileService profiles;
    private final SiteUrl site;
    private final Outbox outbox;

    NotificationSettingsController(TenantDirectory tenants, ProfileService profiles, SiteUrl site, Outbox outbox) {
        this.tenants = tenants;
        this.profiles = profiles;
        this.site = site;
        this.outbox = outbox;
    }

    @Get
    ModelAndView<SettingsPage> show(@PathVariable String tenant, @Nullable @QueryValue String gedaan,
                                    Authentication authentication) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(authentication));
        return page(t, tenants.rowVersion(t.id()), NotificationSettingsForm.of(t.profile()), List.of(),
                "opgeslagen".equals(gedaan) || "ongewijzigd".equals(gedaan) ? "notify.settings.done." + gedaan
                        : null, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable String tenant, @Nullable @Body Map<String, Object> form,
                         Authentication authentication, io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Map<String, Object> posted = form == null ? Map.of() : form;
        Typed typed = NotificationSettingsForm.read(posted, t.profile());
        Integer loaded = PageForms.rowVersion(posted);
        int shown = loaded == null ? tenants.rowVersion(t.id()) : loaded;
        if (!typed.errors().isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, shown, typed, List.of(), null, null));
        }
        TenantProfile changed;
        try {
            NotificationSettingsForm.Settings s = NotificationSettingsForm.settings(typed);
            changed = t.profile().withNotifications(s.notifications()).withPublicForm(s.publicForm());
        } catch (IllegalArgumentException e) {
            // Each field passed on its own; what is left concerns the whole (the records' own Dutch message).
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, shown, withError(typed, "form",
                    e.getMessage()), List.of(), null, null));
        }
        try {
            Tenant saved = profiles.update(t, changed, me.username(), loaded,
                    me.roles().stream().map(Enum::name).toList());
            boolean same = saved.profile().equals(t.profile());
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/beheer/meldingen?gedaan="
                    + (same ? "ongewijzigd" : "opgeslagen")));
        } catch (InvalidInputException e) {
            Typed failed = typed;
            for (Map.Entry<String, String> error : e.fieldErrors(nl.klachtenregie.web.LayoutModelProcessor.locale(request)).entrySet()) {
                failed = withError(failed, error.getKey(), error.getValue());
            }
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, shown, failed, List.of(), null, null));
        } catch (RefusedException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(t, shown, typed, e.reasons(nl.klachtenregie.web.LayoutModelProcessor.locale(request)), null,
                            null));
        } catch (ConflictException e) {
            // Shown with the profile as it is now and the current row version: saving again is a deliberate
            // overwrite, after seeing the message.
            Tenant now = tenants.resolve(t.slug());
            return HttpResponse.status(HttpStatus.CONFLICT).body(page(now, tenants.rowVersion(now.id()), typed,
                    List.of(), null, e.getMessage()));
        }
    }

    private static Typed withError(Typed t, String field, String message) {
        Map<String, String> errors = new LinkedHashMap<>(t.errors());
        errors.putIfAbsent(field, message);
        return new Typed(t.single(), t.levels(), t.formEnabled(), t.requiredFields(), errors);
    }

    private ModelAndView<SettingsPage> page(Tenant t, int rowVersion, Typed typed, List<String> refused,
                                            @Nullable String done, @Nullable String conflict) {
        // The rungs are those of the ladder as it is now; what was typed for a rung that is gone is dropped.
        List<LevelField> levels = t.profile().escalationLadder().stream()
                .map(l -> new LevelField(l.code(), l.role(), l.holder(), typed.levels().getOrDefault(l.code(), ""),
                        typed.errors().get(NotificationSettingsForm.LEVEL_PREFIX + l.code())))
                .toList();
        String kind = typed.single().get("publicFormKind");
        List<Option> kinds = NotificationSettingsForm.KINDS.stream().map(k -> Option.of(k, k.equals(kind))).toList();
        List<Option> fields = TenantProfile.PublicForm.FIELDS.stream()
                .map(f -> Option.of(f, typed.requiredFields().contains(f))).toList();
        String rung = typed.single().getOrDefault("publicFormLevel", "");
        // The lowest rung is the default ("" stored); it is offered by name, not as an empty choice.
        String lowest = t.profile().escalationLadder().get(0).code();
        List<Option> rungs = t.profile().escalationLadder().stream()
                .map(l -> new Option(l.code().equals(lowest) ? "" : l.code(), l.role(),
                        l.code().equals(rung) || (rung.isEmpty() && l.code().equals(lowest))))
                .toList();
        String formPath = "/klacht/" + t.slug();
        return new ModelAndView<>("notification-settings", new SettingsPage(t.slug(), typed.single(), levels, kinds,
                fields, rungs, typed.formEnabled(), typed.errors().isEmpty() ? Map.of() : typed.errors(), refused, done,
                rowVersion, conflict, formPath, site.absolute(formPath), outbox.mailEnabled()));
    }
}
