package nl.klachtenregie.regulation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.shared.Text;

/**
 * Reglementbeheer: how administrators keep a tenant's klachtenreglement current without a deploy. A version is
 * written as a draft (with the form, whose parameters become rules from vetted templates, or as DRL by hand),
 * checked, compared, tried on past cases, and activated by someone the tenant allows. Every change is logged.
 *
 * <p>Activation is where the safety lies: a draft that fails a check stays a draft and the version in force does
 * not change. Drafts themselves may be broken while being written; they are never evaluated for a case.
 */
@Singleton
public class RegulationAdministration {

    /**
     * Uitkomst van de controle: problems block activation; so do placeholders, the rows of a form version that still
     * hold the model regulation's standard text ({@link RegulationParameters#PLACEHOLDER}); warnings are shown but do
     * not block.
     */
    public record CheckResult(List<String> problems, List<String> warnings,
                              List<RegulationParameters.Placeholder> placeholders) {
        public CheckResult {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            placeholders = List.copyOf(placeholders);
        }

        public CheckResult(List<String> problems, List<String> warnings) {
            this(problems, warnings, List.of());
        }

        /** Whether the version can be activated as far as its content goes. */
        public boolean ok() {
            return problems.isEmpty() && placeholders.isEmpty();
        }

        /** The placeholders as the reasons activation gives, one per row, in Dutch. */
        public List<String> placeholderReasons() {
            return placeholders.stream().map(p -> p.row() + ": " + PLACEHOLDER_REASON).toList();
        }
    }

    static final String PLACEHOLDER_REASON = "het citaat is nog de standaardwaarde van het modelreglement; vervang het "
            + "door het artikel en de woorden van het eigen reglement, of verwijder de rij";

    /**
     * What a draft says about itself, as entered. {@code regulation}: the code of the tenant's regulation it is a
     * version of ("" the main one; null when copying: the original's).
     */
    public record DraftHeader(String version, LocalDate effectiveFrom, String title, String source,
                              @Nullable String regulation) {
        public DraftHeader(String version, LocalDate effectiveFrom, String title, String source) {
            this(version, effectiveFrom, title, source, "");
        }
    }

    private final RegulationCatalog catalog;
    private final RegulationEngine engine;
    private final RuleTemplates templates;
    private final AuditLog audit;
    private final TenantDirectory tenants;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    RegulationAdministration(RegulationCatalog catalog, RegulationEngine engine, RuleTemplates templates,
                             AuditLog audit, TenantDirectory tenants, TransactionOperations<Connection> tx,
                             Clock clock) {
        this.tenants = tenants;
        this.tx = tx;
        this.catalog = catalog;
        this.engine = engine;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every version, drafts included. */
    public List<StoredVersion> versions(Tenant tenant) {
        return catalog.all(tenant.id());
    }

    /** @throws NotFoundException when the tenant has no version of that name */
    public StoredVersion version(Tenant tenant, String version) {
        return catalog.find(tenant.id(), version).orElseThrow(() -> new NotFoundException(
                "Reglementversie '" + version + "' bestaat niet"));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The versions in force today: one per regulation of the tenant that has one. */
    @Transactional
    public Set<String> inForceToday(Tenant tenant) {
        LocalDate today = LocalDate.now(clock);
        Map<String, StoredVersion> latest = new java.util.HashMap<>();
        for (StoredVersion v : catalog.all(tenant.id())) {
            if (v.status() == VersionStatus.ACTIVE && !v.version().effectiveFrom().isAfter(today)) {
                latest.merge(v.regulation(), v, (a, b) -> b.version().effectiveFrom().isAfter(
                        a.version().effectiveFrom()) ? b : a);
            }
        }
        return latest.values().stream().map(StoredVersion::name).collect(java.util.stream.Collectors.toSet());
    }

    /** A new draft written with the form: its rules are generated from the parameters. */
    @Transactional
    public StoredVersion createFromForm(Tenant tenant, DraftHeader header, RegulationParameters parameters,
                                        String by) {
        RegulationVersion v = regulationVersion(header, templates.write(parameters));
        catalog.addDraft(tenant.id(), v, regulationCode(header.regulation()), parameters, by);
        audit.record(tenant.id(), by, "REGULATION_DRAFT_CREATED", v.version(),
                "Concept aangemaakt met het formulier: " + describe(v));
        return version(tenant, v.version());
    }

    /** A new draft written as DRL. */
    @Transactional
    public StoredVersion createFromDrl(Tenant tenant, DraftHeader header, Map<String, String> sources, String by) {
        RegulationVersion v = regulationVersion(header, ruleSet(sources));
        catalog.addDraft(tenant.id(), v, regulationCode(header.regulation()), null, by);
        audit.record(tenant.id(), by, "REGULATION_DRAFT_CREATED", v.version(),
                "Concept aangemaakt als DRL: " + describe(v));
        return version(tenant, v.version());
    }

    /**
     * A new draft that starts as a copy of an existing version, the usual way to change a regulation: the copy
     * keeps the form's parameters if the original had them.
     */
    @Transactional
    public StoredVersion copy(Tenant tenant, String from, DraftHeader header, String by) {
        StoredVersion original = version(tenant, from);
        RegulationVersion v = regulationVersion(header, original.version().ruleSet());
        catalog.addDraft(tenant.id(), new RegulationVersion(v.version(), v.effectiveFrom(), v.title(), v.source(),
                v.ruleSet(), original.version().coverageYaml()), header.regulation() == null
                ? original.regulation() : regulationCode(header.regulation()), original.parameters(), by);
        audit.record(tenant.id(), by, "REGULATION_DRAFT_CREATED", v.version(),
                "Concept aangemaakt als kopie van versie " + from + ": " + describe(v));
        return version(tenant, v.version());
    }

    /** Saves a draft written with the form; its hand-written rules, if any, are kept as they are. */
    @Transactional
    public StoredVersion updateFromForm(Tenant tenant, DraftHeader header, RegulationParameters parameters,
                                        int expectedRowVersion, String by) {
        return updateFromForm(tenant, header, parameters, handRules(version(tenant, header.version())),
                expectedRowVersion, by);
    }

    /**
     * Saves a draft written with the form together with its hand-written rules ({@link RuleTemplates#HAND_FILE}): the
     * rule set is the generated file and, when {@code handRules} is not blank, that file.
     */
    @Transactional
    public StoredVersion updateFromForm(Tenant tenant, DraftHeader header, RegulationParameters parameters,
                                        @Nullable String handRules, int expectedRowVersion, String by) {
        StoredVersion before = draft(tenant, header.version());
        RegulationVersion v = regulationVersion(header, withHandRules(templates.write(parameters), handRules));
        catalog.updateDraft(tenant.id(), withCoverage(v, before), parameters, expectedRowVersion);
        audit.record(tenant.id(), by, "REGULATION_DRAFT_CHANGED", v.version(),
                changes(before, v, parameters));
        return version(tenant, v.version());
    }

    /** Saves a draft as DRL; a draft that came from the form is from then on hand-written. */
    @Transactional
    public StoredVersion updateFromDrl(Tenant tenant, DraftHeader header, Map<String, String> sources,
                                       int expectedRowVersion, String by) {
        StoredVersion before = draft(tenant, header.version());
        RegulationVersion v = regulationVersion(header, ruleSet(sources));
        catalog.updateDraft(tenant.id(), withCoverage(v, before), null, expectedRowVersion);
        audit.record(tenant.id(), by, "REGULATION_DRAFT_CHANGED", v.version(), changes(before, v, null));
        return version(tenant, v.version());
    }

    /** The hand-written rules of a version written with the form, or "" when it has none. */
    public static String handRules(StoredVersion v) {
        return v.fromForm() ? v.version().ruleSet().sources().getOrDefault(RuleTemplates.HAND_FILE, "") : "";
    }

    private static RuleSet withHandRules(RuleSet generated, @Nullable String handRules) {
        if (handRules == null || handRules.isBlank()) {
            return generated;
        }
        Map<String, String> files = new java.util.LinkedHashMap<>(generated.sources());
        files.put(RuleTemplates.HAND_FILE, handRules.replace("\r\n", "\n"));
        return ruleSet(files);
    }

    @Transactional
    public void deleteDraft(Tenant tenant, String version, String by) {
        draft(tenant, version);
        if (!catalog.deleteDraft(tenant.id(), version)) {
            throw new ConflictException(Text.of("error.regulation.draftGone", version));
        }
        audit.record(tenant.id(), by, "REGULATION_DRAFT_DELETED", version, "Concept verwijderd");
    }

    /**
     * Checks a rule set as activation would: the allowlist and the compiler, then a trial evaluation on sample
     * complaints (a rule that loops or fails shows up here, not on a real case), then whether what the rules name
     * exists in the tenant's profile.
     */
    public CheckResult check(Tenant tenant, RuleSet rules) {
        CheckKey key = new CheckKey(rules.sources(), tenant.profile(), LocalDate.now(clock));
        synchronized (checked) {
            CheckResult known = checked.get(key);
            if (known != null) {
                return known;
            }
        }
        CheckResult result = checkAfresh(tenant, rules);
        synchronized (checked) {
            checked.put(key, result);
        }
        return result;
    }

    /** What was checked, against which profile, on which day: the same answer without evaluating again. */
    private record CheckKey(java.util.Map<String, String> sources, TenantProfile profile, LocalDate day) {
    }

    /**
     * Check results kept, so a draft that failed a bound (a loop, too slow, too much output) is shown as refused
     * without its rules running again on every view of its page (issue 14). Bounded; the oldest used goes first.
     */
    private final java.util.Map<CheckKey, CheckResult> checked = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<CheckKey, CheckResult> eldest) {
            return size() > 200;
        }
    };

    private CheckResult checkAfresh(Tenant tenant, RuleSet rules) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            engine.validate(rules);
        } catch (RuleSetCompilationException e) {
            e.problems().forEach(p -> problems.add(p.toString()));
            return new CheckResult(problems, warnings);
        }
        TenantProfile profile = tenant.profile();
        TenantFacts tenantFacts = new TenantFacts(profile.slug(), "", profile.levelCodes(),
                profile.externalBodyCodes());
        Set<String> levels = new LinkedHashSet<>();
        Set<String> bodies = new LinkedHashSet<>();
        for (EvaluationFacts facts : TrialCases.of(tenantFacts, profile, LocalDate.now(clock))) {
            try {
                RegulationOutcome outcome = engine.evaluate(rules, facts);
                outcome.escalationOptions().forEach(o -> levels.add(o.level()));
                outcome.externalBodies().forEach(b -> bodies.add(b.body()));
            } catch (RuleEvaluationException e) {
                problems.add("Proefberekening (" + TrialCases.describe(facts) + "): " + e.getMessage());
            } catch (IllegalArgumentException e) {
                problems.add("Proefberekening (" + TrialCases.describe(facts) + "): een uitkomst is ongeldig: "
                        + e.getMessage());
            }
        }
        levels.stream().filter(l -> !profile.levelCodes().contains(l)).forEach(l -> warnings.add(
                "De regels noemen escalatieniveau " + l + ", dat niet in de escalatieladder van het profiel staat"));
        bodies.stream().filter(b -> !profile.externalBodyCodes().contains(b)).forEach(b -> warnings.add(
                "De regels noemen externe instantie " + b + ", die niet in het profiel staat"));
        return new CheckResult(problems, warnings);
    }

    /**
     * The check every imported active version passes before it is stored (tenant import, seeds at start-up): the same
     * allowlist, compiler and trial cases as the draft page and activation, so that a version that loops, is too slow
     * or emits what intake cannot store never becomes active by another door (issue 14).
     *
     * @throws RuleSetCompilationException naming the version and each problem
     */
    public void requireSound(Tenant tenant, StoredVersion v) {
        if (v.isDraft()) {
            return;
        }
        CheckResult result = check(tenant, v.version().ruleSet());
        if (!result.problems().isEmpty()) {
            throw new RuleSetCompilationException(result.problems().stream().map(p -> new RuleSetCompilationException
                    .Problem("versie " + v.name(), 0, p)).toList());
        }
    }

    /**
     * Checks a version as activation does: its rules ({@link #check(Tenant, RuleSet)}); the placeholders a version
     * written with the form still holds; warnings for the ladder rungs, external bodies and service lines its
     * parameters name that the profile lacks; and, for an organisation under the Wkkgz, whether the profile names the
     * klachtenfunctionaris (art. 15) and the geschilleninstantie (art. 18) the law requires.
     */
    public CheckResult check(Tenant tenant, StoredVersion v) {
        CheckResult rules = check(tenant, v.version().ruleSet());
        List<String> warnings = new ArrayList<>(rules.warnings());
        TenantProfile profile = tenant.profile();
        RegulationParameters p = v.parameters();
        List<RegulationParameters.Placeholder> placeholders = p == null ? List.of() : p.placeholders();
        if (p != null) {
            Set<String> levels = new LinkedHashSet<>();
            p.terms().forEach(t -> {
                if (!t.startLevel().isEmpty()) {
                    levels.add(t.startLevel());
                }
            });
            p.externalBodies().forEach(r -> {
                if (!r.atLevel().isEmpty()) {
                    levels.add(r.atLevel());
                }
            });
            levels.stream().filter(l -> !profile.levelCodes().contains(l)).map(l -> "Het formulier noemt "
                    + "escalatieniveau " + l + ", dat niet in de escalatieladder van het profiel staat")
                    .filter(w -> !warnings.contains(w)).forEach(warnings::add);
            p.externalBodies().stream().map(RegulationParameters.Referral::body).distinct()
                    .filter(b -> !profile.externalBodyCodes().contains(b))
                    .map(b -> "De regels noemen externe instantie " + b + ", die niet in het profiel staat")
                    .filter(w -> !warnings.contains(w)).forEach(warnings::add);
            p.externalBodies().stream().map(RegulationParameters.Referral::serviceLine).filter(l -> !l.isEmpty())
                    .distinct().filter(l -> !profile.hasServiceLine(l))
                    .map(l -> "Het formulier noemt dienst " + l + ", die niet in het profiel staat")
                    .forEach(warnings::add);
            if (p.escalation().maySkip()
                    && profile.escalationLadder().size() > RegulationParameters.MAX_RUNGS_ABOVE + 1) {
                warnings.add("De escalatieladder heeft " + profile.escalationLadder().size() + " niveaus; 'niveaus "
                        + "overslaan' biedt hoogstens " + RegulationParameters.MAX_RUNGS_ABOVE + " niveaus hoger aan");
            }
        }
        warnings.addAll(wkkgzWarnings(profile));
        return new CheckResult(rules.problems(), warnings, placeholders);
    }

    /**
     * Wkkgz art. 15: a zorgaanbieder has a klachtenfunctionaris available to the complainant free of charge; art. 18:
     * it is affiliated with a geschilleninstantie. The profile's external bodies say so by their kind.
     */
    static List<String> wkkgzWarnings(TenantProfile profile) {
        if (!profile.hasRegime("WKKGZ")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (!hasBodyOfKind(profile, "klachtenfunctionaris")) {
            out.add("Deze organisatie valt (deels) onder de Wkkgz, maar het profiel noemt geen externe instantie van de "
                    + "soort klachtenfunctionaris: de Wkkgz (artikel 15) vraagt een klachtenfunctionaris die de klager "
                    + "kosteloos bijstaat. Voeg die toe onder Beheer, Profiel, Externe instanties.");
        }
        if (!hasBodyOfKind(profile, "geschil")) {
            out.add("Deze organisatie valt (deels) onder de Wkkgz, maar het profiel noemt geen externe instantie van de "
                    + "soort geschilleninstantie: de Wkkgz (artikel 18) vraagt aansluiting bij een erkende "
                    + "geschilleninstantie. Voeg die toe onder Beheer, Profiel, Externe instanties.");
        }
        return out;
    }

    private static boolean hasBodyOfKind(TenantProfile profile, String kind) {
        return profile.externalBodies().stream()
                .anyMatch(b -> b.kind().strip().toLowerCase(java.util.Locale.ROOT).contains(kind));
    }

    /**
     * Activates a draft: from its effective date it is the version in force, and it is never edited again.
     *
     * @param roles the roles of the user who activates it (names of the security feature's roles)
     * @throws ForbiddenException when the tenant reserves activation to other roles
     * @throws RefusedException when the draft fails a check or its date is not after the versions in force
     */
    public StoredVersion activate(Tenant tenant, String version, int expectedRowVersion, String by,
                                  Collection<String> roles) {
        requireApprover(tenant, roles, "vaststellen");
        StoredVersion checked = draft(tenant, version);
        requireRowVersion(checked, expectedRowVersion);
        // The check compiles (a few hundred ms): it runs before, and outside, the transaction that locks the tenant.
        // The row version ties its result to the content that is activated.
        CheckResult check = check(tenant, checked);
        return tx.executeWrite(status -> {
            // Locked first, so this transaction's reads see every activation committed before it: two activations
            // at once cannot both pass the date check against the same last active version.
            tenants.lock(tenant.id());
            StoredVersion draft = draft(tenant, version);
            requireRowVersion(draft, expectedRowVersion);
            List<Text> reasons = new ArrayList<>();
            catalog.activeDates(tenant.id(), draft.regulation()).stream()
                    .filter(d -> !draft.version().effectiveFrom().isAfter(d)).max(LocalDate::compareTo)
                    .ifPresent(d -> reasons.add(Text.of("regulation.activate.notAfterLast", String.valueOf(d))));
            check.problems().forEach(p -> reasons.add(Text.plain(p)));
            check.placeholderReasons().forEach(p -> reasons.add(Text.plain(p)));
            if (!reasons.isEmpty()) {
                throw RefusedException.because(reasons);
            }
            catalog.markActive(tenant.id(), version, expectedRowVersion, by, Instant.now(clock));
            audit.record(tenant.id(), by, "REGULATION_ACTIVATED", version, "Vastgesteld met ingang van "
                    + draft.version().effectiveFrom() + " (" + draft.version().title() + ")");
            return version(tenant, version);
        });
    }

    /**
     * Trekt een vaststelling in: an active version whose effective date has not come yet goes back to being a draft,
     * by the roles that may activate, and is logged. From its effective date on it is the version in force and stays
     * so; a version that complaints already follow (received before any version took effect) stays too.
     *
     * @throws ForbiddenException when the tenant reserves activation to other roles
     * @throws RefusedException when the date has come, or cases follow it
     */
    public StoredVersion withdraw(Tenant tenant, String version, int expectedRowVersion, String by,
                                  Collection<String> roles) {
        requireApprover(tenant, roles, "intrekken");
        return tx.executeWrite(status -> {
            tenants.lock(tenant.id());
            StoredVersion v = version(tenant, version);
            if (v.isDraft()) {
                throw new RefusedException(Text.of("regulation.withdraw.draft", version));
            }
            requireRowVersion(v, expectedRowVersion);
            LocalDate today = LocalDate.now(clock);
            if (!v.version().effectiveFrom().isAfter(today)) {
                throw new RefusedException(Text.of("regulation.withdraw.inForce", version,
                        dmy(v.version().effectiveFrom())));
            }
            int cases = catalog.complaintsFollowing(tenant.id(), version);
            if (cases > 0) {
                throw new RefusedException(cases == 1 ? Text.of("regulation.withdraw.followed.one", version)
                        : Text.of("regulation.withdraw.followed.many", version, String.valueOf(cases)));
            }
            catalog.markDraft(tenant.id(), version, expectedRowVersion, today);
            audit.record(tenant.id(), by, "REGULATION_WITHDRAWN", version, "Vaststelling ingetrokken vóór de "
                    + "ingangsdatum " + v.version().effectiveFrom() + " (" + v.version().title() + "); weer een concept");
            return version(tenant, version);
        });
    }

    /** Whether this version can still be withdrawn today (active, its effective date still to come). */
    public boolean withdrawable(StoredVersion v) {
        return !v.isDraft() && v.version().effectiveFrom().isAfter(LocalDate.now(clock));
    }

    /**
     * The version new complaints of the draft's regulation follow until the draft takes effect: the last active
     * version of that regulation (in force today, or activated to come into force later), if any.
     */
    public java.util.Optional<StoredVersion> predecessor(Tenant tenant, StoredVersion draft) {
        return catalog.all(tenant.id()).stream()
                .filter(v -> !v.isDraft() && v.regulation().equals(draft.regulation()) && !v.name().equals(draft.name()))
                .max(java.util.Comparator.comparing((StoredVersion v) -> v.version().effectiveFrom()));
    }

    /** The version of the main regulation in force today, or the latest active one, to copy a new draft from. */
    public java.util.Optional<StoredVersion> currentVersion(Tenant tenant) {
        Set<String> inForce = inForceToday(tenant);
        List<StoredVersion> all = catalog.all(tenant.id());
        return all.stream().filter(v -> inForce.contains(v.name()) && v.regulation().isEmpty()).findFirst()
                .or(() -> all.stream().filter(v -> !v.isDraft() && v.regulation().isEmpty())
                        .max(java.util.Comparator.comparing((StoredVersion v) -> v.version().effectiveFrom())));
    }

    private static String dmy(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    /**
     * Vaststellen voorbehouden: whether these roles may activate or withdraw a version at this tenant (the profile's
     * activation roles; Klimkoord reserves it to the directeur-bestuurder).
     */
    public static boolean mayActivate(Tenant tenant, Collection<String> roles) {
        return roles.stream().anyMatch(tenant.profile().activationRoles()::contains);
    }

    /** Refuses (403, naming who may) when these roles may neither activate nor withdraw a version here. */
    public static void requireApprover(Tenant tenant, Collection<String> roles) {
        if (!mayActivate(tenant, roles)) {
            throw new ForbiddenException(Text.of("error.regulation.activateOrWithdrawReserved",
                    String.join(" of ", tenant.profile().activationRoles().stream()
                            .map(RegulationAdministration::roleName).toList())));
        }
    }

    private static void requireApprover(Tenant tenant, Collection<String> roles, String what) {
        List<String> allowed = tenant.profile().activationRoles();
        if (!mayActivate(tenant, roles)) {
            throw new ForbiddenException(Text.of("error.regulation.reserved." + what, String.join(" of ", allowed.stream()
                    .map(RegulationAdministration::roleName).toList())));
        }
    }

    /** Rules and parameters of two versions side by side. */
    public VersionDiff diff(Tenant tenant, String from, String to) {
        return VersionDiff.of(version(tenant, from), version(tenant, to));
    }

    private static void requireRowVersion(StoredVersion draft, int expected) {
        if (draft.rowVersion() != expected) {
            throw new ConflictException(Text.of("error.regulation.draftChanged", draft.name()));
        }
    }

    private StoredVersion draft(Tenant tenant, String version) {
        StoredVersion stored = version(tenant, version);
        if (!stored.isDraft()) {
            throw new RefusedException(Text.of("regulation.draft.adopted", version));
        }
        return stored;
    }

    private static String regulationCode(@Nullable String code) {
        String c = code == null ? "" : code.strip();
        if (!c.matches("[a-z0-9]*(-[a-z0-9]+)*") || c.length() > 64) {
            throw InvalidInputException.of("regulation", Text.of("regulation.field.code"));
        }
        return c;
    }

    private static RegulationVersion withCoverage(RegulationVersion v, StoredVersion before) {
        return new RegulationVersion(v.version(), v.effectiveFrom(), v.title(), v.source(), v.ruleSet(),
                before.version().coverageYaml());
    }

    private static RegulationVersion regulationVersion(DraftHeader h, RuleSet rules) {
        java.util.Map<String, Text> errors = new java.util.LinkedHashMap<>();
        if (h.version() == null || !RegulationVersion.VERSION.matcher(h.version()).matches()) {
            errors.put("version", Text.of("regulation.field.version"));
        }
        if (h.effectiveFrom() == null) {
            errors.put("effectiveFrom", Text.of("regulation.field.effectiveFrom"));
        }
        if (h.title() == null || h.title().isBlank()) {
            errors.put("title", Text.of("regulation.field.title"));
        } else if (h.title().length() > 500) {
            errors.put("title", Text.of("regulation.field.titleTooLong"));
        }
        if (h.source() != null && h.source().length() > 255) {
            errors.put("source", Text.of("regulation.field.sourceTooLong"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        return new RegulationVersion(h.version(), h.effectiveFrom(), h.title().strip(),
                h.source() == null ? "" : h.source().strip(), rules, "");
    }

    private static RuleSet ruleSet(Map<String, String> sources) {
        try {
            return new RuleSet(sources);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("rules", e.getMessage());
        }
    }

    private static String describe(RegulationVersion v) {
        return "'" + v.title() + "', ingangsdatum " + v.effectiveFrom() + ", " + v.ruleSet().sources().size()
                + " DRL-bestand(en)";
    }

    private static String changes(StoredVersion before, RegulationVersion after,
                                  @Nullable RegulationParameters parameters) {
        VersionDiff diff = VersionDiff.of(before, new StoredVersion(after, before.regulation(), VersionStatus.DRAFT, parameters, null,
                null, null, 0));
        return diff.summary();
    }

    /** The Dutch name of an approving role, as refusals and pages say who may activate. */
    public static String roleName(String role) {
        return switch (role) {
            case "ADMIN" -> "de beheerder";
            case "DIRECTOR" -> "de directeur-bestuurder";
            case "MANAGER" -> "de leidinggevende";
            case "COMPLIANCE" -> "de kwaliteitsmanager";
            default -> role;
        };
    }
}
