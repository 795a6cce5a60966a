package nl.klachtenregie.profile;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Nieuwe organisatie: the platform administrator creates a tenant with its starter profile
 * ({@link TenantProfile#starter}) together with its first administrator, in one transaction: both or neither.
 */
@Singleton
public class TenantOnboarding {

    /** Nieuwe organisatie as the platform administrator typed it. */
    public record NewTenant(String slug, String name, String adminUsername, String adminDisplayName,
                            String adminPassword) {
    }

    /** The new tenant and its administrator. */
    public record Onboarded(Tenant tenant, UserAccount admin) {
    }

    static final int MAX_NAME = 255;

    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final AuditLog audit;

    TenantOnboarding(TenantDirectory tenants, UserDirectory users, AuditLog audit) {
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Every problem of the input at once, with the fields {@code slug}, {@code name} and those of
     * {@link UserDirectory#validateNewTenantUser} ({@code username}, {@code displayName}, {@code password}).
     *
     * @throws InvalidInputException when anything is wrong
     */
    public void validate(NewTenant t) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!TenantProfile.isValidSlug(t.slug())) {
            errors.put("slug", "kleine letters, cijfers en losse streepjes, hoogstens 64 tekens (bijvoorbeeld "
                    + "'stichting-voorbeeld')");
        }
        if (t.name() == null || t.name().isBlank()) {
            errors.put("name", "geef de naam van de organisatie");
        } else if (t.name().strip().length() > MAX_NAME) {
            errors.put("name", "hoogstens " + MAX_NAME + " tekens");
        }
        try {
            users.validateNewTenantUser(t.adminUsername(), t.adminDisplayName(), t.adminPassword(),
                    Set.of(Role.ADMIN));
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Creates the tenant and its administrator and records it in the new tenant's log.
     *
     * @param actor the platform administrator's user name
     * @throws InvalidInputException as {@link #validate}
     * @throws SlugTakenException when another tenant has the slug
     * @throws nl.klachtenregie.shared.ConflictException when the user name is taken (nothing is stored)
     */
    @Transactional
    public Onboarded create(NewTenant t, String actor) {
        validate(t);
        if (tenants.find(t.slug()).isPresent()) {
            throw new SlugTakenException(t.slug());
        }
        Tenant tenant;
        try {
            tenant = tenants.create(TenantProfile.starter(t.slug(), t.name().strip()));
        } catch (RuntimeException e) {
            // The same slug created at the same moment by someone else: the unique key decides.
            if (Db.isDuplicateKey(e)) {
                throw new SlugTakenException(t.slug());
            }
            throw e;
        }
        // A taken user name throws here and the whole transaction, the tenant included, rolls back.
        UserAccount admin = users.create(tenant.id(), t.adminUsername(), t.adminDisplayName(), t.adminPassword(),
                Set.of(Role.ADMIN));
        audit.record(tenant.id(), actor, "TENANT_CREATED", tenant.slug(), "Organisatie '" + tenant.profile().name()
                + "' (" + tenant.slug() + ") aangemaakt met startprofiel; eerste beheerder: " + admin.username()
                + " (" + admin.displayName() + ")");
        return new Onboarded(tenant, admin);
    }
}
