package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;

/**
 * Personeelsoverzicht: the tenant's employees a complaint can concern, each with a team or service and optionally the
 * user account that is this person. "Betreft medewerker" picks from it, so that "dezelfde persoon" is one entry and
 * the person complained about can be kept out of the case (issue 16). Kept with SQL: the entries are read joined
 * with the accounts' names.
 */
@Singleton
public class StaffDirectory {

    /** Medewerker in het personeelsoverzicht; {@code userName} is the linked account's display name. */
    public record StaffMember(long id, String name, @Nullable String team, @Nullable Long userId,
                              @Nullable String userName, boolean active) {
    }

    /** What an administrator enters for an entry. */
    public record Entry(String name, @Nullable String team, @Nullable Long userId, boolean active) {
    }

    private static final String SELECT = "SELECT s.id, s.full_name, s.team, s.user_id, u.display_name, s.active "
            + "FROM staff_member s LEFT JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id ";

    private final Db db;
    private final UserDirectory users;
    private final AuditLog audit;

    StaffDirectory(Db db, UserDirectory users, AuditLog audit) {
        this.db = db;
        this.users = users;
        this.audit = audit;
    }

    /** Every entry of the tenant, active ones first, by name. */
    @Transactional
    public List<StaffMember> list(TenantId tenant) {
        return db.query(SELECT + "WHERE s.tenant_id = ? ORDER BY s.active DESC, s.full_name, s.id",
                StaffDirectory::member, tenant.value());
    }

    /** The entries intake can pick: the active ones. */
    @Transactional
    public List<StaffMember> active(TenantId tenant) {
        return list(tenant).stream().filter(StaffMember::active).toList();
    }

    @Transactional
    public Optional<StaffMember> find(TenantId tenant, long id) {
        return db.queryOne(SELECT + "WHERE s.tenant_id = ? AND s.id = ?", StaffDirectory::member, tenant.value(), id);
    }

    /** @throws InvalidInputException with the fields named */
    @Transactional
    public StaffMember create(Tenant tenant, Entry entry, String actor) {
        Entry e = checked(tenant, entry);
        long id = db.insert("INSERT INTO staff_member (tenant_id, full_name, team, user_id, active) VALUES (?, ?, ?, ?, ?)",
                tenant.id().value(), e.name(), e.team(), e.userId(), e.active());
        audit.record(tenant.id(), actor, "STAFF_MEMBER_ADDED", e.name(), describe(e));
        return find(tenant.id(), id).orElseThrow();
    }

    /** @throws NotFoundException for an entry not of this tenant */
    @Transactional
    public StaffMember update(Tenant tenant, long id, Entry entry, String actor) {
        find(tenant.id(), id).orElseThrow(() -> notFound(id));
        Entry e = checked(tenant, entry);
        db.update("UPDATE staff_member SET full_name = ?, team = ?, user_id = ?, active = ? WHERE tenant_id = ? AND id = ?",
                e.name(), e.team(), e.userId(), e.active(), tenant.id().value(), id);
        // Cases about the entry show its current name.
        db.update("UPDATE complaint SET concerns_employee = ? WHERE tenant_id = ? AND concerns_staff_id = ?",
                e.name(), tenant.id().value(), id);
        audit.record(tenant.id(), actor, "STAFF_MEMBER_CHANGED", e.name(), describe(e));
        return find(tenant.id(), id).orElseThrow();
    }

    /**
     * Removes an entry no case refers to; one that cases concern is made inactive instead (it stays the person those
     * cases are about).
     *
     * @throws ConflictException when cases concern the entry
     */
    @Transactional
    public void remove(Tenant tenant, long id, String actor) {
        StaffMember m = find(tenant.id(), id).orElseThrow(() -> notFound(id));
        long cases = db.count("SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND concerns_staff_id = ?",
                tenant.id().value(), id);
        if (cases > 0) {
            throw new ConflictException(Text.of("staff.inUse", m.name(), String.valueOf(cases)));
        }
        db.update("DELETE FROM staff_member WHERE tenant_id = ? AND id = ?", tenant.id().value(), id);
        audit.record(tenant.id(), actor, "STAFF_MEMBER_REMOVED", m.name(), "");
    }

    private Entry checked(Tenant tenant, Entry entry) {
        Map<String, Text> errors = new LinkedHashMap<>();
        String name = entry == null || entry.name() == null ? "" : entry.name().strip();
        String team = entry == null || entry.team() == null || entry.team().isBlank() ? null : entry.team().strip();
        if (name.isEmpty()) {
            errors.put("name", Text.of("staff.field.name"));
        } else if (name.length() > 255) {
            errors.put("name", Text.of("staff.field.tooLong"));
        } else if (PersonKey.isPlaceholder(name)) {
            errors.put("name", Text.of("staff.field.placeholder", name));
        }
        if (team != null && team.length() > 255) {
            errors.put("team", Text.of("staff.field.tooLong"));
        }
        Long userId = entry == null ? null : entry.userId();
        if (userId != null && users.find(tenant.id(), new UserId(userId)).isEmpty()) {
            // Only an account of the same tenant can be this person.
            errors.put("userId", Text.of("staff.field.user"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        return new Entry(name, team, userId, entry.active());
    }

    private static String describe(Entry e) {
        return "team: " + (e.team() == null ? "-" : e.team()) + "; gebruiker: "
                + (e.userId() == null ? "-" : e.userId()) + "; actief: " + (e.active() ? "ja" : "nee");
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException(Text.of("staff.unknown", String.valueOf(id)));
    }

    private static StaffMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
        long user = rs.getLong(4);
        Long userId = rs.wasNull() ? null : user;
        return new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), userId, rs.getString(5),
                rs.getBoolean(6));
    }
}
