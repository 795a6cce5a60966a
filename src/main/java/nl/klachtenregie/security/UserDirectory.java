package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.TenantId;

/**
 * Gebruikersregister: the accounts of each tenant. Lists and changes are always per tenant, so an id posted by
 * one tenant's administrator never reaches another tenant's account or a platform administrator. The only
 * queries that are not per tenant: the lookup by name (for login: the name is what tells us the tenant), whether
 * a signed-in account is still active, and the number of accounts per tenant for the platform overview.
 */
@Singleton
public class UserDirectory {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = PasswordHasher.MIN_LENGTH;
    /** bcrypt's limit. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** The roles an organisation's administrator hands out, in the order pages list them. */
    public static final List<Role> TENANT_ROLES = List.of(Role.STAFF, Role.MANAGER, Role.COMPLIANCE, Role.ADMIN,
            Role.DIRECTOR);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,99}");

    private static final Sort BY_NAME = Sort.of(Sort.Order.asc("displayName"), Sort.Order.asc("username"));

    private final Db db;
    private final UserRepository rows;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginClock clock;

    UserDirectory(Db db, UserRepository rows, PasswordHasher hasher, LoginThrottle throttle, LoginClock clock) {
        this.db = db;
        this.rows = rows;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Creates an account.
     *
     * @param tenant null only for a platform administrator
     * @throws InvalidInputException for a bad name or a weak password
     * @throws ConflictException when the name is taken
     */
    @Transactional
    public UserAccount create(@Nullable TenantId tenant, String username, String displayName, String password,
                              Set<Role> roles) {
        return createWithHash(tenant, username, displayName, checkedHash(password), roles);
    }

    /** As {@link #create} with a hash made once for many accounts (the demo users share one password). */
    @Transactional
    UserAccount createWithHash(@Nullable TenantId tenant, String username, String displayName, String hash,
                               Set<Role> roles) {
        Map<String, Text> errors = accountErrors(tenant != null, username, displayName, roles);
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        String name = normalise(username);
        if (findByUsername(name).isPresent()) {
            throw new ConflictException(nl.klachtenregie.shared.Text.of("error.user.usernameTaken", name));
        }
        long id;
        try {
            id = rows.save(new UserRow(null, tenant == null ? null : tenant.value(), name, displayName.strip(), hash,
                    roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), true, 0, null)).id();
        } catch (RuntimeException e) {
            // The same name created at the same moment by someone else: the unique key decides.
            if (Db.isDuplicateKey(e)) {
                throw new ConflictException(nl.klachtenregie.shared.Text.of("error.user.usernameTaken", name));
            }
            throw e;
        }
        return new UserAccount(new UserId(id), tenant, name, displayName.strip(), roles, true);
    }

    /**
     * Checks a new account of a tenant as {@link #create} would, without storing it and without looking whether
     * the name is free, so that a form can show every problem at once (also those of its own fields, such as a
     * password confirmation, which stop it from creating the account).
     *
     * @throws InvalidInputException with one message per bad field
     */
    public void validateNewTenantUser(String username, String displayName, String password, Set<Role> roles) {
        Map<String, Text> errors = accountErrors(true, username, displayName, roles);
        passwordError(password).ifPresent(e -> errors.put("password", e));
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
    }

    private static Map<String, Text> accountErrors(boolean ofTenant, String username, String displayName,
                                                     Set<Role> roles) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (!USERNAME.matcher(normalise(username)).matches()) {
            errors.put("username", Text.of("error.user.username"));
        }
        if (displayName == null || displayName.isBlank()) {
            errors.put("displayName", Text.of("error.user.displayName"));
        } else if (displayName.strip().length() > 255) {
            errors.put("displayName", Text.of("error.user.displayNameTooLong", "255"));
        }
        if (roles == null || roles.isEmpty()) {
            errors.put("roles", Text.of("error.user.noRole"));
        } else if (!ofTenant && !roles.equals(Set.of(Role.PLATFORM_ADMIN))) {
            errors.put("roles", Text.of("error.user.withoutTenantOnlyPlatformAdmin"));
        } else if (ofTenant && roles.contains(Role.PLATFORM_ADMIN)) {
            // Checked here, before the insert: an organisation's administrator must never mint a platform admin.
            errors.put("roles", Text.of("error.user.platformAdminInTenant"));
        }
        return errors;
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }

    String checkedHash(String password) {
        Optional<Text> problem = passwordError(password);
        if (problem.isPresent()) {
            throw InvalidInputException.of("password", problem.get());
        }
        return hasher.hash(password);
    }

    private static Optional<Text> passwordError(String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            return Optional.of(Text.of("error.user.passwordTooShort", String.valueOf(PasswordHasher.MIN_LENGTH)));
        }
        // bcrypt reads only the first 72 bytes; a longer password would silently be cut short.
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of(Text.of("error.user.passwordTooLong", String.valueOf(MAX_PASSWORD_BYTES)));
        }
        return Optional.empty();
    }

    @Transactional
    public Optional<UserAccount> findByUsername(String username) {
        return rows.findByUsername(username == null ? "" : username.strip().toLowerCase()).map(UserDirectory::account);
    }

    /** One account of the tenant; another tenant's account is not found. */
    @Transactional
    public Optional<UserAccount> find(TenantId tenant, UserId id) {
        return rows.findByTenantIdAndId(tenant.value(), id.value()).map(UserDirectory::account);
    }

    /** All accounts of the tenant, by name. */
    @Transactional
    public List<UserAccount> ofTenant(TenantId tenant) {
        return rows.findByTenantId(tenant.value(), BY_NAME).stream().map(UserDirectory::account).toList();
    }

    /** The tenant's active accounts that can handle cases, for assigning a handler. */
    @Transactional
    public List<UserAccount> handlers(TenantId tenant) {
        List<UserAccount> result = new ArrayList<>();
        for (UserAccount u : ofTenant(tenant)) {
            if (u.active() && u.handlesCases()) {
                result.add(u);
            }
        }
        return result;
    }

    @Transactional
    public boolean anyPlatformAdmin() {
        return rows.existsByTenantIdIsNull();
    }

    @Transactional
    public boolean anyUserOf(TenantId tenant) {
        return rows.existsByTenantId(tenant.value());
    }

    /** Whether the account exists and is active (checked on every signed-in request). */
    @Transactional
    public boolean isActive(UserId id) {
        return rows.findById(id.value()).map(UserRow::active).orElse(false);
    }

    /** True while the account is active and its password has not been reset since {@code credentialsVersion}. */
    @Transactional
    boolean sessionStillValid(UserId id, int credentialsVersion) {
        return rows.findById(id.value()).map(u -> u.active() && u.credentialsVersion() == credentialsVersion)
                .orElse(false);
    }

    @Transactional
    int credentialsVersion(UserId id) {
        return rows.findById(id.value()).map(UserRow::credentialsVersion).orElse(0);
    }

    /** The number of accounts of each tenant that has any (for the platform overview; no tenant data). */
    @Transactional
    public Map<TenantId, Long> countsPerTenant() {
        Map<TenantId, Long> counts = new HashMap<>();
        // A GROUP BY count: SQL.
        db.query("SELECT tenant_id, COUNT(*) FROM app_user WHERE tenant_id IS NOT NULL GROUP BY tenant_id",
                rs -> counts.put(new TenantId(rs.getLong(1)), rs.getLong(2)));
        return counts;
    }

    /**
     * Deactivates or reactivates an account of the tenant. Signing in and HTTP Basic need an active account.
     *
     * @param actor the administrator doing it, who cannot deactivate themselves (and so lock the tenant out)
     * @throws NotFoundException when the tenant has no such account (also for another tenant's account)
     * @throws RefusedException when the actor tries to deactivate their own account
     */
    @Transactional
    public UserAccount setActive(TenantId tenant, UserId id, boolean active, UserId actor) {
        UserAccount user = find(tenant, id).orElseThrow(UserDirectory::notFound);
        if (!active && user.id().equals(actor)) {
            throw new RefusedException(nl.klachtenregie.shared.Text.of("error.user.deactivateSelf"));
        }
        rows.updateByTenantIdAndId(tenant.value(), id.value(), active);
        return new UserAccount(user.id(), user.tenant(), user.username(), user.displayName(), user.roles(), active,
                user.email());
    }

    /**
     * Sets a new password for an account of the tenant.
     *
     * @throws InvalidInputException for a weak password (field {@code password})
     * @throws NotFoundException when the tenant has no such account
     */
    @Transactional
    public UserAccount resetPassword(TenantId tenant, UserId id, String password) {
        UserAccount user = find(tenant, id).orElseThrow(UserDirectory::notFound);
        // A new credentials version ends the sessions started with the old password (ActiveAccountRule). Stays SQL:
        // the counter is raised in the statement, so two resets at once both count.
        db.update("UPDATE app_user SET password_hash = ?, credentials_version = credentials_version + 1 "
                + "WHERE tenant_id = ? AND id = ?", checkedHash(password), tenant.value(), id.value());
        return user;
    }

    /** The tenant's accounts whose name is locked now, from some address, after repeated failed logins. */
    @Transactional
    public Set<UserId> locked(TenantId tenant) {
        Map<String, UserId> byName = new HashMap<>();
        ofTenant(tenant).forEach(u -> byName.put(u.username(), u.id()));
        return throttle.lockedAmong(byName.keySet(), clock.nowMillis()).stream().map(byName::get)
                .collect(Collectors.toSet());
    }

    /**
     * Lifts the login locks of an account of the tenant, from every address, and forgets its failed attempts and
     * earlier locks (so the next lock is a short one again). Only names of the tenant's own accounts can be unlocked
     * this way; a lock on any other name (another tenant's, or one that does not exist) stays.
     *
     * @throws NotFoundException when the tenant has no such account
     */
    @Transactional
    public UserAccount unlock(TenantId tenant, UserId id) {
        UserAccount user = find(tenant, id).orElseThrow(UserDirectory::notFound);
        throttle.unlock(user.username());
        return user;
    }

    private static NotFoundException notFound() {
        return new NotFoundException(nl.klachtenregie.shared.Text.of("error.user.notOfTenant"));
    }

    /** The stored hash, for the authentication provider only. */
    @Transactional
    Optional<String> passwordHash(UserId id) {
        return rows.findPasswordHashById(id.value());
    }

    private static UserAccount account(UserRow row) {
        TenantId tenantId = row.tenantId() == null ? null : new TenantId(row.tenantId());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.roles().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Role::valueOf).forEach(roles::add);
        return new UserAccount(new UserId(row.id()), tenantId, row.username(), row.displayName(), roles, row.active(),
                row.email());
    }

    /**
     * Sets the address where the user's reminders and notices go (null or blank: none).
     *
     * @throws InvalidInputException when it is not one plain e-mail address
     */
    @Transactional
    public UserAccount setEmail(TenantId tenant, UserId id, @Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && !nl.klachtenregie.tenant.TenantProfile.Notifications.isValidEmail(address)) {
            throw InvalidInputException.of("email", nl.klachtenregie.shared.Text.of("error.user.email"));
        }
        find(tenant, id).orElseThrow(UserDirectory::notFound);
        rows.updateByTenantIdAndId(tenant.value(), id.value(), address);
        return find(tenant, id).orElseThrow(UserDirectory::notFound);
    }
}
