package nl.klachtenregie.complaint.web;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klachtenregie.audit.CaseReads;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.CaseVisibility;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.Viewer;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;

/**
 * What the case pages need of need-to-know (issue 16): the viewer a signed-in user is, the inzagelog entry of a page
 * read, the Toegang section, and adding or removing a named user.
 */
@Singleton
class CaseAccessPages {

    /** Reads shown on the case page; the access-log page has them all. */
    static final int READS_SHOWN = 20;

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final CaseVisibility visibility;
    private final CaseReads reads;
    private final UserDirectory users;

    private final nl.klachtenregie.complaint.StaffDirectory staff;

    CaseAccessPages(CaseVisibility visibility, CaseReads reads, UserDirectory users,
                    nl.klachtenregie.complaint.StaffDirectory staff) {
        this.staff = staff;
        this.visibility = visibility;
        this.reads = reads;
        this.users = users;
    }

    Viewer viewer(Tenant t, CurrentUser me) {
        return visibility.viewer(t, me);
    }

    /** @throws nl.klachtenregie.shared.NotFoundException when the case does not exist for this user */
    void require(Tenant t, CurrentUser me, ComplaintId id) {
        visibility.require(t.id(), viewer(t, me), id);
    }

    /** The active entries of the personeelsoverzicht to pick from, "nobody / not in it" first; name and team shown. */
    List<nl.klachtenregie.web.Option> staffOptions(Tenant t, String selected) {
        List<nl.klachtenregie.web.Option> options = new ArrayList<>();
        options.add(new nl.klachtenregie.web.Option("", "", selected == null || selected.isBlank()));
        staff.active(t.id()).forEach(m -> options.add(new nl.klachtenregie.web.Option(String.valueOf(m.id()),
                m.team() == null ? m.name() : m.name() + " (" + m.team() + ")",
                String.valueOf(m.id()).equals(selected))));
        return options;
    }

    /** The case page was shown to this user: one row in the inzagelog. */
    void logPage(Tenant t, CurrentUser me, CaseView c) {
        reads.record(t.id(), me.id().value(), c.id(), CaseReads.What.PAGE);
    }

    /** The tenant's handlers without the person the case is about. */
    List<UserAccount> impartialHandlers(Tenant t, CaseView c, List<UserAccount> handlers) {
        if (c.concernsStaffId() == null) {
            return handlers;
        }
        return handlers.stream().filter(u -> !visibility.concerns(t.id(), c.id(), u.id().value())).toList();
    }

    private static boolean canManage(CaseView c, CurrentUser me) {
        return me.has(Role.MANAGER) || (me.has(Role.STAFF) && c.handler() != null && c.handler().id() == me.id().value());
    }

    CaseAccessSection section(Tenant t, CaseView c, CurrentUser me) {
        boolean manage = c.confidential() && canManage(c, me);
        List<CaseVisibility.Grant> grants = c.confidential() ? visibility.grants(t.id(), c.id()) : List.of();
        Set<Long> granted = grants.stream().map(CaseVisibility.Grant::userId).collect(Collectors.toSet());
        List<nl.klachtenregie.web.Option> addable = new ArrayList<>();
        if (manage) {
            for (UserAccount u : users.handlers(t.id())) {
                boolean alreadySees = u.roles().contains(Role.MANAGER) || u.roles().contains(Role.COMPLIANCE)
                        || (c.handler() != null && c.handler().id() == u.id().value());
                if (!alreadySees && !granted.contains(u.id().value())
                        && !visibility.concerns(t.id(), c.id(), u.id().value())) {
                    addable.add(new nl.klachtenregie.web.Option(String.valueOf(u.id().value()), u.displayName(),
                            false));
                }
            }
        }
        boolean showReads = me.has(Role.COMPLIANCE);
        List<CaseAccessSection.ReadRow> rows = List.of();
        boolean more = false;
        if (showReads) {
            List<CaseReads.Read> found = reads.reads(t.id(), null, c.id(), LocalDate.of(2000, 1, 1),
                    LocalDate.of(2100, 1, 1), READS_SHOWN + 1);
            more = found.size() > READS_SHOWN;
            rows = found.stream().limit(READS_SHOWN).map(r -> new CaseAccessSection.ReadRow(
                    r.userName(), r.at().atZone(NETHERLANDS).format(MOMENT), r.what().name())).toList();
        }
        return new CaseAccessSection(c.confidential(), manage, grants.stream()
                .map(g -> new CaseAccessSection.Granted(g.userId(), g.name())).toList(), addable, showReads, rows,
                more);
    }

    /** Adds a named user; only the handler or a leidinggevende. */
    void grant(Tenant t, CurrentUser me, ComplaintId id, UserId user, CaseView c) {
        if (!canManage(c, me)) {
            throw new ForbiddenException(Text.of("case.access.notYours"));
        }
        visibility.grant(t, viewer(t, me), id, user);
    }

    void revoke(Tenant t, CurrentUser me, ComplaintId id, UserId user, CaseView c) {
        if (!canManage(c, me)) {
            throw new ForbiddenException(Text.of("case.access.notYours"));
        }
        visibility.revoke(t, viewer(t, me), id, user);
    }
}
