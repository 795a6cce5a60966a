package nl.klachtenregie.complaint;

import java.util.Set;
import nl.klachtenregie.security.Role;

/**
 * Wie kijkt: who asks to see cases, as the need-to-know rule needs it (issue 16, AVG art. 5 lid 1 f, NEN 7510): the
 * user, their roles and the staff directory entries linked to them. An explicit parameter of every case read, like
 * the tenant. {@link #SYSTEM} is no person: the scheduler, the complainant's own status link, aggregate counts.
 *
 * @param userId   null only for {@link #SYSTEM}
 * @param staffIds the personeelsoverzicht entries linked to this user: cases about them are never theirs to see
 */
public record Viewer(Long userId, Set<Role> roles, Set<Long> staffIds) {

    /** No person: sees every case of the tenant (background work and the complainant's own link). */
    public static final Viewer SYSTEM = new Viewer(null, Set.of(), Set.of());

    public Viewer {
        roles = Set.copyOf(roles);
        staffIds = Set.copyOf(staffIds);
    }

    public boolean system() {
        return userId == null;
    }

    /** Leidinggevende and kwaliteitsmanager see confidential cases (unless they are the person complained about). */
    public boolean seesConfidential() {
        return system() || roles.contains(Role.MANAGER) || roles.contains(Role.COMPLIANCE);
    }
}
