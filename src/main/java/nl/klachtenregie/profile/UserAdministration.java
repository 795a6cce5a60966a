package nl.klachtenregie.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.notification.Notifications;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantId;
import nl.klachtenregie.shared.Text;

/**
 * Gebruikersbeheer met logboek: the changes an administrator makes to a tenant's accounts, each written to the
 * tenant's audit log in the same transaction (who did it to whom; never a password).
 */
@Singleton
public class UserAdministration {

    private final UserDirectory users;
    private final AuditLog audit;
    private final TenantDirectory tenants;
    private final Notifications notifications;

    UserAdministration(UserDirectory users, AuditLog audit, TenantDirectory tenants, Notifications notifications) {
        this.users = users;
        this.audit = audit;
        this.tenants = tenants;
        this.notifications = notifications;
    }

    /**
     * The platform administrator creates an account inside an existing organisation: besides {@code USER_CREATED},
     * the organisation's logboek gets {@code PLATFORM_USER_CREATED} (who, which account, which roles) and every
     * active beheerder with an e-mail address is told through the outbox (else the management address), so an
     * administrator the organisation did not ask for cannot appear unnoticed.
     *
     * @param actor the platform administrator's user name
     */
    @Transactional
    public UserAccount createByPlatform(TenantId tenant, String username, String displayName, String password,
                                       Set<Role> roles, String actor) {
        java.util.List<String> beheerders = users.ofTenant(tenant).stream()
                .filter(u -> u.active() && u.roles().contains(Role.ADMIN) && u.email() != null)
                .map(UserAccount::email).toList();
        UserAccount created = create(tenant, username, displayName, password, roles, null, actor, null);
        String roleCodes = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        audit.record(tenant, actor, "PLATFORM_USER_CREATED", created.username(),
                "Door de platformbeheerder " + actor + " aangemaakt: " + displayName + ", rollen " + roleCodes
                        + "; beheerders per e-mail ingelicht");
        tenants.slugOf(tenant).flatMap(tenants::find).ifPresent(t -> notifications.platformUserCreated(t, beheerders,
                created.username(), displayName, roles.stream().map(Enum::name).sorted().findFirst().orElse("ADMIN"),
                actor));
        return created;
    }

    private java.util.List<String> approverRoles(TenantId tenant) {
        return tenants.slugOf(tenant).flatMap(tenants::find).map(t -> t.profile().activationRoles())
                .orElse(java.util.List.of());
    }

    /**
     * Who may hand out or take over an approver's account. Where a tenant reserves activating regulation versions
     * to some roles (Klimkoord: the directeur-bestuurder), an administrator without such a role must not be able to
     * make an account with it, or set the password of one, and so activate after all.
     *
     * @param approverRoles the tenant's {@code activationRoles}
     * @param actorRoles the roles of the administrator making the change (null: the platform administrator)
     */
    static void requireApproverFor(Set<Role> targetRoles, java.util.List<String> approverRoles,
                                   Set<Role> actorRoles) {
        boolean grantsApproval = targetRoles.stream().map(Enum::name).anyMatch(approverRoles::contains);
        boolean actorApproves = actorRoles == null
                || actorRoles.stream().map(Enum::name).anyMatch(approverRoles::contains);
        if (grantsApproval && !actorApproves) {
            throw new ForbiddenException(Text.of("error.user.approverByApproverOnly", String.join(", ", approverRoles)));
        }
    }

    /** @param actorRoles the administrator's roles; null for the platform administrator */
    @Transactional
    public UserAccount create(TenantId tenant, String username, String displayName, String password, Set<Role> roles,
                              String actor, Set<Role> actorRoles) {
        return create(tenant, username, displayName, password, roles, null, actor, actorRoles);
    }

    /**
     * As {@link #create(TenantId, String, String, String, Set, String, Set)}, with the account's e-mail address in
     * the same transaction: an address that is refused leaves no account behind.
     *
     * @param email where reminders reach the user; null or blank for none
     * @throws nl.klachtenregie.shared.InvalidInputException (field {@code email}) for an address that is not valid
     */
    @Transactional
    public UserAccount create(TenantId tenant, String username, String displayName, String password, Set<Role> roles,
                              @Nullable String email, String actor, Set<Role> actorRoles) {
        requireApproverFor(roles, approverRoles(tenant), actorRoles);
        UserAccount created = users.create(tenant, username, displayName, password, roles);
        if (email != null && !email.isBlank()) {
            created = users.setEmail(tenant, created.id(), email);
        }
        audit.record(tenant, actor, "USER_CREATED", created.username(), "Gebruiker aangemaakt: " + displayName
                + ", rollen " + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                + (created.email() == null ? "" : ", e-mailadres " + created.email()));
        return created;
    }

    /**
     * Sets or removes (null or blank) the address where reminders reach the user. The address is logged: it is a
     * work address, not a secret, and who sent a colleague's reminders elsewhere must be traceable.
     *
     * @throws nl.klachtenregie.shared.InvalidInputException (field {@code email}) for an address that is not valid
     * @throws nl.klachtenregie.shared.NotFoundException for an account that is not the tenant's
     */
    @Transactional
    public UserAccount setEmail(TenantId tenant, UserId id, @Nullable String email, String actor) {
        String before = users.find(tenant, id).map(UserAccount::email).orElse(null);
        UserAccount changed = users.setEmail(tenant, id, email);
        if (!java.util.Objects.equals(before, changed.email())) {
            audit.record(tenant, actor, "USER_EMAIL_CHANGED", changed.username(), "E-mailadres: "
                    + (before == null ? "(geen)" : before) + " → " + (changed.email() == null ? "(geen)"
                    : changed.email()));
        }
        return changed;
    }

    @Transactional
    public UserAccount setActive(TenantId tenant, UserId id, boolean active, UserId actorId, String actor) {
        UserAccount changed = users.setActive(tenant, id, active, actorId);
        audit.record(tenant, actor, active ? "USER_ACTIVATED" : "USER_DEACTIVATED", changed.username(),
                active ? "Gebruiker weer actief" : "Gebruiker gedeactiveerd; open sessies beëindigd");
        return changed;
    }

    @Transactional
    public UserAccount resetPassword(TenantId tenant, UserId id, String password, String actor, Set<Role> actorRoles) {
        users.find(tenant, id).ifPresent(u -> requireApproverFor(u.roles(), approverRoles(tenant), actorRoles));
        UserAccount changed = users.resetPassword(tenant, id, password);
        audit.record(tenant, actor, "USER_PASSWORD_RESET", changed.username(),
                "Nieuw wachtwoord ingesteld; open sessies beëindigd");
        return changed;
    }

    @Transactional
    public UserAccount unlock(TenantId tenant, UserId id, String actor) {
        UserAccount changed = users.unlock(tenant, id);
        audit.record(tenant, actor, "USER_UNLOCKED", changed.username(), "Inlogblokkade opgeheven");
        return changed;
    }
}
