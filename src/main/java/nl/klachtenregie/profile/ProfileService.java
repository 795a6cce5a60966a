package nl.klachtenregie.profile;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.ComplaintStatistics;
import nl.klachtenregie.complaint.ComplaintStatistics.ProfileItem;
import nl.klachtenregie.regulation.HolidayCalendar;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.shared.Text;

/**
 * Organisatieprofiel bewerken: saves a tenant administrator's changes to the profile, refuses to remove what
 * existing cases refer to, and writes what changed to the tenant's log in the same transaction.
 */
@Singleton
public class ProfileService {

    private final TenantDirectory tenants;
    private final ComplaintStatistics statistics;
    private final AuditLog audit;
    private final nl.klachtenregie.regulation.RegulationCatalog regulations;
    private final nl.klachtenregie.regulation.RegulationAdministration administration;

    ProfileService(TenantDirectory tenants, ComplaintStatistics statistics, AuditLog audit,
                   nl.klachtenregie.regulation.RegulationCatalog regulations,
                   nl.klachtenregie.regulation.RegulationAdministration administration) {
        this.regulations = regulations;
        this.administration = administration;
        this.tenants = tenants;
        this.statistics = statistics;
        this.audit = audit;
    }

    /**
     * Saves the profile when it differs from the stored one.
     *
     * @param actor the administrator's user name
     * @return the tenant as it is now
     * @throws InvalidInputException for an unknown holiday calendar (field {@code holidayCalendar})
     * @throws RefusedException when a removed category, service line, escalation level or external body is used by
     *     cases; one reason per entry, naming it and how many cases use it
     */
    @Transactional
    public Tenant update(Tenant tenant, TenantProfile changed, String actor) {
        return update(tenant, changed, actor, null, null);
    }

    /**
     * As {@link #update(Tenant, TenantProfile, String)}, if nobody saved the profile since the editor loaded it.
     *
     * @param expectedRowVersion {@link TenantDirectory#rowVersion} when the form was loaded; null skips the check
     * @throws ConflictException when the profile was saved by someone else in the meantime
     */
    @Transactional
    public Tenant update(Tenant tenant, TenantProfile changed, String actor, Integer expectedRowVersion,
                         java.util.Collection<String> actorRoles) {
        if (!tenant.slug().equals(changed.slug())) {
            throw new IllegalArgumentException("De code (slug) van een organisatie verandert niet");
        }
        try {
            HolidayCalendar.named(changed.holidayCalendar(), Map.of());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("holidayCalendar", e.getMessage());
        }
        // Serialised with intake, which takes the same lock: no case can start to use an entry while it goes.
        tenants.lock(tenant.id());
        if (expectedRowVersion != null && tenants.rowVersion(tenant.id()) != expectedRowVersion) {
            throw new ConflictException(Text.of("error.profile.savedByOther"));
        }
        TenantProfile before = tenants.slugOf(tenant.id()).flatMap(tenants::find).map(Tenant::profile)
                .orElse(tenant.profile());
        // Who may activate is itself reserved: otherwise an administrator could take Klimkoord's reservation for the
        // directeur-bestuurder away and activate after all. Null roles: a caller that is not a person's request.
        if (actorRoles != null && !before.activationRoles().equals(changed.activationRoles())
                && actorRoles.stream().noneMatch(before.activationRoles()::contains)) {
            throw new ForbiddenException(Text.of("error.profile.activationRolesReserved",
                    String.join(", ", before.activationRoles())));
        }
        List<Text> refused = new ArrayList<>();
        // A typo in a service line's regulation would only show at the next intake, as "no regulation in force".
        java.util.Set<String> known = regulations.regulationCodes(tenant.id());
        changed.serviceLines().stream().filter(l -> !l.regulation().isEmpty() && !known.contains(l.regulation()))
                .forEach(l -> refused.add(Text.of("profile.error.lineRegulationUnknown", l.name(),
                        l.regulation())));
        removedInUse(refused, tenant, ProfileItem.ESCALATION_LEVEL, Text.of("profile.error.what.level"),
                before.escalationLadder(), changed.escalationLadder(), TenantProfile.EscalationLevel::code,
                TenantProfile.EscalationLevel::role);
        removedInUse(refused, tenant, ProfileItem.EXTERNAL_BODY, Text.of("profile.error.what.body"), before.externalBodies(),
                changed.externalBodies(), TenantProfile.ExternalBody::code, TenantProfile.ExternalBody::name);
        removedInUse(refused, tenant, ProfileItem.CATEGORY, Text.of("profile.error.what.category"), before.categories(),
                changed.categories(), TenantProfile.Category::code, TenantProfile.Category::name);
        removedInUse(refused, tenant, ProfileItem.SERVICE_LINE, Text.of("profile.error.what.line"), before.serviceLines(),
                changed.serviceLines(), TenantProfile.ServiceLine::code, TenantProfile.ServiceLine::name);
        refused.addAll(rulesThatWouldLoseWhatTheyName(tenant, before, changed));
        // The public form promises the terms of the regulation in force: without an activated version it would
        // promise nothing true (a draft is no promise).
        if (changed.publicForm().enabled() && !before.publicForm().enabled()
                && regulations.activeDates(tenant.id(), "").isEmpty()) {
            refused.add(Text.of("profile.error.publicFormWithoutRegulation"));
        }
        if (!refused.isEmpty()) {
            throw RefusedException.because(refused);
        }
        List<String> changes = ProfileDiff.between(before, changed);
        if (changes.isEmpty()) {
            return new Tenant(tenant.id(), before);
        }
        Tenant saved = tenants.update(tenant.id(), changed);
        audit.record(tenant.id(), actor, "PROFILE_UPDATED", "organisatieprofiel", String.join("\n", changes));
        return saved;
    }

    private <T> void removedInUse(List<Text> refused, Tenant tenant, ProfileItem item, Text what,
                                  List<T> before, List<T> after, Function<T, String> code, Function<T, String> name) {
        List<String> kept = after.stream().map(code).toList();
        for (T row : before) {
            String c = code.apply(row);
            if (kept.contains(c)) {
                continue;
            }
            long cases = statistics.casesUsing(tenant.id(), item, c);
            if (cases > 0) {
                refused.add(cases == 1 ? Text.of("profile.error.inUse.one", what, name.apply(row), c)
                        : Text.of("profile.error.inUse.many", what, name.apply(row), c, String.valueOf(cases)));
            }
        }
    }

    /**
     * The versions in force, and those still to come, must keep finding the ladder levels and external bodies their
     * rules name: removing one would leave a case with an escalation option or a referral to nothing. The check is
     * the one activation uses, run with the profile before and after; only what the change newly breaks counts.
     */
    private List<Text> rulesThatWouldLoseWhatTheyName(Tenant tenant, TenantProfile before, TenantProfile changed) {
        if (before.levelCodes().equals(changed.levelCodes())
                && before.externalBodyCodes().equals(changed.externalBodyCodes())) {
            return List.of();
        }
        java.time.LocalDate today = administration.today();
        java.util.Set<String> inForce = administration.inForceToday(tenant);
        List<Text> out = new ArrayList<>();
        for (nl.klachtenregie.regulation.StoredVersion v : regulations.all(tenant.id())) {
            boolean current = inForce.contains(v.name())
                    || (!v.isDraft() && v.version().effectiveFrom().isAfter(today));
            if (!current) {
                continue;
            }
            java.util.Set<String> was = new java.util.HashSet<>(administration.check(new Tenant(tenant.id(), before),
                    v.version().ruleSet()).warnings());
            for (String warning : administration.check(new Tenant(tenant.id(), changed), v.version().ruleSet())
                    .warnings()) {
                if (!was.contains(warning)) {
                    // The warning is the rule set check's own words (Dutch, as the regulation page shows them).
                    out.add(Text.of("profile.error.ruleLosesName", v.name(), Text.plain(warning)));
                }
            }
        }
        return out;
    }
}
