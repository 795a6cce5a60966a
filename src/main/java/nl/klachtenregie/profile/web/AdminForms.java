package nl.klachtenregie.profile.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.shared.EmailAddress;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.web.CsrfForm;

/**
 * The forms of user administration as posted (strings, so a bad value becomes a message next to its field), and
 * the translation of the user register's field errors into message keys of the {@code admin} bundle.
 */
final class AdminForms {

    /** Message key of a user e-mail address that is not one plain address. */
    static final String EMAIL_INVALID = "notify.users.emailError";

    /** Message key per field for the problems the user register reports; the field names are those of the forms. */
    private static final Map<String, String> ERROR_KEYS = Map.of(
            "username", "admin.error.username",
            "displayName", "admin.error.displayName",
            "password", "admin.error.password",
            "passwordConfirmation", "admin.error.passwordConfirmation",
            "roles", "admin.error.roles",
            "tenant", "admin.error.tenant",
            "email", EMAIL_INVALID);

    static final String USERNAME_TAKEN = "admin.error.usernameTaken";
    static final String SLUG_TAKEN = "profile.error.slugTaken";

    /** Message key per field of the new-tenant form. */
    static final Map<String, String> TENANT_ERROR_KEYS = Map.of(
            "slug", "profile.error.slug",
            "name", "profile.error.tenantName",
            "username", "admin.error.username",
            "displayName", "admin.error.displayName",
            "password", "admin.error.password",
            "passwordConfirmation", "admin.error.passwordConfirmation");

    private AdminForms() {
    }

    /** A new account of the tenant. {@code roles}: one value per ticked checkbox (Micronaut binds one or many). */
    @Serdeable
    @Introspected
    record NewUserForm(@Nullable String username, @Nullable String displayName, @Nullable String password,
                       @Nullable String passwordConfirmation, @Nullable List<String> roles,
                       @Nullable @EmailAddress(message = EMAIL_INVALID) String email,
                       @Nullable String csrfToken) implements CsrfForm {

        /** The roles ticked; only the roles a tenant administrator hands out, anything else is an error. */
        Set<Role> chosenRoles(Map<String, String> errors) {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            for (String value : roles == null ? List.<String>of() : roles) {
                UserDirectory.TENANT_ROLES.stream().filter(r -> r.name().equals(value)).findFirst()
                        .ifPresentOrElse(chosen::add, () -> errors.put("roles", ERROR_KEYS.get("roles")));
            }
            return chosen;
        }

    }

    /** The first administrator (or another one) of a tenant, made by the platform administrator. */
    @Serdeable
    record NewTenantAdminForm(@Nullable String tenant, @Nullable String username, @Nullable String displayName,
                              @Nullable String password, @Nullable String passwordConfirmation,
                              @Nullable String csrfToken) implements CsrfForm {
    }

    /** A new tenant with its first administrator, made by the platform administrator. */
    @Serdeable
    record NewTenantForm(@Nullable String slug, @Nullable String name, @Nullable String username,
                         @Nullable String displayName, @Nullable String password,
                         @Nullable String passwordConfirmation, @Nullable String csrfToken) implements CsrfForm {
    }

    /** What the new-tenant form keeps when shown again (never a password). */
    record TenantEntered(String slug, String name, String username, String displayName) {
        static final TenantEntered EMPTY = new TenantEntered("", "", "", "");

        TenantEntered {
            slug = slug == null ? "" : slug;
            name = name == null ? "" : name;
            username = username == null ? "" : username;
            displayName = displayName == null ? "" : displayName;
        }
    }

    /** A new password set by an administrator. */
    @Serdeable
    record PasswordForm(@Nullable String password, @Nullable String passwordConfirmation,
                        @Nullable String csrfToken) implements CsrfForm {
    }

    /** A user's e-mail address; empty removes it. */
    @Serdeable
    @Introspected
    record EmailForm(@Nullable @EmailAddress(message = EMAIL_INVALID) String email, @Nullable String csrfToken)
            implements CsrfForm {
    }

    /** The values a re-shown form keeps (never a password). */
    record Entered(String username, String displayName, String tenant, String email) {
        static final Entered EMPTY = new Entered("", "", "", "");

        Entered {
            username = username == null ? "" : username;
            displayName = displayName == null ? "" : displayName;
            tenant = tenant == null ? "" : tenant;
            email = email == null ? "" : email;
        }

        Entered(String username, String displayName, String tenant) {
            this(username, displayName, tenant, "");
        }
    }

    /** A field error for a password confirmation that differs from the password, or none. */
    static Map<String, String> confirmation(@Nullable String password, @Nullable String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (password != null && !password.isEmpty() && !password.equals(confirmation)) {
            errors.put("passwordConfirmation", ERROR_KEYS.get("passwordConfirmation"));
        }
        return errors;
    }

    /** The register's field errors as message keys, added to the form's own. */
    static Map<String, String> withKeys(Map<String, String> errors, InvalidInputException e) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        e.fieldErrors().forEach((field, message) -> all.putIfAbsent(field,
                ERROR_KEYS.getOrDefault(field, "admin.error.invalid")));
        return all;
    }
}
