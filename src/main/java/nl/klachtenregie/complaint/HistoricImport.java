package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.NoRegulationInForceException;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Klachten van eerdere jaren inlezen (migratie): an organisation switching from Excel brings its past complaints in
 * from a CSV or XLSX. First a dry run shows per row the case it becomes, under which regulation version (the one in
 * force on the day of receipt), with which events, and which obligations end met, late or set aside: every row is
 * evaluated by the case engine exactly as a live case whose steps were recorded on the day they happened. Then the
 * commit stores all rows or none (one transaction). A row whose own number (the external reference) the tenant
 * already has is "al ingelezen" and skipped, so a second upload of the same file adds nothing.
 *
 * <p>Two layouts are read, told apart by nothing: a column is known by its header, Dutch or English, in any order;
 * unknown columns are listed and left alone. (a) The Totaaloverzicht the product exports (tab 'Klachten' of the XLSX,
 * or the CSV of that table, anonymised or full): its derived columns (status, registratieplichtig, ontvankelijk,
 * verlengd, extern verwezen, termijnen niet gehaald, toelichting, achteraf vastgelegd, escalatieniveau) are computed
 * again by the engine and not read. (b) The documented column list:
 *
 * <table>
 * <caption>Kolommen (kopnamen: Nederlands of Engels, hoofdletters en volgorde vrij)</caption>
 * <tr><th>kolom</th><th>ook</th><th>inhoud</th></tr>
 * <tr><td>Kenmerk</td><td>Eigen kenmerk, Referentie, Nummer; Reference, External reference</td><td>the organisation's
 * own number; kept as the case's external reference, on which a second upload skips the row. Empty: a fingerprint of
 * date, name, category and summary</td></tr>
 * <tr><td>Soort (verplicht)</td><td>Kind</td><td>Formele klacht / Informele klacht (onvrede), formeel / informeel,
 * FORMAL / INFORMAL</td></tr>
 * <tr><td>Kanaal</td><td>Channel</td><td>Brief, E-mail, Webformulier, Telefoon, Persoonlijk (or the codes); default
 * Brief</td></tr>
 * <tr><td>Ontvangen op (verplicht)</td><td>Ontvangen, Datum ontvangst; Received, Received on</td><td>date</td></tr>
 * <tr><td>Datum voorval</td><td>Voorval op; Incident date, Incident on</td><td>date</td></tr>
 * <tr><td>Klager</td><td>Naam klager; Complainant, Complainant name</td><td>name</td></tr>
 * <tr><td>Rol klager</td><td>Complainant role</td><td>Cliënt, Vertegenwoordiger, Nabestaande, Anders; default
 * Cliënt</td></tr>
 * <tr><td>E-mail, Telefoon, Adres, Woonplaats</td><td>Email, Phone, Address, Place</td><td>contact details</td></tr>
 * <tr><td>Categorie (verplicht)</td><td>Category</td><td>the code or name of one of the tenant's categories</td></tr>
 * <tr><td>Dienst</td><td>Service line</td><td>the code or name of one of the tenant's service lines</td></tr>
 * <tr><td>Betreft medewerker</td><td>Employee concerned</td><td>name</td></tr>
 * <tr><td>Ongewenst gedrag</td><td>Unwanted behaviour</td><td>ja / nee</td></tr>
 * <tr><td>Samenvatting</td><td>Summary</td><td>text (the anonymised Totaaloverzicht has none: the case then says
 * so)</td></tr>
 * <tr><td>Ontvangst bevestigd op</td><td>Acknowledged, Acknowledged on</td><td>date</td></tr>
 * <tr><td>Contact opgenomen op</td><td>Contacted, Contacted on</td><td>date</td></tr>
 * <tr><td>Verlenging aangekondigd op</td><td>Extension announced, Extension announced on</td><td>date</td></tr>
 * <tr><td>Verlenging weken</td><td>Verlenging (weken); Extension weeks</td><td>1-52, required with the
 * extension</td></tr>
 * <tr><td>Verlengingsbericht verzonden op</td><td>Datum verlengingsbericht; Extension notice date, Notice
 * date</td><td>date of the written notice (Wkkgz art. 17 lid 2); default the day announced</td></tr>
 * <tr><td>Afronding</td><td>Conclusion</td><td>Besluit genomen, Niet-ontvankelijk verklaard, Informeel opgelost (or the
 * codes); default Besluit genomen when an Oordeel is given</td></tr>
 * <tr><td>Afgerond op</td><td>Besluit op, Beslist op; Decided, Decided on, Concluded on</td><td>date</td></tr>
 * <tr><td>Oordeel</td><td>Judgement</td><td>Gegrond, Deels gegrond, Ongegrond (or the codes)</td></tr>
 * <tr><td>Motivering</td><td>Motivation</td><td>the reasons of the decision</td></tr>
 * <tr><td>Tevredenheid (1-5)</td><td>Tevredenheid; Satisfaction</td><td>1-5</td></tr>
 * <tr><td>Gesloten op</td><td>Afgesloten op; Closed, Closed on</td><td>date</td></tr>
 * </table>
 *
 * <p>Dates as dd-mm-jjjj or jjjj-mm-dd (or a date cell of the XLSX). Every error names its row (as the spreadsheet
 * numbers it) and column: "rij 14, kolom Ontvangen op: '31-02-2025' is geen datum".
 */
@Singleton
public class HistoricImport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HistoricImport.class);

    /** A column of the documented list: its Dutch name (as errors and the page name it) and every accepted header. */
    public enum Column {
        REFERENCE("Kenmerk", "eigen kenmerk", "referentie", "nummer", "reference", "external reference", "number"),
        KIND("Soort", "kind", "soort klacht"),
        CHANNEL("Kanaal", "channel"),
        RECEIVED("Ontvangen op", "ontvangen", "datum ontvangst", "received", "received on", "date received"),
        INCIDENT("Datum voorval", "voorval op", "incident date", "incident on"),
        NAME("Klager", "naam klager", "complainant", "complainant name", "name"),
        ROLE("Rol klager", "complainant role", "role"),
        EMAIL("E-mail", "email", "e-mailadres", "e-mail address"),
        PHONE("Telefoon", "phone", "telefoonnummer"),
        ADDRESS("Adres", "address"),
        PLACE("Woonplaats", "place", "city"),
        CATEGORY("Categorie", "category"),
        SERVICE_LINE("Dienst", "service line", "service"),
        EMPLOYEE("Betreft medewerker", "employee concerned", "employee"),
        UNWANTED("Ongewenst gedrag", "unwanted behaviour", "unwanted behavior"),
        SUMMARY("Samenvatting", "summary"),
        ACKNOWLEDGED("Ontvangst bevestigd op", "ontvangst bevestigd", "acknowledged", "acknowledged on"),
        CONTACTED("Contact opgenomen op", "contact opgenomen", "contacted", "contacted on"),
        EXTENSION("Verlenging aangekondigd op", "verlenging aangekondigd", "extension announced",
                "extension announced on"),
        EXTENSION_WEEKS("Verlenging weken", "verlenging (weken)", "extension weeks", "extension (weeks)"),
        EXTENSION_NOTICE("Verlengingsbericht verzonden op", "datum verlengingsbericht", "extension notice date",
                "notice date"),
        CONCLUSION("Afronding", "conclusion"),
        CONCLUDED("Afgerond op", "besluit op", "beslist op", "decided", "decided on", "concluded on"),
        JUDGEMENT("Oordeel", "judgement", "judgment"),
        MOTIVATION("Motivering", "motivation", "reasons"),
        SATISFACTION("Tevredenheid (1-5)", "tevredenheid", "satisfaction", "satisfaction (1-5)"),
        CLOSED("Gesloten op", "afgesloten op", "closed", "closed on");

        private final String dutch;
        private final List<String> aliases;

        Column(String dutch, String... aliases) {
            this.dutch = dutch;
            List<String> all = new ArrayList<>(List.of(normal(dutch)));
            Arrays.stream(aliases).map(HistoricImport::normal).forEach(all::add);
            this.aliases = List.copyOf(all);
        }

        /** The Dutch header. */
        public String dutch() {
            return dutch;
        }

        static Optional<Column> byHeader(String header) {
            String h = normal(header);
            return Arrays.stream(values()).filter(c -> c.aliases.contains(h)).findFirst();
        }
    }

    /** Headers of the Totaaloverzicht that the engine computes again: read past without a word. */
    private static final Set<String> DERIVED = Set.of("status", "registratieplichtig", "ontvankelijk", "verlengd",
            "extern verwezen", "termijnen niet gehaald", "termijnen niet gehaald (code, termijn, gedaan)",
            "toelichting", "achteraf vastgelegd", "escalatieniveau", "handler", "behandelaar");

    /** Fout in een rij: its number as the spreadsheet shows it, the column's header as the file writes it. */
    public record RowError(int row, String column, Text message) {
        /** "rij 14, kolom Ontvangen op: '31-02-2025' is geen datum". */
        public Text text() {
            return column == null ? Text.of("pastImport.row.error", String.valueOf(row), message)
                    : Text.of("pastImport.row.columnError", String.valueOf(row), column, message);
        }
    }

    /** A step of the timeline a row becomes. */
    public record PlannedEvent(EventType type, LocalDate on) {
    }

    /** An obligation of the case as it ends: its due date and status today. */
    public record PlannedObligation(String code, LocalDate dueOn, LocalDate metOn, ObligationStatus status) {
        /** Met on time. */
        public boolean met() {
            return status == ObligationStatus.MET;
        }

        /** Met after its due date, or still open past it. */
        public boolean late() {
            return status == ObligationStatus.MET_LATE || status == ObligationStatus.OVERDUE;
        }

        /** Set aside by a person, or waived by the rules. */
        public boolean setAside() {
            return status == ObligationStatus.SET_ASIDE || status == ObligationStatus.WAIVED;
        }
    }

    /**
     * One row that becomes a case (or already did: {@code existingReference} is then the case's own reference).
     *
     * @param version the regulation version it follows; null when already read in
     */
    public record PlannedCase(int row, String externalReference, LocalDate receivedOn, ComplaintKind kind,
                              String category, String version, CaseStatus status, List<PlannedEvent> events,
                              List<PlannedObligation> obligations, String existingReference) {
        public boolean alreadyImported() {
            return existingReference != null;
        }
    }

    /**
     * Proefinlezing: what the file would become. Nothing is stored for it.
     *
     * @param ignoredColumns headers that are neither known columns nor derived ones of the Totaaloverzicht
     */
    public record Plan(String fileName, String format, int rows, List<PlannedCase> cases, List<RowError> errors,
                       List<String> ignoredColumns) {
        public long newCases() {
            return cases.stream().filter(c -> !c.alreadyImported()).count();
        }

        public long alreadyImported() {
            return cases.stream().filter(PlannedCase::alreadyImported).count();
        }

        public long met() {
            return obligations().filter(PlannedObligation::met).count();
        }

        public long late() {
            return obligations().filter(PlannedObligation::late).count();
        }

        public long setAside() {
            return obligations().filter(PlannedObligation::setAside).count();
        }

        public long open() {
            return obligations().filter(o -> o.status() == ObligationStatus.OPEN
                    || o.status() == ObligationStatus.SUSPENDED).count();
        }

        private java.util.stream.Stream<PlannedObligation> obligations() {
            return cases.stream().filter(c -> !c.alreadyImported()).flatMap(c -> c.obligations().stream());
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A committed import: the cases made (reference, external reference) and the rows skipped as already read in. */
    public record Result(long importId, String fileName, int created, int skipped, List<Created> cases) {
    }

    /** A case made by an import. */
    public record Created(int row, long id, String reference, String externalReference) {
    }

    /** Where a case came from: "ingelezen uit <bestand> op <datum>", with the organisation's own number. */
    public record Origin(String externalReference, String fileName, java.time.Instant importedAt, String importedBy) {
    }

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DMY_SLASH = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ComplaintService complaints;
    private final CaseEngine engine;
    private final ImportStore store;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final nl.klachtenregie.regulation.RegulationCatalog regulations;
    /**
     * The last dry runs, so the commit that follows one does not evaluate every row again: reused only when nothing
     * it depends on changed (the day, the profile, the versions, the cases of the period, the cases already read in).
     */
    private final Map<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(Planned planned, List<Object> state, long until) {
    }

    HistoricImport(ComplaintService complaints, CaseEngine engine, ImportStore store, TenantDirectory tenants,
                   AuditLog audit, nl.klachtenregie.regulation.RegulationCatalog regulations) {
        this.regulations = regulations;
        this.complaints = complaints;
        this.engine = engine;
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
    }

    /**
     * The dry run: reads the file and evaluates every row; stores nothing.
     *
     * @throws ImportFile.Unreadable when the file is not a CSV or XLSX (415), too large (413) or has no header (400)
     * @throws InvalidInputException when a required column is missing
     */
    @Transactional
    public Plan dryRun(Tenant tenant, String fileName, byte[] content) {
        String name = cleanName(fileName);
        Planned planned = plan(tenant, name, content);
        if (planned.plan().ok()) {
            long now = System.currentTimeMillis();
            recent.values().removeIf(c -> c.until() < now);
            if (recent.size() >= 4) {
                recent.clear();
            }
            recent.put(cacheKey(tenant, name, content), new Cached(planned, state(tenant, planned),
                    now + 30 * 60_000L));
        }
        return planned.plan();
    }

    private static String cacheKey(Tenant tenant, String name, byte[] content) {
        return tenant.id().value() + "/" + name + "/" + sha256(content);
    }

    /** What a plan depends on besides the file. */
    private List<Object> state(Tenant tenant, Planned planned) {
        List<LocalDate> received = planned.built().stream().map(b -> b.intake().receivedOn()).sorted().toList();
        List<Object> window = received.isEmpty() ? List.of() : store.fingerprint(tenant.id(),
                received.get(0).minusMonths(ComplaintStore.HISTORY_MONTHS), received.get(received.size() - 1));
        return List.of(complaints.today(), tenant.profile(), regulations.versions(tenant.id()).stream()
                        .map(v -> v.version() + "@" + v.effectiveFrom() + "#" + v.ruleSet().hashCode()).toList(),
                window, store.existingReferences(tenant.id(), planned.built().stream().map(Built::externalReference)
                        .collect(java.util.stream.Collectors.toSet())));
    }

    /**
     * Reads the file in: all rows or none. Rows already read in are skipped.
     *
     * @param actor the user name for the logboek
     * @throws RefusedException (422) listing every row error, when there is one; nothing is stored
     */
    @Transactional
    public Result commit(Tenant tenant, String fileName, byte[] content, String actor) {
        String name = cleanName(fileName);
        // Serialised with intake and other imports of the tenant: the references and the "already read in" check see
        // every committed case.
        tenants.lock(tenant.id());
        long started = System.nanoTime();
        Cached cached = recent.remove(cacheKey(tenant, name, content));
        boolean reuse = cached != null && cached.until() > System.currentTimeMillis()
                && cached.state().equals(state(tenant, cached.planned()));
        Planned planned = reuse ? cached.planned() : plan(tenant, name, content);
        long planned_ = System.nanoTime();
        Plan plan = planned.plan();
        if (!plan.ok()) {
            throw RefusedException.because(plan.errors().stream().map(RowError::text).toList());
        }
        List<Built> fresh = planned.built().stream().filter(b -> b.existing() == null).toList();
        long importId = store.newImport(tenant.id(), name, sha256(content), fresh.size(), actor);
        List<Created> created = store.insertAll(tenant, importId, fresh.stream().map(b -> new ImportStore.Case(
                b.row, b.externalReference, b.intake, b.version.version(), b.events, b.evaluated)).toList());
        LOG.info("{}: {} past complaints from {} stored in {} ms (dry run {} in {} ms)", tenant.slug(),
                created.size(), name, (System.nanoTime() - planned_) / 1_000_000, reuse ? "reused" : "evaluated",
                (planned_ - started) / 1_000_000);
        audit.record(tenant.id(), actor, "PAST_COMPLAINTS_IMPORTED", name, created.size()
                + " klacht(en) van eerdere jaren ingelezen uit " + name + " (" + plan.format() + ", " + plan.rows()
                + " rijen; " + plan.alreadyImported() + " al eerder ingelezen en overgeslagen).");
        return new Result(importId, name, created.size(), (int) plan.alreadyImported(), created);
    }

    /** Where the case came from, when an import made it. */
    @Transactional
    public Optional<Origin> origin(Tenant tenant, ComplaintId id) {
        return store.origin(tenant.id(), id.value());
    }

    // --- planning --------------------------------------------------------------------------------------------

    /** A row made into a case in memory. */
    private record Built(int row, String externalReference, NewComplaint intake, RegulationVersion version,
                         List<NewEvent> events, CaseEngine.Evaluated evaluated, String existing) {
    }

    /** The plan with the cases built for it in memory, which the commit stores. */
    private record Planned(Plan plan, List<Built> built) {
    }

    private Planned plan(Tenant tenant, String fileName, byte[] content) {
        ImportFile file = ImportFile.read(content, HistoricImport::looksLikeHeader);
        Map<Column, Integer> at = new EnumMap<>(Column.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < file.headers().size(); i++) {
            String h = file.headers().get(i);
            if (h.isEmpty()) {
                continue;
            }
            Optional<Column> c = Column.byHeader(h);
            if (c.isPresent() && !at.containsKey(c.get())) {
                at.put(c.get(), i);
            } else if (c.isEmpty() && !DERIVED.contains(normal(h))) {
                ignored.add(h);
            }
        }
        Map<String, Text> missing = new LinkedHashMap<>();
        for (Column required : List.of(Column.RECEIVED, Column.KIND, Column.CATEGORY)) {
            if (!at.containsKey(required)) {
                missing.put("file", Text.of("pastImport.file.missingColumn", required.dutch()));
            }
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.because(missing);
        }
        Reader reader = new Reader(tenant.profile(), file, at, complaints.today(), fileName);
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ImportFile.Line line : file.lines()) {
            Optional<Row> row = reader.row(line, errors);
            if (row.isEmpty()) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(row.get().externalReference(), line.number());
            if (earlier != null) {
                errors.add(new RowError(line.number(), reader.header(Column.REFERENCE),
                        Text.of("pastImport.row.duplicate", row.get().externalReference(), String.valueOf(earlier))));
                continue;
            }
            rows.add(row.get());
        }
        Map<String, String> existing = store.existingReferences(tenant.id(), seen.keySet());
        Histories histories = histories(tenant, rows, existing);
        List<PlannedCase> cases = new ArrayList<>();
        List<Built> built = new ArrayList<>();
        LocalDate today = complaints.today();
        // The version of each row, read here (the catalog reads the database, in this transaction); memoised per day.
        Map<Row, RegulationVersion> versions = new java.util.IdentityHashMap<>();
        Map<List<Object>, RegulationVersion> byDay = new HashMap<>();
        for (Row row : rows) {
            if (existing.containsKey(row.externalReference())) {
                continue;
            }
            List<Object> key = List.of(String.valueOf(tenant.profile().regulationFor(row.intake().serviceLine())),
                    row.intake().receivedOn());
            try {
                versions.put(row, byDay.computeIfAbsent(key, k -> complaints.versionFor(tenant, row.intake())));
            } catch (NoRegulationInForceException e) {
                errors.add(new RowError(row.line(), reader.header(Column.RECEIVED), Text.of("pastImport.row.noVersion")));
            }
        }
        Map<Row, Evaluation> evaluated = evaluateAll(tenant, rows, versions, histories, today, reader);
        for (Row row : rows) {
            String already = existing.get(row.externalReference());
            if (already != null) {
                cases.add(new PlannedCase(row.line(), row.externalReference(), row.intake().receivedOn(),
                        row.intake().kind(), row.intake().category(), null, null, List.of(), List.of(), already));
                built.add(new Built(row.line(), row.externalReference(), row.intake(), null, List.of(), null, already));
                continue;
            }
            Evaluation e = evaluated.get(row);
            if (e == null) {
                continue;
            }
            if (e.error() != null) {
                errors.add(e.error());
                continue;
            }
            Built x = e.built();
            built.add(x);
            cases.add(new PlannedCase(x.row(), x.externalReference(), x.intake().receivedOn(), x.intake().kind(),
                    x.intake().category(), x.version().version(), x.evaluated().status(),
                    x.events().stream().map(ev -> new PlannedEvent(ev.type(), ev.on())).toList(),
                    x.evaluated().obligations().stream().map(o -> new PlannedObligation(o.code(), o.dueOn(),
                            o.metOn(), o.statusOn(today))).toList(), null));
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        return new Planned(new Plan(fileName, file.format(), file.lines().size(), cases, List.copyOf(errors), ignored),
                built);
    }

    /** The first row that names the day of receipt and at least one other known column is the header. */
    private static boolean looksLikeHeader(List<String> cells) {
        Set<Column> known = new HashSet<>();
        cells.forEach(c -> Column.byHeader(c).ifPresent(known::add));
        return known.contains(Column.RECEIVED) && known.size() >= 2;
    }

    /**
     * Evaluates a row as a live case: intake under the version in force on the day of receipt (refusals of CREATE
     * refuse the row), then each step in date order, checked as the case page checks a step recorded that day.
     */
    /** A row evaluated: the case built, or the one error that stopped it. */
    private record Evaluation(Built built, RowError error) {
    }

    /**
     * Evaluates the rows on every core: each row is a case of its own (its history was counted before), and the
     * engine reads nothing from the database, so rows do not wait on each other.
     */
    private Map<Row, Evaluation> evaluateAll(Tenant tenant, List<Row> rows, Map<Row, RegulationVersion> versions,
                                             Histories histories, LocalDate today, Reader reader) {
        engine.calendar(tenant.profile());
        List<Row> todo = rows.stream().filter(versions::containsKey).toList();
        // The workers see the caller's class loader: Drools finds its services through it.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), p -> {
                    java.util.concurrent.ForkJoinWorkerThread t = java.util.concurrent.ForkJoinPool
                            .defaultForkJoinWorkerThreadFactory.newThread(p);
                    t.setContextClassLoader(loader);
                    return t;
                }, null, false);
        try {
            List<Evaluation> done = pool.submit(() -> todo.parallelStream().map(row -> {
                List<RowError> errors = new ArrayList<>(1);
                Optional<Built> b = evaluate(tenant, row, versions.get(row), histories.of(row), today, errors, reader);
                return new Evaluation(b.orElse(null), errors.isEmpty() ? null : errors.get(0));
            }).toList()).get();
            Map<Row, Evaluation> out = new java.util.IdentityHashMap<>();
            for (int i = 0; i < todo.size(); i++) {
                out.put(todo.get(i), done.get(i));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private Optional<Built> evaluate(Tenant tenant, Row row, RegulationVersion version, HistoryFacts history,
                                     LocalDate today, List<RowError> errors, Reader reader) {
        try {
            CaseEngine.Evaluated ev = engine.evaluate(tenant, version, null, row.intake(), List.of(), history, true,
                    false);
            List<String> refusals = ev.outcome().refusalsOf("CREATE").stream()
                    .map(nl.klachtenregie.regulation.Refusal::reason).distinct().toList();
            if (!refusals.isEmpty()) {
                errors.add(new RowError(row.line(), null, Text.of("pastImport.row.refused",
                        Text.plain(String.join(" ", refusals)))));
                return Optional.empty();
            }
            List<NewEvent> timeline = new ArrayList<>();
            for (Step given : row.steps()) {
                List<Step> now = new ArrayList<>();
                if (given.event().type() == EventType.CLOSED) {
                    setAsideUnrecorded(ev, given.event().on(), reader.fileName).ifPresent(now::add);
                }
                now.add(given);
                for (Step step : now) {
                    StoredComplaint sofar = new StoredComplaint(0, null, row.intake(), version.version(), 0,
                            List.copyOf(timeline));
                    try {
                        ev = engine.checkEvent(tenant, version, sofar, step.event(), history, today);
                    } catch (RefusedException e) {
                        errors.add(new RowError(row.line(), reader.header(step.column()),
                                Text.of("pastImport.row.refused", e.texts().size() == 1 ? e.texts().get(0)
                                        : Text.plain(String.join(" ", e.reasons())))));
                        return Optional.empty();
                    } catch (InvalidInputException e) {
                        errors.add(new RowError(row.line(), reader.header(step.column()),
                                Text.of("pastImport.row.refused", Text.plain(String.join("; ",
                                        e.fieldErrors().values())))));
                        return Optional.empty();
                    }
                    timeline.add(step.event());
                }
            }
            return Optional.of(new Built(row.line(), row.externalReference(), row.intake(), version,
                    List.copyOf(timeline), ev, null));
        } catch (RuleEvaluationException | IllegalArgumentException e) {
            errors.add(new RowError(row.line(), null, Text.of("pastImport.row.rulesFailed", Text.plain(e.getMessage()))));
            return Optional.empty();
        }
    }

    /**
     * A duty the rules set that the old administration did not record (informing the management, a check) would
     * keep a past case from closing, and never lapses silently: it is set aside on the closing day, visibly, with the
     * reason that the earlier administration did not record it (counted as not met on time).
     */
    private static Optional<Step> setAsideUnrecorded(CaseEngine.Evaluated ev, LocalDate closedOn, String fileName) {
        List<String> open = ev.obligations().stream()
                .filter(o -> o.openOn(closedOn) && !Lateness.pastDue(o.dueOn(), closedOn))
                .map(ScheduledObligation::code).distinct().toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step(NewEvent.about(EventType.DUTY_SET_ASIDE, closedOn, open,
                Text.of("pastImport.setAside.reason", fileName).dutch()), Column.CLOSED));
    }

    // --- history (repeated complaints about the same person or subject) -------------------------------------

    /** Counts, per row, the tenant's earlier complaints of the twelve months before it, stored or in this file. */
    private final class Histories {
        private final Map<String, long[]> byEmployee;
        private final Map<String, long[]> byCategory;
        private final Map<Row, Long> keys;
        private final Set<String> catchAll;

        Histories(Map<String, long[]> byEmployee, Map<String, long[]> byCategory, Map<Row, Long> keys,
                  Set<String> catchAll) {
            this.byEmployee = byEmployee;
            this.byCategory = byCategory;
            this.keys = keys;
            this.catchAll = catchAll;
        }

        HistoryFacts of(Row row) {
            long me = keys.get(row);
            long since = key(row.intake().receivedOn().minusMonths(ComplaintStore.HISTORY_MONTHS), -1);
            String employee = PersonKey.of(row.intake().concernsEmployee());
            int sameEmployee = employee == null ? 0 : between(byEmployee.get(employee), since, me);
            int sameCategory = catchAll.contains(row.intake().category()) ? 0
                    : between(byCategory.get(row.intake().category()), since, me);
            return new HistoryFacts(ComplaintStore.HISTORY_MONTHS, sameEmployee, sameCategory);
        }
    }

    /** A sort key: the day, then the position (stored cases before the file's rows of the same day). */
    private static long key(LocalDate day, int position) {
        return day.toEpochDay() * 1_000_000L + position + 1;
    }

    private static int between(long[] sorted, long from, long before) {
        if (sorted == null) {
            return 0;
        }
        return lowerBound(sorted, before) - lowerBound(sorted, from);
    }

    private static int lowerBound(long[] a, long x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Histories histories(Tenant tenant, List<Row> rows, Map<String, String> existing) {
        Map<String, List<Long>> employee = new HashMap<>();
        Map<String, List<Long>> category = new HashMap<>();
        Map<Row, Long> keys = new java.util.IdentityHashMap<>();
        if (!rows.isEmpty()) {
            LocalDate from = rows.stream().map(r -> r.intake().receivedOn()).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = rows.stream().map(r -> r.intake().receivedOn()).max(LocalDate::compareTo).orElseThrow();
            for (ImportStore.Received r : store.received(tenant.id(), from.minusMonths(ComplaintStore.HISTORY_MONTHS),
                    to)) {
                long k = key(r.receivedOn(), -1);
                if (r.employeeKey() != null) {
                    employee.computeIfAbsent(r.employeeKey(), x -> new ArrayList<>()).add(k);
                }
                category.computeIfAbsent(r.category(), x -> new ArrayList<>()).add(k);
            }
            List<Row> ordered = new ArrayList<>(rows.stream().filter(r -> !existing.containsKey(r.externalReference()))
                    .toList());
            ordered.sort(java.util.Comparator.comparing((Row r) -> r.intake().receivedOn()).thenComparingInt(Row::line));
            for (int i = 0; i < ordered.size(); i++) {
                Row r = ordered.get(i);
                long k = key(r.intake().receivedOn(), i);
                keys.put(r, k);
                String e = PersonKey.of(r.intake().concernsEmployee());
                if (e != null) {
                    employee.computeIfAbsent(e, x -> new ArrayList<>()).add(k);
                }
                category.computeIfAbsent(r.intake().category(), x -> new ArrayList<>()).add(k);
            }
        }
        Set<String> catchAll = new HashSet<>(tenant.profile().catchAllCategories());
        catchAll.add("OVERIG");
        return new Histories(sorted(employee), sorted(category), keys, catchAll);
    }

    private static Map<String, long[]> sorted(Map<String, List<Long>> lists) {
        Map<String, long[]> out = new HashMap<>();
        lists.forEach((k, v) -> {
            long[] a = v.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            out.put(k, a);
        });
        return out;
    }

    // --- reading a row ---------------------------------------------------------------------------------------

    /** A step of a row's timeline, with the column it came from (for errors). */
    private record Step(NewEvent event, Column column) {
    }

    /** A row read: the intake and its steps in date order. */
    private record Row(int line, String externalReference, NewComplaint intake, List<Step> steps) {
    }

    /** Reads the cells of rows into intakes and events, collecting every error of a row. */
    private static final class Reader {
        private final TenantProfile profile;
        private final ImportFile file;
        private final Map<Column, Integer> at;
        private final LocalDate today;
        private final String fileName;

        Reader(TenantProfile profile, ImportFile file, Map<Column, Integer> at, LocalDate today, String fileName) {
            this.profile = profile;
            this.file = file;
            this.at = at;
            this.today = today;
            this.fileName = fileName;
        }

        String header(Column c) {
            Integer i = at.get(c);
            return i == null ? c.dutch() : file.headers().get(i);
        }

        private String raw(ImportFile.Line line, Column c) {
            Integer i = at.get(c);
            return i == null ? "" : line.cell(i).strip();
        }

        Optional<Row> row(ImportFile.Line line, List<RowError> errors) {
            int before = errors.size();
            Cells cells = new Cells(line, errors);
            LocalDate received = cells.date(Column.RECEIVED, true);
            LocalDate incident = cells.date(Column.INCIDENT, false);
            ComplaintKind kind = cells.choice(Column.KIND, true, KINDS, null);
            Channel channel = cells.choice(Column.CHANNEL, false, CHANNELS, Channel.LETTER);
            ComplainantRole role = cells.choice(Column.ROLE, false, ROLES, ComplainantRole.CLIENT);
            String category = cells.code(Column.CATEGORY, true, profile.categories().stream()
                    .map(c -> new String[] {c.code(), c.name()}).toList());
            String serviceLine = cells.code(Column.SERVICE_LINE, false, profile.serviceLines().stream()
                    .map(s -> new String[] {s.code(), s.name()}).toList());
            Boolean unwanted = cells.yesNo(Column.UNWANTED);
            String summary = raw(line, Column.SUMMARY);
            String name = raw(line, Column.NAME);
            String email = raw(line, Column.EMAIL);
            if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                cells.error(Column.EMAIL, Text.of("pastImport.value.email", email));
            }
            if (received != null && received.isAfter(today)) {
                cells.error(Column.RECEIVED, Text.of("pastImport.value.future", raw(line, Column.RECEIVED)));
            }
            if (received != null && incident != null && incident.isAfter(received)) {
                cells.error(Column.INCIDENT, Text.of("pastImport.value.incidentAfterReceipt", raw(line, Column.INCIDENT)));
            }
            List<Step> steps = new ArrayList<>();
            step(cells, steps, Column.ACKNOWLEDGED, received, on -> NewEvent.of(EventType.ACKNOWLEDGED, on));
            step(cells, steps, Column.CONTACTED, received, on -> NewEvent.of(EventType.CONTACTED, on));
            LocalDate extension = cells.date(Column.EXTENSION, false);
            Integer weeks = cells.number(Column.EXTENSION_WEEKS, 1, 52);
            LocalDate notice = cells.date(Column.EXTENSION_NOTICE, false);
            if (extension != null) {
                if (weeks == null && raw(line, Column.EXTENSION_WEEKS).isEmpty()) {
                    cells.error(Column.EXTENSION_WEEKS, Text.of("pastImport.value.weeksMissing"));
                } else if (weeks != null && dated(cells, Column.EXTENSION, extension, received)) {
                    LocalDate noticeOn = notice == null ? extension : notice;
                    if (notice != null && notice.isAfter(today)) {
                        cells.error(Column.EXTENSION_NOTICE, Text.of("pastImport.value.future",
                                raw(line, Column.EXTENSION_NOTICE)));
                    }
                    // The written notice of the extension, sent in time (Wkkgz art. 17 lid 2): the file is the evidence.
                    steps.add(new Step(new NewEvent(EventType.EXTENSION_ANNOUNCED, extension, weeks, null, null, null,
                            null, null, null, null, null, null).withNotice(noticeOn, Text.of("pastImport.notice.reference",
                            fileName, String.valueOf(line.number())).dutch(), Text.of("pastImport.notice.reason").dutch()),
                            Column.EXTENSION));
                }
            }
            LocalDate concluded = cells.date(Column.CONCLUDED, false);
            Judgement judgement = cells.choice(Column.JUDGEMENT, false, JUDGEMENTS, null);
            EventType conclusion = cells.choice(Column.CONCLUSION, false, CONCLUSIONS, null);
            String motivation = raw(line, Column.MOTIVATION);
            if (conclusion == null && !raw(line, Column.JUDGEMENT).isEmpty()) {
                conclusion = EventType.DECIDED;
            }
            if (concluded != null && conclusion == null && raw(line, Column.CONCLUSION).isEmpty()) {
                cells.error(Column.CONCLUSION, Text.of("pastImport.value.conclusionMissing", header(Column.JUDGEMENT)));
            } else if (concluded == null && conclusion != null && raw(line, Column.CONCLUDED).isEmpty()) {
                cells.error(Column.CONCLUDED, Text.of("pastImport.value.dateMissing"));
            } else if (concluded != null && conclusion != null && dated(cells, Column.CONCLUDED, concluded, received)) {
                if (conclusion == EventType.DECIDED && judgement == null && raw(line, Column.JUDGEMENT).isEmpty()) {
                    cells.error(Column.JUDGEMENT, Text.of("pastImport.value.judgementMissing"));
                }
                steps.add(new Step(new NewEvent(conclusion, concluded, null, null, null,
                        conclusion == EventType.DECIDED ? judgement : null, null, null,
                        conclusion == EventType.DECIDED ? motivation : null,
                        conclusion == EventType.DECIDED ? null : motivation, null, null), Column.CONCLUDED));
            }
            Integer satisfaction = cells.number(Column.SATISFACTION, 1, 5);
            LocalDate closed = cells.date(Column.CLOSED, false);
            if (closed != null && dated(cells, Column.CLOSED, closed, received)) {
                steps.add(new Step(new NewEvent(EventType.CLOSED, closed, null, null, null, null, null, null, null,
                        null, null, satisfaction), Column.CLOSED));
            }
            if (errors.size() > before || received == null || kind == null || category == null) {
                return Optional.empty();
            }
            String reference = raw(line, Column.REFERENCE);
            if (reference.length() > 64) {
                cells.error(Column.REFERENCE, Text.of("pastImport.value.tooLong", "64"));
                return Optional.empty();
            }
            if (reference.isEmpty()) {
                reference = "#" + sha256((received + "|" + name + "|" + category + "|" + summary)
                        .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
            }
            NewComplaint intake = new NewComplaint(kind, channel, received, incident,
                    new Complainant(name, role, email, raw(line, Column.PHONE), raw(line, Column.ADDRESS),
                            raw(line, Column.PLACE)),
                    summary.isEmpty() ? Text.of("pastImport.summary.none", fileName).dutch() : summary, category,
                    serviceLine, raw(line, Column.EMPLOYEE), Boolean.TRUE.equals(unwanted), false, false);
            // Steps in the order they happened; the file's order breaks ties (ontvangst before contact before besluit).
            List<Step> ordered = new ArrayList<>(steps);
            ordered.sort(java.util.Comparator.comparing(s -> s.event().on()));
            return Optional.of(new Row(line.number(), reference, intake, List.copyOf(ordered)));
        }

        /** A step's date may not lie before receipt or after today. */
        private boolean dated(Cells cells, Column c, LocalDate on, LocalDate received) {
            if (received != null && on.isBefore(received)) {
                cells.error(c, Text.of("pastImport.value.beforeReceipt", raw(cells.line, c),
                        raw(cells.line, Column.RECEIVED)));
                return false;
            }
            if (on.isAfter(today)) {
                cells.error(c, Text.of("pastImport.value.future", raw(cells.line, c)));
                return false;
            }
            return true;
        }

        private void step(Cells cells, List<Step> steps, Column c, LocalDate received,
                          java.util.function.Function<LocalDate, NewEvent> event) {
            LocalDate on = cells.date(c, false);
            if (on != null && dated(cells, c, on, received)) {
                steps.add(new Step(event.apply(on), c));
            }
        }

        /** The cells of one line, each read with its error named by row and column. */
        private final class Cells {
            private final ImportFile.Line line;
            private final List<RowError> errors;

            Cells(ImportFile.Line line, List<RowError> errors) {
                this.line = line;
                this.errors = errors;
            }

            void error(Column c, Text message) {
                errors.add(new RowError(line.number(), header(c), message));
            }

            LocalDate date(Column c, boolean required) {
                String s = raw(line, c);
                if (s.isEmpty()) {
                    if (required) {
                        error(c, Text.of("pastImport.value.required"));
                    }
                    return null;
                }
                Optional<LocalDate> d = parseDate(s);
                if (d.isEmpty()) {
                    error(c, Text.of("pastImport.value.date", s));
                    return null;
                }
                return d.get();
            }

            Integer number(Column c, int min, int max) {
                String s = raw(line, c);
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    int n = Integer.parseInt(s);
                    if (n >= min && n <= max) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                error(c, Text.of("pastImport.value.number", s, String.valueOf(min), String.valueOf(max)));
                return null;
            }

            Boolean yesNo(Column c) {
                String s = normal(raw(line, c));
                if (s.isEmpty()) {
                    return null;
                }
                if (Set.of("ja", "j", "yes", "y", "true", "waar", "1", "x").contains(s)) {
                    return true;
                }
                if (Set.of("nee", "n", "no", "false", "onwaar", "0").contains(s)) {
                    return false;
                }
                error(c, Text.of("pastImport.value.yesNo", raw(line, c)));
                return null;
            }

            <E> E choice(Column c, boolean required, Map<String, E> names, E fallback) {
                String s = raw(line, c);
                if (s.isEmpty()) {
                    if (required) {
                        error(c, Text.of("pastImport.value.required"));
                    }
                    return fallback;
                }
                E found = names.get(normal(s));
                if (found == null) {
                    error(c, Text.of("pastImport.value.unknown", s));
                }
                return found;
            }

            /** A code of the tenant's profile, given as its code or its name. */
            String code(Column c, boolean required, List<String[]> codesAndNames) {
                String s = raw(line, c);
                if (s.isEmpty()) {
                    if (required) {
                        error(c, Text.of("pastImport.value.required"));
                    }
                    return null;
                }
                String n = normal(s);
                for (String[] cn : codesAndNames) {
                    if (normal(cn[0]).equals(n) || normal(cn[1]).equals(n)) {
                        return cn[0];
                    }
                }
                error(c, Text.of("pastImport.value.unknownCode", s, String.join(", ", codesAndNames.stream()
                        .map(cn -> cn[1]).toList())));
                return null;
            }
        }
    }

    /** dd-mm-jjjj (also with '/' or '.'), or jjjj-mm-dd; strict: 31-02-2025 is no date. */
    static Optional<LocalDate> parseDate(String s) {
        String t = s.strip();
        // A date cell of a workbook written as a date and a time ("2025-03-14 00:00:00").
        if (t.length() > 10 && t.charAt(10) == ' ' && t.substring(11).matches("0?0:00(:00)?")) {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter f : List.of(DMY, ISO, DMY_SLASH)) {
            try {
                return Optional.of(LocalDate.parse(t.replace('.', '-'), f));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** Lower case, accents off, spaces collapsed, a trailing colon dropped: how headers and names are compared. */
    static String normal(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        n = n.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        return n.endsWith(":") ? n.substring(0, n.length() - 1).strip() : n;
    }

    private static final Map<String, ComplaintKind> KINDS = names(ComplaintKind.class, "kind",
            Map.of("formeel", ComplaintKind.FORMAL, "formal", ComplaintKind.FORMAL, "informeel",
                    ComplaintKind.INFORMAL, "informal", ComplaintKind.INFORMAL, "onvrede", ComplaintKind.INFORMAL));
    private static final Map<String, Channel> CHANNELS = names(Channel.class, "channel",
            Map.of("telefoon", Channel.PHONE, "telefonisch", Channel.PHONE, "persoonlijk", Channel.IN_PERSON,
                    "mondeling", Channel.IN_PERSON, "email", Channel.EMAIL, "post", Channel.LETTER,
                    "formulier", Channel.WEB_FORM));
    private static final Map<String, ComplainantRole> ROLES = names(ComplainantRole.class, "role",
            Map.of("client", ComplainantRole.CLIENT, "clienta", ComplainantRole.CLIENT));
    private static final Map<String, Judgement> JUDGEMENTS = names(Judgement.class, "judgement", Map.of());
    private static final Map<String, EventType> CONCLUSIONS = names(EventType.class, "event", Map.of())
            .entrySet().stream().filter(e -> e.getValue().isConclusion())
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Every way a value may be written: its code, its Dutch and English names on the case page, and a few words. */
    private static <E extends Enum<E>> Map<String, E> names(Class<E> type, String prefix, Map<String, E> words) {
        Map<String, E> out = new HashMap<>();
        for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.cases", locale);
            for (E e : type.getEnumConstants()) {
                String key = prefix + "." + e.name();
                if (bundle.containsKey(key)) {
                    out.putIfAbsent(normal(bundle.getString(key)), e);
                    // "Telefoon (mondeling)" is also "Telefoon".
                    String shorter = bundle.getString(key).replaceAll("\\s*\\(.*\\)\\s*$", "");
                    out.putIfAbsent(normal(shorter), e);
                }
            }
        }
        for (E e : type.getEnumConstants()) {
            out.put(normal(e.name()), e);
            out.putIfAbsent(normal(e.name().replace('_', ' ')), e);
        }
        words.forEach((k, v) -> out.putIfAbsent(normal(k), v));
        return Map.copyOf(out);
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            return "bestand";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
