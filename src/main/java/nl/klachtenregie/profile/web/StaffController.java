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
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.StaffDirectory;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.Option;
import nl.klachtenregie.web.OwnTenant;

/**
 * Personeelsoverzicht: the tenant's employees a complaint can concern (issue 16). The beheerder keeps it (add, change,
 * link to a user account of the same tenant, make inactive, remove when no case refers to it); the leidinggevende may
 * read it.
 */
@Controller("/t/{tenant}/beheer/personeel")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "MANAGER"})
class StaffController {

    /** The form as entered; {@code id} null for a new entry. */
    record StaffForm(@Nullable Long id, String name, String team, String user, boolean active) {
        static final StaffForm EMPTY = new StaffForm(null, "", "", "", true);
    }

    /** One entry in the table. */
    record Row(long id, String name, @Nullable String team, @Nullable String account, boolean active) {
    }

    record StaffPage(String tenant, List<Row> entries, boolean canEdit, StaffForm form, List<Option> users,
                     @Nullable Map<String, String> errors, @Nullable String problem, @Nullable String done) {
        public String nav() {
            return "personeel";
        }
    }

    private final StaffDirectory staff;
    private final TenantDirectory tenants;
    private final UserDirectory users;

    StaffController(StaffDirectory staff, TenantDirectory tenants, UserDirectory users) {
        this.staff = staff;
        this.tenants = tenants;
        this.users = users;
    }

    @Get
    ModelAndView<StaffPage> list(@PathVariable String tenant, @Nullable @QueryValue String bewerk,
                                 @Nullable @QueryValue String gedaan, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        StaffForm form = StaffForm.EMPTY;
        if (bewerk != null && me.has(Role.ADMIN)) {
            try {
                long id = Long.parseLong(bewerk);
                form = staff.find(t.id(), id).map(m -> new StaffForm(m.id(), m.name(), m.team() == null ? ""
                        : m.team(), m.userId() == null ? "" : String.valueOf(m.userId()), m.active()))
                        .orElse(StaffForm.EMPTY);
            } catch (NumberFormatException e) {
                // an unusable number opens the empty form
            }
        }
        return new ModelAndView<>("staff", page(t, me, form, null, null,
                gedaan != null && gedaan.matches("[a-z]{1,20}") ? "staff.done." + gedaan : null));
    }

    @Post
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable String tenant, @Nullable @Body Map<String, String> body,
                         Authentication authentication, io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Map<String, String> f = body == null ? Map.of() : body;
        Long id = number(f.get("id"));
        String user = f.getOrDefault("user", "");
        StaffForm form = new StaffForm(id, f.getOrDefault("name", ""), f.getOrDefault("team", ""), user,
                "true".equals(f.get("active")));
        try {
            Long userId = user.isBlank() ? null : number(user);
            if (!user.isBlank() && userId == null) {
                throw InvalidInputException.of("userId", nl.klachtenregie.shared.Text.of("staff.field.user"));
            }
            StaffDirectory.Entry entry = new StaffDirectory.Entry(form.name(), form.team(), userId, form.active());
            if (id == null) {
                staff.create(t, entry, me.username());
            } else {
                staff.update(t, id, entry, me.username());
            }
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/beheer/personeel?gedaan="
                    + (id == null ? "toegevoegd" : "gewijzigd")));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>(e.fieldErrors(
                    LayoutModelProcessor.locale(request)));
            if (errors.containsKey("userId")) {
                errors.put("user", errors.remove("userId"));
            }
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("staff",
                    page(t, me, form, errors, null, null)));
        }
    }

    @Post("/{id}/verwijderen")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@PathVariable String tenant, @PathVariable String id,
                           @Nullable @Body Map<String, String> body, Authentication authentication,
                           io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Long entry = number(id);
        if (entry == null) {
            throw StaffApiController.unknown(id);
        }
        try {
            staff.remove(t, entry, me.username());
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/beheer/personeel?gedaan=verwijderd"));
        } catch (ConflictException e) {
            java.util.Locale locale = LayoutModelProcessor.locale(request);
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("staff",
                    page(t, me, StaffForm.EMPTY, null, e.text() == null ? e.getMessage()
                            : e.text().in(locale), null)));
        }
    }

    private StaffPage page(Tenant t, CurrentUser me, StaffForm form, Map<String, String> errors, String problem,
                           String done) {
        List<Row> rows = staff.list(t.id()).stream().map(m -> new Row(m.id(), m.name(), m.team(), m.userName(),
                m.active())).toList();
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "", form.user() == null || form.user().isBlank()));
        users.ofTenant(t.id()).forEach(u -> options.add(new Option(String.valueOf(u.id().value()),
                u.displayName() + " (" + u.username() + ")", String.valueOf(u.id().value()).equals(form.user()))));
        return new StaffPage(t.slug(), rows, me.has(Role.ADMIN), form, options,
                errors == null || errors.isEmpty() ? null : errors, problem, done);
    }

    static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
