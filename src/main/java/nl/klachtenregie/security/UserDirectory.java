package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.TenantId;

/**
 * Gebruikersregister: the accounts of each tenant. Lists are always per tenant; a lookup by name (for login)
 * is the only query that is not, because the name is what tells us the tenant.
 */
@Singleton
public class UserDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,99}");

    private final Db db;
    private final PasswordHasher hasher;

    UserDirectory(Db db, PasswordHasher hasher) {
        this.db = db;
        this.hasher = hasher;
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
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw InvalidInputException.of("username",
                    "3 tot 100 tekens: kleine letters, cijfers, punt, streepje, @ of liggend streepje");
        }
        if (displayName == null || displayName.isBlank()) {
            throw InvalidInputException.of("displayName", "geef de naam van de gebruiker");
        }
        if (roles == null || roles.isEmpty()) {
            throw InvalidInputException.of("roles", "geef minstens één rol");
        }
        if (findByUsername(name).isPresent()) {
            throw new ConflictException("De gebruikersnaam '" + name + "' is al in gebruik.");
        }
        long id = db.insert("INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles, active) "
                        + "VALUES (?, ?, ?, ?, ?, TRUE)", tenant == null ? null : tenant.value(), name,
                displayName.strip(), hash, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        return new UserAccount(new UserId(id), tenant, name, displayName.strip(), roles, true);
    }

    String checkedHash(String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw InvalidInputException.of("password",
                    "een wachtwoord heeft minstens " + PasswordHasher.MIN_LENGTH + " tekens");
        }
        return hasher.hash(password);
    }

    @Transactional
    public Optional<UserAccount> findByUsername(String username) {
        return db.queryOne("SELECT * FROM app_user WHERE username = ?", UserDirectory::account,
                username == null ? "" : username.strip().toLowerCase());
    }

    /** One account of the tenant; another tenant's account is not found. */
    @Transactional
    public Optional<UserAccount> find(TenantId tenant, UserId id) {
        return db.queryOne("SELECT * FROM app_user WHERE tenant_id = ? AND id = ?", UserDirectory::account,
                tenant.value(), id.value());
    }

    /** All accounts of the tenant, by name. */
    @Transactional
    public List<UserAccount> ofTenant(TenantId tenant) {
        return db.query("SELECT * FROM app_user WHERE tenant_id = ? ORDER BY display_name, username",
                UserDirectory::account, tenant.value());
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
        return db.count("SELECT COUNT(*) FROM app_user WHERE tenant_id IS NULL") > 0;
    }

    @Transactional
    public boolean anyUserOf(TenantId tenant) {
        return db.count("SELECT COUNT(*) FROM app_user WHERE tenant_id = ?", tenant.value()) > 0;
    }

    /** The stored hash, for the authentication provider only. */
    @Transactional
    Optional<String> passwordHash(UserId id) {
        return db.queryOne("SELECT password_hash FROM app_user WHERE id = ?", rs -> rs.getString(1), id.value());
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        long tenant = rs.getLong("tenant_id");
        TenantId tenantId = rs.wasNull() ? null : new TenantId(tenant);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Role::valueOf).forEach(roles::add);
        return new UserAccount(new UserId(rs.getLong("id")), tenantId, rs.getString("username"),
                rs.getString("display_name"), roles, rs.getBoolean("active"));
    }
}
