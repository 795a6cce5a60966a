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
import jakarta.validation.Validator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.profile.UserAdministration;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.TokenForm;
import nl.klachtenregie.profile.web.AdminForms.EmailForm;
import nl.klachtenregie.profile.web.AdminForms.Entered;
import nl.klachtenregie.profile.web.AdminForms.NewUserForm;
import nl.klachtenregie.profile.web.AdminForms.PasswordForm;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.FieldErrors;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.web.Option;

/**
 * Gebruikersbeheer of one tenant, for its administrator: the accounts, a new account, (de)activating, a new
 * password and lifting a login lock. The tenant is the signed-in administrator's own (the tenant access rule has
 * already refused any other slug), and the register only ever touches that tenant's accounts, whatever id is
 * posted. Every post carries the page's CSRF token, checked before the method runs.
 */
@Controller("/t/{tenant}/gebruikers")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class UserAdminController {

    /** Confirmations after a redirect: {@code ?gedaan=<value>} shows {@code admin.done.<value>}. */
    private static final Set<String> DONE = Set.of("aangemaakt", "gedeactiveerd", "geactiveerd", "wachtwoord",
            "ontgrendeld", "email");

    /** One account in the list. */
    record UserRow(long id, String username, String displayName, List<Role> roles, boolean active, boolean locked,
                   boolean self, @Nullable String email) {
    }

    /** View model of the user list with the new-user form. */
    record UsersPage(String tenant, List<UserRow> users, Entered form, List<Option> roleChoices,
                     Map<String, String> errors, @Nullable String done, int minLength) {
        /** The menu item the layout marks as the current page. */
        public String nav() {
            return "gebruikers";
        }
    }

    /** View model of the e-mail page of one account; {@code email} as typed. */
    record EmailPage(String tenant, UserRow user, String email, Map<String, String> errors) {
        public String nav() {
            return "gebruikers";
        }
    }

    /** View model of the password page of one account. */
    record PasswordPage(String tenant, UserRow user, Map<String, String> errors, int minLength) {
        public String nav() {
            return "gebruikers";
        }
    }

    private final UserDirectory users;
    private final UserAdministration administration;
    private final TenantDirectory tenants;
    private final Validator validator;

    UserAdminController(UserDirectory users, UserAdministration administration, TenantDirectory tenants,
                        Validator validator) {
        this.validator = validator;
        this.users = users;
        this.administration = administration;
        this.tenants = tenants;
    }

    @Get
    ModelAndView<UsersPage> list(@PathVariable String tenant, @Nullable @QueryValue String gedaan,
                                 Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        return page(OwnTenant.of(tenants, tenant, me), me, Entered.EMPTY, Set.of(), Map.of(),
                gedaan != null && DONE.contains(gedaan) ? "admin.done." + gedaan : null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@PathVariable String tenant, @Nullable @Body NewUserForm form,
                           Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        NewUserForm f = form == null ? new NewUserForm(null, null, null, null, null, null, null) : form;
        Map<String, String> errors = AdminForms.confirmation(f.password(), f.passwordConfirmation());
        errors.putAll(fieldRules(f));
        Set<Role> roles = f.chosenRoles(errors);
        Entered entered = new Entered(f.username(), f.displayName(), null, f.email());
        try {
            if (errors.isEmpty()) {
                administration.create(t.id(), f.username(), f.displayName(), f.password(), roles, f.email(),
                        me.username(), me.roles());
                return done(t, "aangemaakt");
            }
            // The form's own errors are known; ask the register for the rest, so that all show at once.
            users.validateNewTenantUser(f.username(), f.displayName(), f.password(), roles);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, me, entered, roles, errors, null));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(page(t, me, entered, roles, AdminForms.withKeys(errors, e), null));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(page(t, me, entered, roles, Map.of("username", AdminForms.USERNAME_TAKEN), null));
        }
    }

    // The deactivate, reactivate and unlock forms post only their CSRF token, which the interceptor checks.
    @Post("/{id}/deactiveren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deactivate(@PathVariable String tenant, @PathVariable long id, @Nullable @Body TokenForm form,
                               Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        administration.setActive(t.id(), userId(id), false, me.id(), me.username());
        return done(t, "gedeactiveerd");
    }

    @Post("/{id}/activeren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activate(@PathVariable String tenant, @PathVariable long id, @Nullable @Body TokenForm form,
                             Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        administration.setActive(t.id(), userId(id), true, me.id(), me.username());
        return done(t, "geactiveerd");
    }

    @Post("/{id}/ontgrendelen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(@PathVariable String tenant, @PathVariable long id, @Nullable @Body TokenForm form,
                           Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        administration.unlock(t.id(), userId(id), me.username());
        return done(t, "ontgrendeld");
    }

    @Get("/{id}/email")
    ModelAndView<EmailPage> emailForm(@PathVariable String tenant, @PathVariable long id,
                                      Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        UserRow user = row(t, userId(id), me);
        return new ModelAndView<>("users-email", new EmailPage(t.slug(), user, user.email() == null ? ""
                : user.email(), Map.of()));
    }

    @Post("/{id}/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setEmail(@PathVariable String tenant, @PathVariable long id, @Nullable @Body EmailForm form,
                             Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        String typed = form == null || form.email() == null ? "" : form.email();
        UserRow user = row(t, userId(id), me);
        Map<String, String> errors = form == null ? new java.util.LinkedHashMap<>() : fieldRules(form);
        try {
            if (errors.isEmpty()) {
                administration.setEmail(t.id(), userId(id), typed, me.username());
                return done(t, "email");
            }
        } catch (InvalidInputException e) {
            errors = AdminForms.withKeys(errors, e);
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("users-email",
                new EmailPage(t.slug(), user, typed, errors)));
    }

    @Get("/{id}/wachtwoord")
    ModelAndView<PasswordPage> passwordForm(@PathVariable String tenant, @PathVariable long id,
                                            Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        return new ModelAndView<>("users-password", new PasswordPage(t.slug(), row(t, userId(id), me), Map.of(),
                UserDirectory.MIN_PASSWORD_LENGTH));
    }

    @Post("/{id}/wachtwoord")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(@PathVariable String tenant, @PathVariable long id,
                                  @Nullable @Body PasswordForm form, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        PasswordForm f = form == null ? new PasswordForm(null, null, null) : form;
        UserRow user = row(t, userId(id), me);
        Map<String, String> errors = AdminForms.confirmation(f.password(), f.passwordConfirmation());
        try {
            if (errors.isEmpty()) {
                administration.resetPassword(t.id(), userId(id), f.password(), me.username(), me.roles());
                return done(t, "wachtwoord");
            }
        } catch (InvalidInputException e) {
            errors = AdminForms.withKeys(errors, e);
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("users-password",
                new PasswordPage(t.slug(), user, errors, UserDirectory.MIN_PASSWORD_LENGTH)));
    }


    private ModelAndView<UsersPage> page(Tenant t, CurrentUser me, Entered entered, Set<Role> checked,
                                         Map<String, String> errors, @Nullable String done) {
        Set<UserId> locked = users.locked(t.id());
        List<UserRow> rows = users.ofTenant(t.id()).stream()
                .map(u -> row(u, locked.contains(u.id()), me)).toList();
        List<Option> choices = UserDirectory.TENANT_ROLES.stream()
                .map(r -> Option.of(r.name(), checked.contains(r))).toList();
        return new ModelAndView<>("users", new UsersPage(t.slug(), rows, entered, choices, errors, done,
                UserDirectory.MIN_PASSWORD_LENGTH));
    }

    private UserRow row(Tenant t, UserId id, CurrentUser me) {
        UserAccount user = users.find(t.id(), id).orElseThrow(() -> new NotFoundException(
                "Deze gebruiker bestaat niet bij uw organisatie."));
        return row(user, users.locked(t.id()).contains(id), me);
    }

    private static UserRow row(UserAccount u, boolean locked, CurrentUser me) {
        List<Role> roles = UserDirectory.TENANT_ROLES.stream().filter(u.roles()::contains).toList();
        return new UserRow(u.id().value(), u.username(), u.displayName(), roles, u.active(), locked,
                u.id().equals(me.id()), u.email());
    }

    private static UserId userId(long id) {
        if (id <= 0) {
            throw new NotFoundException(Text.of("error.user.notOfTenant"));
        }
        return new UserId(id);
    }

    private static HttpResponse<?> done(Tenant t, String what) {
        return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/gebruikers?gedaan=" + what));
    }

    /** The errors of the form's field annotations, as message keys of the admin bundle. */
    private Map<String, String> fieldRules(Object form) {
        FieldErrors errors = new FieldErrors();
        errors.addViolations(validator.validate(form));
        return errors.asMap();
    }
}
