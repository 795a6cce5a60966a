package nl.klachtenregie.profile.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.Optional;
import java.util.Set;
import nl.klachtenregie.profile.SlugTakenException;
import nl.klachtenregie.profile.TenantOnboarding;
import nl.klachtenregie.profile.UserAdministration;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantId;
import nl.klachtenregie.profile.web.AdminForms.Entered;
import nl.klachtenregie.profile.web.AdminForms.NewTenantAdminForm;
import nl.klachtenregie.profile.web.AdminForms.NewTenantForm;
import nl.klachtenregie.profile.web.AdminForms.TenantEntered;
import nl.klachtenregie.web.CsrfProtected;

/**
 * Platformbeheer: the tenants of the SaaS with their number of accounts, creating a tenant together with its first
 * administrator, and making another administrator of an existing tenant. The platform administrator sees no complaint data: nothing here reads it.
 */
@Controller("/platform")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PLATFORM_ADMIN")
class PlatformController {

    /** One tenant in the overview. */
    record TenantRow(String slug, String name, long users) {
    }

    /** View model of the platform page. */
    record PlatformPage(List<TenantRow> tenants, Entered form, Map<String, String> errors, @Nullable String done,
                        int minLength, TenantEntered newTenant, Map<String, String> tenantErrors) {
    }

    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final TenantOnboarding onboarding;
    private final UserAdministration administration;

    PlatformController(TenantDirectory tenants, UserDirectory users, TenantOnboarding onboarding,
                       UserAdministration administration) {
        this.administration = administration;
        this.tenants = tenants;
        this.users = users;
        this.onboarding = onboarding;
    }

    @Get
    ModelAndView<PlatformPage> overview(@Nullable @QueryValue String gedaan) {
        return page(Entered.EMPTY, Map.of(), "beheerder".equals(gedaan) ? "admin.done.beheerder"
                : "organisatie".equals(gedaan) ? "profile.done.tenantCreated" : null);
    }

    /** A new tenant with its starter profile and its first administrator: both or neither. */
    @Post("/organisaties")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createTenant(@Nullable @Body NewTenantForm form, Authentication authentication) {
        NewTenantForm f = form == null ? new NewTenantForm(null, null, null, null, null, null, null) : form;
        TenantEntered entered = new TenantEntered(f.slug(), f.name(), f.username(), f.displayName());
        Map<String, String> errors = new LinkedHashMap<>();
        AdminForms.confirmation(f.password(), f.passwordConfirmation())
                .forEach((field, key) -> errors.put(field, AdminForms.TENANT_ERROR_KEYS.get(field)));
        TenantOnboarding.NewTenant t = new TenantOnboarding.NewTenant(f.slug() == null ? null : f.slug().strip(),
                f.name(), f.username(), f.displayName(), f.password());
        try {
            if (errors.isEmpty()) {
                onboarding.create(t, CurrentUser.of(authentication).username());
                return HttpResponse.seeOther(URI.create("/platform?gedaan=organisatie"));
            }
            onboarding.validate(t);
        } catch (InvalidInputException e) {
            e.fieldErrors().keySet().forEach(field -> errors.putIfAbsent(field,
                    AdminForms.TENANT_ERROR_KEYS.getOrDefault(field, "admin.error.invalid")));
        } catch (SlugTakenException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(page(Entered.EMPTY, Map.of(), null, entered,
                    Map.of("slug", AdminForms.SLUG_TAKEN)));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(page(Entered.EMPTY, Map.of(), null, entered,
                    Map.of("username", AdminForms.USERNAME_TAKEN)));
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(Entered.EMPTY, Map.of(), null, entered, errors));
    }

    @Post("/beheerders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createTenantAdmin(@Nullable @Body NewTenantAdminForm form, Authentication authentication) {
        NewTenantAdminForm f = form == null ? new NewTenantAdminForm(null, null, null, null, null, null) : form;
        Map<String, String> errors = AdminForms.confirmation(f.password(), f.passwordConfirmation());
        Optional<Tenant> tenant = tenants.find(f.tenant());
        if (tenant.isEmpty()) {
            errors.put("tenant", "admin.error.tenant");
        }
        Entered entered = new Entered(f.username(), f.displayName(), f.tenant());
        // Only ever an organisation's administrator: never a platform administrator, never a tenant-less account.
        Set<Role> roles = Set.of(Role.ADMIN);
        try {
            if (errors.isEmpty()) {
                administration.createByPlatform(tenant.get().id(), f.username(), f.displayName(), f.password(),
                        roles, CurrentUser.of(authentication).username());
                return HttpResponse.seeOther(URI.create("/platform?gedaan=beheerder"));
            }
            users.validateNewTenantUser(f.username(), f.displayName(), f.password(), roles);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(entered, errors, null));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(entered, AdminForms.withKeys(errors, e), null));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(page(entered, Map.of("username", AdminForms.USERNAME_TAKEN), null));
        }
    }

    private ModelAndView<PlatformPage> page(Entered entered, Map<String, String> errors, @Nullable String done) {
        return page(entered, errors, done, TenantEntered.EMPTY, Map.of());
    }

    private ModelAndView<PlatformPage> page(Entered entered, Map<String, String> errors, @Nullable String done,
                                            TenantEntered newTenant, Map<String, String> tenantErrors) {
        Map<TenantId, Long> counts = users.countsPerTenant();
        List<TenantRow> rows = tenants.slugs().stream().map(tenants::find).flatMap(Optional::stream)
                .map(t -> new TenantRow(t.slug(), t.profile().name(), counts.getOrDefault(t.id(), 0L))).toList();
        return new ModelAndView<>("platform", new PlatformPage(rows, entered, errors, done,
                UserDirectory.MIN_PASSWORD_LENGTH, newTenant, tenantErrors));
    }
}
