package nl.klachtenregie.regulation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.DryRun;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationAdministration.CheckResult;
import nl.klachtenregie.regulation.RegulationAdministration.DraftHeader;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.regulation.VersionDiff;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.shared.Messages;

/**
 * Reglementbeheer in the browser: the versions of the tenant's klachtenreglement, a new draft (with the form, as
 * DRL, or as a copy), editing a draft, its check, the comparison of two versions, a dry run over past cases and the
 * activation. Administrators write drafts; who activates is the tenant's choice ({@code activationRoles}), checked
 * by the service; the other approver roles may read everything here.
 */
@Controller("/t/{tenant}/beheer/reglement")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "DIRECTOR", "MANAGER", "COMPLIANCE"})
class RegulationPagesController {

    private static final String DEFAULT_FILE = "regulation.drl";
    private static final List<String> DONE = List.of("aangemaakt", "opgeslagen", "vastgesteld", "ingetrokken");
    /** The field that confirms an activation on the summary page. */
    static final String CONFIRMED = "bevestigd";
    private static final Pattern DRL_FIELD = Pattern.compile("drl\\[(\\d{1,3})]\\.(name|text)");

    /** One version in the list. */
    /** {@code importedBy}/{@code importedAt}: who read it in from an archive and when ("" when made here). */
    record VersionRow(String version, String regulation, String status, LocalDate effectiveFrom, String title,
                      boolean fromForm, String createdBy, String activatedBy, String activatedAt, boolean inForce,
                      String importedBy, String importedAt) {
    }

    /**
     * The list of versions with the forms for a new draft and for comparing. {@code copyFrom}: the version in force
     * (else the latest active one), which a new draft copies by default; null when there is none, and a new draft
     * then starts from the model regulation.
     */
    record ListPage(String tenant, List<VersionRow> versions, boolean canEdit, Map<String, String> entered,
                    List<String> errors, List<String> approvers, @Nullable String copyFrom, String kind) {
        public String nav() {
            return "reglement";
        }
    }

    /** One DRL file in the editor. */
    record DrlFile(int index, String name, String text) {
    }

    /** A version: read-only when active; the editor, the check and the actions when a draft. */
    record VersionPage(String tenant, String version, String status, boolean draft, boolean fromForm,
                       Map<String, String> header, int rowVersion, @Nullable RegulationForms.Editor editor,
                       List<DrlFile> files, @Nullable CheckResult check, List<String> errors, boolean canEdit,
                       boolean canActivate, List<String> approvers, String createdBy, String activatedBy,
                       String activatedAt, List<String> others, @Nullable String done, boolean canWithdraw,
                       LocalDate effectiveFrom, List<DrlFile> allFiles, String importedBy, String importedAt) {
        public String nav() {
            return "reglement";
        }
    }

    /** A rule of a hand-written version that changes, for the activation summary. */
    record RuleLine(String kind, String rule) {
    }

    /**
     * Vaststellen bevestigen: what changes for new complaints received from the draft's effective date against the
     * version they follow now, and whether it can be activated. {@code exact}: both sides written with the form, so the
     * changes are compared field by field; otherwise the rules that change are listed by name.
     */
    record ActivationPage(String tenant, String version, String title, LocalDate effectiveFrom,
                          @Nullable String predecessor, @Nullable LocalDate predecessorFrom, boolean exact,
                          List<RegulationSummary.Section> sections, List<RuleLine> rules, List<String> problems,
                          List<String> warnings, boolean canConfirm, int rowVersion, List<String> errors) {
        public String nav() {
            return "reglement";
        }

        public boolean nothingChanges() {
            return sections.isEmpty() && rules.isEmpty();
        }

        public int ruleCount() {
            return rules.size();
        }
    }

    /** Two versions compared. */
    record DiffPage(String tenant, VersionDiff diff, List<String> versions) {
        public String nav() {
            return "reglement";
        }
    }

    /** A KPI of the dry run as a person reads it: "83% (norm: minstens 80%)". */
    record KpiView(String code, String label, String before, String after, boolean differs, String metBefore,
                   String metAfter) {
    }

    /** A dry run's result, with the period asked. */
    record DryRunPage(String tenant, String version, String from, String to, @Nullable DryRun.Report report,
                      List<String> errors, List<KpiView> kpis) {
        public String nav() {
            return "reglement";
        }
    }

    private final RegulationAdministration admin;
    private final DryRun dryRun;
    private final TenantDirectory tenants;
    private final Messages messages;
    private final RegulationCatalog catalog;

    RegulationPagesController(RegulationAdministration admin, DryRun dryRun, TenantDirectory tenants,
                              Messages messages, RegulationCatalog catalog) {
        this.catalog = catalog;
        this.admin = admin;
        this.dryRun = dryRun;
        this.tenants = tenants;
        this.messages = messages;
    }

    @Get
    ModelAndView<ListPage> list(@PathVariable String tenant, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        return listPage(OwnTenant.of(tenants, tenant, me), me, Map.of(), List.of());
    }

    /** A new draft: {@code kind} is "form", "drl" or "copy" (then {@code from} names the original). */
    @Post("/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> create(@PathVariable String tenant, @Body Map<String, String> form,
                           Authentication authentication,
            HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        try {
            DraftHeader header = RegulationForms.header(null, form);
            StoredVersion created = switch (form.getOrDefault("kind", "form")) {
                case "drl" -> admin.createFromDrl(t, header, Map.of(DEFAULT_FILE, starterDrl(t)), me.username());
                case "copy" -> admin.copy(t, form.getOrDefault("from", ""), header, me.username());
                default -> admin.createFromForm(t, header, RegulationParameters.defaults(header.title() == null
                        || header.title().isBlank() ? t.profile().name() : header.title().strip()), me.username());
            };
            return HttpResponse.seeOther(URI.create(base(t) + "/" + enc(created.name()) + "?gedaan=aangemaakt"));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(listPage(t, me, form, messages(e, request)));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(listPage(t, me, form, List.of(e.getMessage())));
        } catch (NotFoundException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(listPage(t, me, form, List.of(e.getMessage())));
        }
    }

    @Get("/verschil")
    ModelAndView<DiffPage> diff(@PathVariable String tenant, @QueryValue("van") String from,
                                @QueryValue("naar") String to, Authentication authentication) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(authentication));
        return new ModelAndView<>("regulation-diff", new DiffPage(t.slug(), admin.diff(t, from, to),
                admin.versions(t).stream().map(StoredVersion::name).toList()));
    }

    @Get("/{version}")
    ModelAndView<VersionPage> show(@PathVariable String tenant, @PathVariable String version,
                                   @Nullable @QueryValue String gedaan, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        StoredVersion v = admin.version(t, version);
        // Only the outcomes this controller redirects with; anything else in the address is ignored.
        String done = gedaan != null && DONE.contains(gedaan) ? "reg.done." + gedaan : null;
        return versionPage(t, me, v, null, null, List.of(), done);
    }

    /** Saves a draft: the form's fields when it is written with the form, otherwise its DRL files. */
    @Post("/{version}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> save(@PathVariable String tenant, @PathVariable String version, @Body Map<String, String> form,
                         Authentication authentication,
            HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        StoredVersion v = admin.version(t, version);
        if (!v.isDraft()) {
            // Before reading the form: an active version's page has no editor, so its fields would only give
            // misleading errors about missing input instead of the reason.
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(versionPage(t, me, v, null, null,
                    List.of("Versie '" + v.name() + "' is vastgesteld en wordt niet meer gewijzigd; maak een nieuwe "
                            + "versie (kopie) om iets te veranderen."), null));
        }
        int rowVersion = rowVersion(form);
        boolean asForm = v.fromForm() && !"drl".equals(form.get("mode"));
        try {
            DraftHeader header = RegulationForms.header(v.name(), form);
            if (asForm) {
                admin.updateFromForm(t, header, RegulationForms.parameters(form), RegulationForms.handRules(form),
                        rowVersion, me.username());
            } else {
                admin.updateFromDrl(t, header, drlFiles(form, v), rowVersion, me.username());
            }
            return HttpResponse.seeOther(URI.create(base(t) + "/" + enc(v.name()) + "?gedaan=opgeslagen"));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(versionPage(t, me, v, form, asForm,
                    messages(e, request), null));
        } catch (ConflictException | RefusedException e) {
            HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            return HttpResponse.status(status).body(versionPage(t, me, v, form, asForm, reasons(e, request), null));
        }
    }

    /** The summary of what changes for new complaints, with the button that confirms the activation. */
    @Get("/{version}/vaststellen")
    HttpResponse<?> confirmActivation(@PathVariable String tenant, @PathVariable String version,
                                      HttpRequest<?> request, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        requireApprover(t, me);
        StoredVersion v = admin.version(t, version);
        if (!v.isDraft()) {
            return HttpResponse.seeOther(URI.create(base(t) + "/" + enc(v.name())));
        }
        return HttpResponse.ok(activationPage(t, v, request, List.of()));
    }

    /**
     * Activates a draft once confirmed ({@code bevestigd=ja}, sent by the summary page's button). Without the
     * confirmation the summary is shown, with 422 when the draft cannot be activated; never activated unseen.
     */
    @Post("/{version}/vaststellen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activate(@PathVariable String tenant, @PathVariable String version,
                             @Body Map<String, String> form, HttpRequest<?> request, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        requireApprover(t, me);
        StoredVersion v = admin.version(t, version);
        if (!v.isDraft()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(versionPage(t, me, v, null, null,
                    List.of("Versie '" + v.name() + "' is al vastgesteld."), null));
        }
        if (!"ja".equals(form.get(CONFIRMED))) {
            ModelAndView<ActivationPage> page = activationPage(t, v, request, List.of());
            return HttpResponse.status(page.getModel().orElseThrow().canConfirm() ? HttpStatus.OK
                    : HttpStatus.UNPROCESSABLE_ENTITY).body(page);
        }
        try {
            admin.activate(t, version, rowVersion(form), me.username(), me.roles().stream().map(Role::name).toList());
            return HttpResponse.seeOther(URI.create(base(t) + "/" + enc(version) + "?gedaan=vastgesteld"));
        } catch (RefusedException | ConflictException e) {
            HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            return HttpResponse.status(status).body(activationPage(t, admin.version(t, version), request,
                    reasons(e, request)));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(activationPage(t, v, request,
                    messages(e, request)));
        }
    }

    /** Withdraws an activation whose effective date is still to come: the version is a draft again. */
    @Post("/{version}/intrekken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(@PathVariable String tenant, @PathVariable String version,
                             @Body Map<String, String> form, Authentication authentication,
            HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        requireApprover(t, me);
        try {
            admin.withdraw(t, version, rowVersion(form), me.username(), me.roles().stream().map(Role::name).toList());
            return HttpResponse.seeOther(URI.create(base(t) + "/" + enc(version) + "?gedaan=ingetrokken"));
        } catch (RefusedException | ConflictException | InvalidInputException e) {
            HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT
                    : e instanceof InvalidInputException ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
            List<String> why = e instanceof InvalidInputException i ? messages(i, request) : reasons(e, request);
            return HttpResponse.status(status).body(versionPage(t, me, admin.version(t, version), null, null, why,
                    null));
        }
    }

    private static void requireApprover(Tenant t, CurrentUser me) {
        RegulationAdministration.requireApprover(t, roles(me));
    }

    private static boolean canActivate(Tenant t, CurrentUser me) {
        return RegulationAdministration.mayActivate(t, roles(me));
    }

    private static List<String> roles(CurrentUser me) {
        return me.roles().stream().map(Role::name).toList();
    }

    private ModelAndView<ActivationPage> activationPage(Tenant t, StoredVersion v, HttpRequest<?> request,
                                                        List<String> errors) {
        CheckResult check = admin.check(t, v);
        List<String> problems = new ArrayList<>(check.problems());
        problems.addAll(check.placeholderReasons());
        StoredVersion before = admin.predecessor(t, v).orElse(null);
        if (before != null && !v.version().effectiveFrom().isAfter(before.version().effectiveFrom())) {
            problems.add("De ingangsdatum moet na " + before.version().effectiveFrom().format(DMY) + " liggen, de "
                    + "ingangsdatum van versie " + before.name() + ": een vastgestelde versie wordt niet meer gewijzigd "
                    + "of teruggezet.");
        }
        RegulationSummary summary = new RegulationSummary(messages, LayoutModelProcessor.locale(request),
                t.profile());
        boolean exact = v.fromForm() && (before == null || before.fromForm());
        List<RegulationSummary.Section> sections = v.fromForm()
                ? summary.changes(before == null ? null : before.parameters() != null && exact
                ? before.parameters() : null, v.parameters())
                : List.of();
        List<RuleLine> rules = new ArrayList<>();
        if (before != null) {
            // Hand-written rules on either side (also the form's own file of hand rules): the rules that change.
            VersionDiff diff = VersionDiff.of(before, v);
            diff.rules().stream().filter(r -> !r.rule().equals(VersionDiff.OUTSIDE_RULES))
                    .filter(r -> !exact || !r.file().equals(nl.klachtenregie.regulation.RuleTemplates.FILE_NAME))
                    .forEach(r -> rules.add(new RuleLine(r.kind(), r.rule())));
        } else if (!v.fromForm()) {
            VersionDiff.ruleNames(v.version().ruleSet()).forEach(name -> rules.add(new RuleLine("ADDED", name)));
        }
        if (!exact && v.fromForm() && before != null) {
            // The version in force is hand-written: its terms cannot be read field by field, so the draft is shown
            // as what new complaints get, next to the rules that change.
            sections = summary.changes(null, v.parameters());
        }
        return new ModelAndView<>("regulation-activate", new ActivationPage(t.slug(), v.name(), v.version().title(),
                v.version().effectiveFrom(), before == null ? null : before.name(),
                before == null ? null : before.version().effectiveFrom(), exact, sections, rules, problems,
                check.warnings(), problems.isEmpty(), v.rowVersion(), errors));
    }

    @Post("/{version}/verwijderen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> delete(@PathVariable String tenant, @PathVariable String version,
                           @Body Map<String, String> form, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        admin.deleteDraft(t, version, me.username());
        return HttpResponse.seeOther(URI.create(base(t)));
    }

    @Get("/{version}/proefdraai")
    HttpResponse<?> dryRun(@PathVariable String tenant, @PathVariable String version,
                           @Nullable @QueryValue("van") String from, @Nullable @QueryValue("tot") String to,
                           Authentication authentication,
            HttpRequest<?> request) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(authentication));
        StoredVersion v = admin.version(t, version);
        LocalDate today = admin.today();
        String f = from == null || from.isBlank() ? today.minusMonths(12).plusDays(1).toString() : from.strip();
        String u = to == null || to.isBlank() ? today.toString() : to.strip();
        try {
            DryRun.Report report = dryRun.run(t, v.version(), v.regulation(), date(f, "from"), date(u, "to"));
            return HttpResponse.ok(new ModelAndView<>("regulation-dryrun",
                    new DryRunPage(t.slug(), v.name(), f, u, report, List.of(),
                            report.kpis().stream().map(RegulationPagesController::kpiView).toList())));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("regulation-dryrun",
                    new DryRunPage(t.slug(), v.name(), f, u, null, messages(e, request), List.of())));
        }
    }

    private static KpiView kpiView(DryRun.KpiComparison k) {
        boolean share = k.measure().startsWith("ON_TIME:");
        return new KpiView(k.code(), k.label(), measured(k.valueBefore(), k.targetBefore(), share),
                measured(k.valueAfter(), k.targetAfter(), share), k.differs(), met(k.metBefore()), met(k.metAfter()));
    }

    /** "83% (norm: minstens 80%)"; no target: the KPI does not exist on that side. */
    private static String measured(@Nullable Double value, @Nullable String target, boolean share) {
        if (target == null) {
            return "–";
        }
        String[] t = target.split(" ", 2);
        String comparator = switch (t[0]) {
            case "LT" -> "minder dan";
            case "LE" -> "hoogstens";
            case "GE" -> "minstens";
            case "GT" -> "meer dan";
            default -> t[0];
        };
        String norm = comparator + " " + number(Double.parseDouble(t[1]), share);
        return (value == null ? "nog niets te meten" : number(value, share)) + " (norm: " + norm + ")";
    }

    private static String number(double value, boolean share) {
        if (share) {
            return Math.round(value * 100) + "%";
        }
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String met(@Nullable Boolean met) {
        return met == null ? "" : met ? "MET" : "MISSED";
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "'" + value + "' is geen datum (jjjj-mm-dd)");
        }
    }

    private ModelAndView<ListPage> listPage(Tenant t, CurrentUser me, Map<String, String> entered,
                                            List<String> errors) {
        java.util.Set<String> inForce = admin.inForceToday(t);
        Map<String, RegulationCatalog.Imported> imported = catalog.imported(t.id());
        List<VersionRow> rows = admin.versions(t).stream().map(v -> new VersionRow(v.name(), v.regulation(),
                v.status().name(),
                v.version().effectiveFrom(), v.version().title(), v.fromForm(), orEmpty(v.createdBy()),
                orEmpty(v.activatedBy()), v.activatedAt() == null ? "" : AT.format(v.activatedAt()),
                inForce.contains(v.name()), importedBy(imported.get(v.name())),
                importedAt(imported.get(v.name())))).toList();
        Map<String, String> kept = new LinkedHashMap<>(entered);
        kept.remove(nl.klachtenregie.security.CsrfTokens.FIELD);
        String copyFrom = kept.containsKey("from") ? kept.get("from")
                : admin.currentVersion(t).map(StoredVersion::name).orElse(null);
        String kind = kept.getOrDefault("kind", copyFrom != null ? "copy" : "form");
        return new ModelAndView<>("regulations", new ListPage(t.slug(), rows, me.has(Role.ADMIN), kept, errors,
                approvers(t), copyFrom, kind));
    }

    private ModelAndView<VersionPage> versionPage(Tenant t, CurrentUser me, StoredVersion v,
                                                  @Nullable Map<String, String> posted, @Nullable Boolean asForm,
                                                  List<String> errors, @Nullable String done) {
        boolean form = asForm != null ? asForm : v.fromForm();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("effectiveFrom", posted != null ? posted.getOrDefault("effectiveFrom", "")
                : v.version().effectiveFrom().toString());
        header.put("title", posted != null ? posted.getOrDefault("title", "") : v.version().title());
        header.put("source", posted != null ? posted.getOrDefault("source", "") : v.version().source());
        RegulationForms.Editor editor = null;
        if (form && v.isDraft()) {
            editor = posted != null ? RegulationForms.editor(posted, t.profile())
                    : RegulationForms.editor(v.parameters(), RegulationAdministration.handRules(v), t.profile());
        }
        List<DrlFile> files = new ArrayList<>();
        if (posted != null && !form) {
            // As typed, even when it was refused: what the administrator wrote is never lost.
            postedFiles(posted).forEach(pair -> files.add(new DrlFile(files.size(), pair[0], pair[1])));
        } else {
            v.version().ruleSet().sources().forEach((name, text) -> {
                // Under the form, the hand-written rules have their own editor; the generated file is shown read-only.
                if (!(form && v.isDraft() && name.equals(nl.klachtenregie.regulation.RuleTemplates.HAND_FILE))) {
                    files.add(new DrlFile(files.size(), name, text));
                }
            });
        }
        // Every file as stored, for turning a form draft into hand-written DRL without losing a rule.
        List<DrlFile> allFiles = new ArrayList<>();
        if (form && v.isDraft() && posted == null) {
            v.version().ruleSet().sources().forEach((name, text) -> allFiles.add(new DrlFile(allFiles.size(), name,
                    text)));
        }
        // The check compiles the draft (a few hundred milliseconds at most); active versions passed it already.
        CheckResult check = v.isDraft() && posted == null ? admin.check(t, v) : null;
        boolean canActivate = v.isDraft() && canActivate(t, me);
        List<String> others = admin.versions(t).stream().map(StoredVersion::name).filter(n -> !n.equals(v.name()))
                .toList();
        RegulationCatalog.Imported imported = catalog.imported(t.id()).get(v.name());
        return new ModelAndView<>("regulation", new VersionPage(t.slug(), v.name(), v.status().name(), v.isDraft(),
                form, header, v.rowVersion(), editor, files, check, errors, v.isDraft() && me.has(Role.ADMIN),
                canActivate, approvers(t), orEmpty(v.createdBy()), orEmpty(v.activatedBy()),
                v.activatedAt() == null ? "" : AT.format(v.activatedAt()), others, done,
                admin.withdrawable(v) && canActivate(t, me), v.version().effectiveFrom(), allFiles,
                importedBy(imported), importedAt(imported)));
    }

    private static String importedBy(@Nullable RegulationCatalog.Imported imported) {
        return imported == null ? "" : orEmpty(imported.by());
    }

    private static String importedAt(@Nullable RegulationCatalog.Imported imported) {
        return imported == null ? "" : AT.format(imported.at());
    }

    /** The posted DRL fields as [name, text] pairs in their order; never fails. */
    private static List<String[]> postedFiles(Map<String, String> form) {
        Map<Integer, String[]> byIndex = new TreeMap<>();
        form.forEach((key, value) -> {
            Matcher m = DRL_FIELD.matcher(key);
            if (m.matches()) {
                String[] pair = byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new String[2]);
                pair[m.group(2).equals("name") ? 0 : 1] = value;
            }
        });
        List<String[]> out = new ArrayList<>();
        byIndex.values().forEach(pair -> out.add(new String[] {
                pair[0] == null || pair[0].isBlank() ? DEFAULT_FILE : pair[0].strip(),
                pair[1] == null ? "" : pair[1].replace("\r\n", "\n")}));
        return out;
    }

    /** The DRL files as posted ({@code drl[0].name}, {@code drl[0].text}); an emptied file is removed. */
    private static Map<String, String> drlFiles(Map<String, String> form, StoredVersion v) {
        List<String[]> posted = postedFiles(form);
        if (posted.isEmpty()) {
            throw InvalidInputException.of("rules", "het formulier bevat geen DRL; laad de pagina opnieuw");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String[] pair : posted) {
            if (pair[1].isBlank()) {
                continue;
            }
            if (files.put(pair[0], pair[1]) != null) {
                throw InvalidInputException.of("rules", "twee bestanden heten '" + pair[0] + "'; geef elk bestand een "
                        + "eigen naam");
            }
        }
        if (files.isEmpty()) {
            throw InvalidInputException.of("rules", "een regelset heeft minstens één DRL-bestand met regels nodig");
        }
        return files;
    }

    private static int rowVersion(Map<String, String> form) {
        try {
            return Integer.parseInt(form.getOrDefault("rowVersion", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("rowVersion", "het formulier mist zijn versienummer; laad de pagina opnieuw");
        }
    }

    private static List<String> messages(InvalidInputException e, HttpRequest<?> request) {
        return e.fieldErrors(LayoutModelProcessor.locale(request)).entrySet().stream().map(x -> label(x.getKey(), LayoutModelProcessor.locale(request)) + ": " + x.getValue()).toList();
    }

    private static List<String> reasons(RuntimeException e, HttpRequest<?> request) {
        java.util.Locale locale = LayoutModelProcessor.locale(request);
        return e instanceof RefusedException r ? r.reasons(locale)
                : List.of(e instanceof nl.klachtenregie.shared.Text.Carrier c && c.text() != null ? c.text().in(locale)
                : e.getMessage());
    }

    /**
     * "terms[1].amount" reads as "Termijnen, rij 2, Aantal": the row as the user counts it and the column as the form
     * labels it, so the message leads to the input (the keys themselves are English code names).
     */
    static String label(String key, java.util.Locale locale) {
        Matcher m = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)").matcher(key);
        if (m.matches()) {
            String column = FIELD_LABELS.contains(m.group(1) + "." + m.group(3)) ? m.group(1) + "." + m.group(3)
                    : m.group(3);
            return nl.klachtenregie.shared.Text.of("reg.field.row", fieldLabel(m.group(1), locale),
                    String.valueOf(Integer.parseInt(m.group(2)) + 1), fieldLabel(column, locale)).in(locale);
        }
        return fieldLabel(key, locale);
    }

    private static String fieldLabel(String field, java.util.Locale locale) {
        return FIELD_LABELS.contains(field) ? MESSAGES.get(locale, "reg.field." + field) : field;
    }

    private static final nl.klachtenregie.shared.Messages MESSAGES = new nl.klachtenregie.shared.Messages();

    /**
     * The fields that have a label of their own (bundle {@code regulation}, keys {@code reg.field.*}, worded as the
     * form's {@code reg.p.*} labels); any other field shows its code name.
     */
    private static final java.util.Set<String> FIELD_LABELS = java.util.Set.of(
            "terms", "extensions", "kpis", "reports", "registration", "registration.quote", "name", "version",
            "effectiveFrom", "title", "source", "rules", "rowVersion", "from", "to", "code", "appliesTo", "startsAt",
            "amount", "unit", "satisfiedBy", "quote", "term", "maxCount", "label", "measure", "comparator", "target",
            "period", "audience", "sections", "startLevel", "statute", "beyondWithConsent", "announceBeforeDue",
            "escalation", "escalation.appliesTo", "escalation.quote", "externalBodies", "body", "serviceLine",
            "atLevel", "endsOwnDuty", "suspensions", "maxDays", "statutoryToo", "rollOverQuote", "regulation",
            CONFIRMED, "terms.label", "suspensions.term");

    /** The role codes; the views name them in the reader's language ({@code admin.role.*}). */
    private static List<String> approvers(Tenant t) {
        return t.profile().activationRoles();
    }

    private static String starterDrl(Tenant t) {
        return "package rules." + t.slug().replace('-', '_') + ";\n\nimport nl.klachtenregie.regulation.*;\n\n"
                + "// Schrijf hier de regels. Een regelnaam citeert het reglement: artikel en de eigen woorden.\n\n"
                + "rule \"" + t.profile().name().replace("\"", "'") + ", art. ?: 'binnen vijf werkdagen een "
                + "ontvangstbevestiging'\"\nwhen\n    ComplaintFacts($r : receivedOn)\nthen\n"
                + "    insert(new Obligation(\"ACKNOWLEDGE\", $r, 5, \"WORKING_DAYS\", \"ACKNOWLEDGED\"));\nend\n";
    }

    private static final java.time.format.DateTimeFormatter DMY =
            java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");
    /** When a version was activated, as people read it: 22-11-2026 14:05 (Amsterdam time). */
    private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
            .ofPattern("dd-MM-yyyy HH:mm").withZone(java.time.ZoneId.of("Europe/Amsterdam"));

    private static String base(Tenant t) {
        return "/t/" + t.slug() + "/beheer/reglement";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
