package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;

/**
 * Need-to-know (issue 16; AVG art. 5 lid 1 f, NEN 7510): which cases a {@link Viewer} may see. Written once, as one SQL
 * condition on {@code complaint c}, used by every list, count, work list, export and drill-down and by the single read
 * ({@link ComplaintService#get}); a case outside it does not exist for that viewer (404).
 * <ul>
 * <li>The person complained about (a user linked in the personeelsoverzicht to the case's employee) never sees it,
 * whatever their role.</li>
 * <li>A confidential case is seen only by its handler, MANAGER, COMPLIANCE and users added by name ("Toegang",
 * {@code case_access_grant}).</li>
 * </ul>
 */
@Singleton
public class CaseVisibility {

    private final Db db;
    private final UserDirectory users;
    private final Clock clock;

    CaseVisibility(Db db, UserDirectory users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    /** The viewer a signed-in user is: their roles and the directory entries linked to their account. */
    @Transactional
    public Viewer viewer(Tenant tenant, CurrentUser me) {
        return new Viewer(me.id().value(), me.roles(), linkedStaff(tenant.id(), me.id().value()));
    }

    /** The directory entries linked to a user account. */
    Set<Long> linkedStaff(TenantId tenant, long userId) {
        return new HashSet<>(db.query("SELECT id FROM staff_member WHERE tenant_id = ? AND user_id = ?",
                rs -> rs.getLong(1), tenant.value(), userId));
    }

    /**
     * The condition (" AND ...") that keeps a viewer's cases of {@code complaint} aliased {@code alias}; its
     * parameters are appended to {@code params} in order. Empty for {@link Viewer#SYSTEM}.
     */
    public static String condition(Viewer viewer, String alias, List<Object> params) {
        if (viewer.system()) {
            return "";
        }
        StringBuilder sql = new StringBuilder();
        if (!viewer.staffIds().isEmpty()) {
            sql.append(" AND (").append(alias).append(".concerns_staff_id IS NULL OR ").append(alias)
                    .append(".concerns_staff_id NOT IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(viewer.staffIds().size(), "?")))
                    .append("))");
            params.addAll(viewer.staffIds().stream().sorted().toList());
        }
        if (!viewer.seesConfidential()) {
            sql.append(" AND (").append(alias).append(".confidential = FALSE OR ").append(alias)
                    .append(".handler_user_id = ? OR EXISTS (SELECT 1 FROM case_access_grant g WHERE g.tenant_id = ")
                    .append(alias).append(".tenant_id AND g.complaint_id = ").append(alias)
                    .append(".id AND g.user_id = ?))");
            params.add(viewer.userId());
            params.add(viewer.userId());
        }
        return sql.toString();
    }

    /** Whether the viewer may see the case; an unknown case is not seen either. */
    @Transactional
    public boolean sees(TenantId tenant, Viewer viewer, long complaintId) {
        List<Object> params = new java.util.ArrayList<>(List.of(tenant.value(), complaintId));
        String where = condition(viewer, "c", params);
        return db.count("SELECT COUNT(*) FROM complaint c WHERE c.tenant_id = ? AND c.id = ?" + where,
                params.toArray()) > 0;
    }

    /** @throws NotFoundException when the case does not exist for this viewer (the same answer as an unknown id) */
    public void require(TenantId tenant, Viewer viewer, ComplaintId id) {
        if (!sees(tenant, viewer, id.value())) {
            throw new NotFoundException(Text.of("error.case.unknown", String.valueOf(id.value())));
        }
    }

    /**
     * Whether the user is the person the case is about (linked in the personeelsoverzicht to its employee): such a
     * user cannot handle it and gets none of its reminders (impartiality).
     */
    @Transactional
    public boolean concerns(TenantId tenant, long complaintId, long userId) {
        return db.count("SELECT COUNT(*) FROM complaint c JOIN staff_member s ON s.id = c.concerns_staff_id "
                + "AND s.tenant_id = c.tenant_id WHERE c.tenant_id = ? AND c.id = ? AND s.user_id = ?",
                tenant.value(), complaintId, userId) > 0;
    }

    /** Toegang: a user added by name to a confidential case. */
    public record Grant(long userId, String name) {
    }

    /** The users added by name to the case, by name. */
    @Transactional
    public List<Grant> grants(TenantId tenant, long complaintId) {
        return db.query("SELECT g.user_id, u.display_name FROM case_access_grant g JOIN app_user u ON u.id = g.user_id "
                        + "AND u.tenant_id = g.tenant_id WHERE g.tenant_id = ? AND g.complaint_id = ? "
                        + "ORDER BY u.display_name", rs -> new Grant(rs.getLong(1), rs.getString(2)), tenant.value(),
                complaintId);
    }

    /**
     * Adds a user of the tenant by name to the case. The person complained about can never be added.
     *
     * @throws InvalidInputException when the user is unknown, inactive or the person complained about
     */
    @Transactional
    public void grant(Tenant tenant, Viewer by, ComplaintId id, UserId user) {
        require(tenant.id(), by, id);
        if (user == null || users.find(tenant.id(), user).filter(u -> u.active()).isEmpty()) {
            throw InvalidInputException.of("user", Text.of("case.access.unknownUser"));
        }
        if (concerns(tenant.id(), id.value(), user.value())) {
            throw InvalidInputException.of("user", Text.of("case.access.concerned"));
        }
        db.update("DELETE FROM case_access_grant WHERE tenant_id = ? AND complaint_id = ? AND user_id = ?",
                tenant.id().value(), id.value(), user.value());
        db.update("INSERT INTO case_access_grant (tenant_id, complaint_id, user_id, granted_by, granted_at) "
                        + "VALUES (?, ?, ?, ?, ?)", tenant.id().value(), id.value(), user.value(), by.userId(),
                java.sql.Timestamp.from(clock.instant()));
    }

    /** Removes a user added by name. */
    @Transactional
    public void revoke(Tenant tenant, Viewer by, ComplaintId id, UserId user) {
        require(tenant.id(), by, id);
        if (user != null) {
            db.update("DELETE FROM case_access_grant WHERE tenant_id = ? AND complaint_id = ? AND user_id = ?",
                    tenant.id().value(), id.value(), user.value());
        }
    }
}
