package nl.klachtenregie.profile.web;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.regulation.HolidayCalendar;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.profile.web.ProfileForm.Field;
import nl.klachtenregie.profile.web.ProfileForm.ListSpec;
import nl.klachtenregie.profile.web.ProfileForm.Row;
import nl.klachtenregie.profile.web.ProfileForm.Typed;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.web.Option;

/**
 * Organisatieprofiel, for the tenant's administrator: name, addresses, complaint contact, holiday calendar and
 * closing days, escalation ladder, external bodies, categories, service lines and who may activate a regulation
 * version. One form that works without JavaScript; bad input comes back with 400 at its field, a removal that
 * existing cases forbid with 422 and the reasons, and in both cases the form keeps what was typed.
 */
@Controller("/t/{tenant}/beheer/profiel")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class ProfileController {

    /** One input of a list row as the page shows it. */
    record Cell(String name, String value, String label, String type, int max, @Nullable String error) {
    }

    /** One row of a list. */
    record ViewRow(int index, int number, List<Cell> cells) {
    }

    /** A list of the profile: heading, column headings and rows (the typed ones, then empty ones). */
    record Section(String key, String title, String help, List<String> headers, List<ViewRow> rows,
                   @Nullable String error) {
    }

    /** View model of the profile page. */
    record ProfilePage(String tenant, String slug, Map<String, String> form, List<Section> sections,
                       List<Option> calendars, List<Option> roles, Map<String, String> errors, List<String> refused,
                       @Nullable String done, int rowVersion, @Nullable String conflict) {
        public String nav() {
            return "profiel";
        }
    }

    private final TenantDirectory tenants;
    private final ProfileService profiles;

    ProfileController(TenantDirectory tenants, ProfileService profiles) {
        this.tenants = tenants;
        this.profiles = profiles;
    }

    @Get
    ModelAndView<ProfilePage> show(@PathVariable String tenant, @Nullable @QueryValue String gedaan,
                                   Authentication authentication) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(authentication));
        return page(t, tenants.rowVersion(t.id()), ProfileForm.of(t.profile()), List.of(),
                "opgeslagen".equals(gedaan) ? "profile.done.saved"
                        : "ongewijzigd".equals(gedaan) ? "profile.done.unchanged" : null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable String tenant, @Nullable @Body Map<String, Object> form,
                         Authentication authentication, io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Typed typed = ProfileForm.read(form == null ? Map.of() : form);
        Integer loaded = PageForms.rowVersion(form);
        int shown = loaded == null ? tenants.rowVersion(t.id()) : loaded;
        if (!typed.errors().isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, shown, typed, List.of(), null));
        }
        TenantProfile changed = keepSettings(ProfileForm.profile(t.slug(), typed), t.profile());
        if (typed.single().get("retentionYearsAfterClosing").isBlank()) {
            // A form without the retention period (an older client) keeps the stored one.
            changed = changed.withRetentionYearsAfterClosing(t.profile().retentionYearsAfterClosing());
        }
        try {
            Tenant saved = profiles.update(t, changed, me.username(), loaded,
                    me.roles().stream().map(Enum::name).toList());
            boolean same = saved.profile().equals(t.profile());
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/beheer/profiel?gedaan="
                    + (same ? "ongewijzigd" : "opgeslagen")));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>(typed.errors());
            errors.putAll(e.fieldErrors(nl.klachtenregie.web.LayoutModelProcessor.locale(request)));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, shown,
                    new Typed(typed.single(), typed.lists(), typed.activationRoles(), errors), List.of(), null));
        } catch (RefusedException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(t, shown, typed,
                    e.reasons(nl.klachtenregie.web.LayoutModelProcessor.locale(request)), null));
        } catch (ConflictException e) {
            // Shown with the current row version: saving again is a deliberate overwrite, after seeing the message.
            ModelAndView<ProfilePage> again = page(t, tenants.rowVersion(t.id()), typed, List.of(), null);
            ProfilePage p = again.getModel().orElseThrow();
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("profile", new ProfilePage(
                    p.tenant(), p.slug(), p.form(), p.sections(), p.calendars(), p.roles(), p.errors(), p.refused(),
                    null, p.rowVersion(), e.getMessage())));
        }
    }

    /** The row version the form was loaded with; absent or unreadable means no check (a client without it). */
    private static ModelAndView<ProfilePage> page(Tenant t, int rowVersion, Typed typed, List<String> refused,
                                                  @Nullable String done) {
        List<Section> sections = new ArrayList<>();
        for (ListSpec spec : ProfileForm.LISTS) {
            List<Row> rows = new ArrayList<>(typed.lists().get(spec.key()));
            int next = rows.stream().mapToInt(Row::index).max().orElse(-1) + 1;
            for (int i = 0; i < ProfileForm.EMPTY_ROWS; i++) {
                rows.add(new Row(next + i, Map.of(), Map.of()));
            }
            List<ViewRow> viewRows = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                List<Cell> cells = new ArrayList<>();
                for (Field f : spec.fields()) {
                    cells.add(new Cell(spec.key() + "-" + row.index() + "-" + f.name(), row.get(f.name()), f.label(),
                            f.type(), f.max(), row.errors().get(f.name())));
                }
                viewRows.add(new ViewRow(row.index(), i + 1, cells));
            }
            sections.add(new Section(spec.key(), spec.title(), "profile." + spec.key() + ".help",
                    spec.fields().stream().map(Field::label).toList(), viewRows, typed.errors().get(spec.key())));
        }
        String calendar = typed.single().get("holidayCalendar");
        List<Option> calendars = HolidayCalendar.NAMES.stream()
                .map(c -> new Option(c, "profile.calendar." + c, c.equals(calendar))).toList();
        List<Option> roles = TenantProfile.APPROVER_ROLES.stream()
                .map(r -> new Option(r, "admin.role." + r, typed.activationRoles().contains(r))).toList();
        return new ModelAndView<>("profile", new ProfilePage(t.slug(), t.slug(), typed.single(), sections, calendars,
                roles, typed.errors().isEmpty() ? Map.of() : typed.errors(), refused, done, rowVersion, null));
    }

    /**
     * The profile page does not show the notification and public-form settings (they have a page of their own), so a
     * save keeps them; an address of a rung the save removes from the ladder goes with the rung.
     */
    private static TenantProfile keepSettings(TenantProfile changed, TenantProfile current) {
        TenantProfile.Notifications n = current.notifications();
        Map<String, String> levels = new LinkedHashMap<>(n.levelEmails());
        levels.keySet().retainAll(changed.levelCodes());
        return changed.withNotifications(new TenantProfile.Notifications(n.intakeEmail(), n.managementEmail(), levels,
                n.reminderDaysBefore())).withPublicForm(current.publicForm());
    }
}
