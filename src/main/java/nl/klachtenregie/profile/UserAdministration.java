package nl.klachtenregie.profile;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.tenant.TenantId;

/**
 * Gebruikersbeheer met logboek: the changes an administrator makes to a tenant's accounts, each written to the
 * tenant's audit log in the same transaction (who did it to whom; never a password).
 */
@Singleton
public class UserAdministration {

    private final UserDirectory users;
    private final AuditLog audit;

    UserAdministration(UserDirectory users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    public UserAccount create(TenantId tenant, String username, String displayName, String password, Set<Role> roles,
                              String actor) {
        UserAccount created = users.create(tenant, username, displayName, password, roles);
        audit.record(tenant, actor, "USER_CREATED", created.username(), "Gebruiker aangemaakt: " + displayName
                + ", rollen " + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        return created;
    }

    @Transactional
    public UserAccount setActive(TenantId tenant, UserId id, boolean active, UserId actorId, String actor) {
        UserAccount changed = users.setActive(tenant, id, active, actorId);
        audit.record(tenant, actor, active ? "USER_ACTIVATED" : "USER_DEACTIVATED", changed.username(),
                active ? "Gebruiker weer actief" : "Gebruiker gedeactiveerd; open sessies beëindigd");
        return changed;
    }

    @Transactional
    public UserAccount resetPassword(TenantId tenant, UserId id, String password, String actor) {
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
