package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.EmailAddressValidator;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Correcties met geschiedenis (issue 16): the handler of a case or a leidinggevende corrects what intake recorded.
 * The case is a legal record (Wkkgz art. 17; the Inspectie and a geschilleninstantie read it), so nothing is
 * overwritten silently: every correction keeps the old and the new value, who, when and why, and the terms the
 * regulation sets are computed again from the corrected facts, saying which moved. A correction is one transaction:
 * the case row, the correction rows and the new obligations are stored together or not at all.
 */
@Singleton
public class Corrections {

    /** The fields of intake a correction may change, by their API name, in the order the history lists them. */
    public static final List<String> FIELDS = List.of("kind", "channel", "receivedOn", "incidentOn", "category",
            "serviceLine", "complainant.name", "complainant.role", "complainant.email", "complainant.phone",
            "complainant.address", "complainant.place", "concernsEmployee", "summary", "confidential");

    /**
     * A correction of these needs a reason: they decide which terms run, from when, and which duties apply (the kind:
     * formal or not; the received date: the start of every term; the category: registration and reporting).
     */
    public static final Set<String> NEED_A_REASON = Set.of("kind", "receivedOn", "category");

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final int MAX_REASON = 2000;

    private final ComplaintStore store;
    private final CorrectionStore corrections;
    private final ComplaintService complaints;
    private final CaseEngine engine;
    private final RegulationCatalog regulations;
    private final AuditLog audit;
    private final Clock clock;
    @jakarta.inject.Inject
    CaseVisibility visibility;

    Corrections(ComplaintStore store, CorrectionStore corrections, ComplaintService complaints, CaseEngine engine,
                RegulationCatalog regulations, AuditLog audit, Clock clock) {
        this.store = store;
        this.corrections = corrections;
        this.complaints = complaints;
        this.engine = engine;
        this.regulations = regulations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether {@code user} may correct the case: its assigned handler (a medewerker) or a leidinggevende. The
     * kwaliteitsmanager reads only; another medewerker is not the one who answers for this case.
     */
    public boolean mayCorrect(CurrentUser user, CaseView c) {
        return user.has(Role.MANAGER) || user.has(Role.STAFF) && c.handler() != null
                && c.handler().id() == user.id().value();
    }

    /**
     * Corrects the case and returns it as it now stands.
     *
     * @throws InvalidInputException an unknown field, a bad value, no change at all, a missing reason, a received
     *     date in the future or after a step on the timeline (400, the field named)
     * @throws ForbiddenException when {@code by} is neither the case's handler nor a leidinggevende
     * @throws ConflictException when the case changed since {@link CorrectionRequest#expectedVersion()}
     * @throws RefusedException a new received date for a closed case
     */
    @Transactional
    public CaseView correct(Tenant tenant, ComplaintId id, CorrectionRequest request, CurrentUser by) {
        Map<String, Text> errors = new LinkedHashMap<>();
        request.changes().keySet().stream().filter(f -> !FIELDS.contains(f)).forEach(f ->
                errors.put(f, Text.of("correction.field.unknown", String.join(", ", FIELDS))));
        if (request.expectedVersion() == null || request.expectedVersion() < 0) {
            errors.put("expectedVersion", Text.of("correction.field.expectedVersion"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        // Need-to-know: a case the user may not see is not found, whatever their role.
        complaints.get(tenant, visibility.viewer(tenant, by), id, null);
        StoredComplaint stored = store.loadForUpdate(tenant.id(), id.value()).orElseThrow(() ->
                new NotFoundException(Text.of("error.case.unknown", String.valueOf(id.value()))));
        boolean manager = by.has(Role.MANAGER);
        boolean handler = by.has(Role.STAFF) && store.handler(tenant.id(), stored.id())
                .filter(h -> h.id() == by.id().value()).isPresent();
        if (!manager && !handler) {
            throw new ForbiddenException(Text.of("correction.forbidden", stored.reference()));
        }
        if (request.expectedVersion() != stored.rowVersion()) {
            throw ComplaintStore.conflict(stored);
        }
        NewComplaint before = stored.intake();
        NewComplaint after = apply(tenant.profile(), before, request.changes(), errors);
        List<CorrectionStore.NewChange> changed = new ArrayList<>();
        for (String field : FIELDS) {
            String was = text(before, field);
            String now = text(after, field);
            if (!Objects.equals(was, now)) {
                changed.add(new CorrectionStore.NewChange(Correction.Kind.FIELD, field, null, was, now));
            }
        }
        checkDates(stored, after, changed, errors);
        if (errors.isEmpty() && changed.isEmpty()) {
            errors.put("changes", Text.of("correction.nothingChanged"));
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        boolean needsReason = changed.stream().anyMatch(c -> NEED_A_REASON.contains(c.field()));
        if (needsReason && reason == null) {
            errors.put("reason", Text.of("correction.reasonRequired"));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            errors.put("reason", Text.of("correction.field.tooLong", String.valueOf(MAX_REASON)));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        boolean closed = CaseEngine.status(stored.events(), Set.of()) == CaseStatus.CLOSED;
        boolean receivedMoved = !before.receivedOn().equals(after.receivedOn());
        if (closed && receivedMoved) {
            // The terms of a closed case are on record: they were measured from this day of receipt, reported to the
            // complainant (the decision within the term of Wkkgz art. 17 lid 2/3) and counted in the KPIs and the
            // annual report. Another day now would rewrite after the fact whether the organisation kept its terms.
            // Other facts of a closed case (a misspelt name, a wrong e-mail address, the category) may still be
            // corrected: they change no term.
            throw new RefusedException(Text.of("correction.closedReceivedOn", stored.reference(),
                    before.receivedOn().format(DMY)));
        }
        if (before.officialRequested() && !after.oral()) {
            // An oral complaint the complainant wants handled officially stays oral; otherwise intake would refuse it.
            throw InvalidInputException.of("channel", Text.of("case.field.officialOnlyOral"));
        }
        String versionName = stored.regulationVersion();
        CaseEngine.Evaluated evaluated = null;
        List<CorrectionStore.NewChange> consequences = new ArrayList<>();
        if (!closed) {
            // Re-evaluated under its regulation version, like ComplaintService.reEvaluate; a new received date (or a
            // service line that follows another regulation) can fall under another version: the one in force then.
            RegulationVersion version = regulations.version(tenant.id(), stored.regulationVersion())
                    .orElseThrow(() -> new IllegalStateException("Case " + stored.reference()
                            + " follows version " + stored.regulationVersion() + " which is not stored"));
            if (receivedMoved || !Objects.equals(before.serviceLine(), after.serviceLine())) {
                RegulationVersion inForce = complaints.versionFor(tenant, after);
                if (!inForce.version().equals(version.version())) {
                    consequences.add(new CorrectionStore.NewChange(Correction.Kind.VERSION, "regulationVersion",
                            null, version.version(), inForce.version()));
                    version = inForce;
                }
            }
            versionName = version.version();
            HistoryFacts history = store.history(tenant.id(), stored.id(), after);
            evaluated = engine.evaluate(tenant, version, stored.reference(), after, stored.events(), history, false,
                    false);
            consequences.addAll(movedTerms(store.obligations(tenant.id(), stored.id()), evaluated.obligations()));
        }
        store.correctIntake(tenant.id(), stored, after, versionName);
        if (evaluated != null) {
            store.applyEvaluation(tenant.id(), new StoredComplaint(stored.id(), stored.reference(), after, versionName,
                    stored.rowVersion() + 1, stored.events()), evaluated, true);
        }
        List<CorrectionStore.NewChange> all = new ArrayList<>(changed);
        all.addAll(consequences);
        Instant now = Instant.now(clock);
        corrections.save(tenant.id(), stored.id(), by.id().value(), now, reason, all);
        audit.record(tenant.id(), by.username(), "CASE_CORRECTED", stored.reference(), "Gecorrigeerd: "
                + String.join(", ", changed.stream().map(CorrectionStore.NewChange::field).toList())
                + (reason == null ? "" : ". Reden: " + reason) + consequences.stream().map(c -> ". " + note(c))
                .reduce("", String::concat) + ".");
        return complaints.get(tenant, visibility.viewer(tenant, by), id, null);
    }

    /** The case's corrections, oldest first. */
    @Transactional
    public List<Correction> of(Tenant tenant, ComplaintId id) {
        if (store.load(tenant.id(), id.value()).isEmpty()) {
            throw new NotFoundException(Text.of("error.case.unknown", String.valueOf(id.value())));
        }
        List<CorrectionStore.Stored> stored = corrections.of(tenant.id(), id.value());
        List<Correction> out = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            CorrectionStore.Stored s = stored.get(i);
            out.add(new Correction(i + 1, s.correctedAt(), s.correctedByName(), s.reason(), s.changes().stream()
                    .map(c -> new Correction.Change(c.kind(), c.field(), c.label(), c.oldValue(), c.newValue(),
                            c.kind() == Correction.Kind.FIELD ? null : note(c))).toList()));
        }
        return out;
    }

    /** A term's or version's change in Dutch words, as the timeline and the logboek say it. */
    private String note(CorrectionStore.NewChange c) {
        if (c.kind() == Correction.Kind.VERSION) {
            return Text.of("correction.versionMoved", c.oldValue(), c.newValue()).dutch();
        }
        return DutyNames.of(c.field(), c.label()) + ": was " + dutch(c.oldValue()) + ", wordt " + dutch(c.newValue());
    }

    private static String dutch(String isoDate) {
        return isoDate == null ? "geen termijn" : LocalDate.parse(isoDate).format(DMY);
    }

    /**
     * The intake with the posted values applied; bad values are added to {@code errors} by field.
     * The same rules as intake: the tenant's categories and service lines, the product's one e-mail rule, the
     * lengths the columns hold.
     */
    private static NewComplaint apply(TenantProfile profile, NewComplaint c, Map<String, String> changes,
                                      Map<String, Text> errors) {
        ComplaintKind kind = c.kind();
        Channel channel = c.channel();
        LocalDate received = c.receivedOn();
        LocalDate incident = c.incidentOn();
        String category = c.category();
        String serviceLine = c.serviceLine();
        Complainant who = c.complainant();
        String name = who.name();
        ComplainantRole role = who.role();
        String email = who.email();
        String phone = who.phone();
        String address = who.address();
        String place = who.place();
        String employee = c.concernsEmployee();
        String summary = c.summary();
        boolean confidential = c.confidential();
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String field = e.getKey();
            String v = e.getValue() == null || e.getValue().isBlank() ? null : e.getValue().strip();
            switch (field) {
                case "kind" -> kind = required(errors, field, v, ComplaintKind.class, kind);
                case "channel" -> channel = required(errors, field, v, Channel.class, channel);
                case "complainant.role" -> role = required(errors, field, v, ComplainantRole.class, role);
                case "receivedOn" -> {
                    if (v == null) {
                        errors.put(field, Text.of("correction.field.required"));
                    } else {
                        received = date(errors, field, v, received);
                    }
                }
                case "incidentOn" -> incident = v == null ? null : date(errors, field, v, incident);
                case "category" -> {
                    if (v == null) {
                        errors.put(field, Text.of("correction.field.required"));
                    } else if (!profile.hasCategory(v)) {
                        errors.put(field, Text.of("correction.field.unknownCode", v, String.join(", ",
                                profile.categories().stream().map(TenantProfile.Category::code).toList())));
                    } else {
                        category = v;
                    }
                }
                case "serviceLine" -> {
                    if (v != null && !profile.hasServiceLine(v)) {
                        errors.put(field, Text.of("correction.field.unknownCode", v, String.join(", ",
                                profile.serviceLines().stream().map(TenantProfile.ServiceLine::code).toList())));
                    } else {
                        serviceLine = v;
                    }
                }
                case "complainant.name" -> name = text(errors, field, v, 255);
                case "complainant.email" -> {
                    email = text(errors, field, v, 255);
                    if (email != null && !EmailAddressValidator.isPlainAddress(email)) {
                        errors.put(field, Text.of("correction.field.email", email));
                    }
                }
                case "complainant.phone" -> phone = text(errors, field, v, 64);
                case "complainant.address" -> address = text(errors, field, v, 500);
                case "complainant.place" -> place = text(errors, field, v, 255);
                case "concernsEmployee" -> employee = text(errors, field, v, 255);
                case "summary" -> {
                    if (v == null) {
                        errors.put(field, Text.of("correction.field.required"));
                    } else {
                        summary = text(errors, field, v, 10_000);
                    }
                }
                case "confidential" -> {
                    if (v == null || v.equals("false")) {
                        confidential = false;
                    } else if (v.equals("true") || v.equals("on")) {
                        confidential = true;
                    } else {
                        errors.put(field, Text.of("correction.field.boolean"));
                    }
                }
                default -> {
                    // unknown fields were named before
                }
            }
        }
        // A field with a bad value keeps its old value (or, for an e-mail address, the value to name): the other
        // fields' changes still tell whether a reason is needed, so every error is named at once.
        return new NewComplaint(kind, channel, received, incident,
                new Complainant(name, role, email, phone, address, place), summary, category, serviceLine, employee,
                c.unwantedBehaviour(), confidential, c.officialRequested(), c.escalationLevel());
    }

    /**
     * The received date cannot lie in the future, nor after a step on the timeline (nothing can be done about a
     * complaint before it came in); the day of the incident cannot lie after the day of receipt.
     */
    private void checkDates(StoredComplaint stored, NewComplaint after, List<CorrectionStore.NewChange> changed,
                            Map<String, Text> errors) {
        boolean received = changed.stream().anyMatch(c -> c.field().equals("receivedOn"));
        if (received) {
            LocalDate today = complaints.today();
            if (after.receivedOn().isAfter(today)) {
                errors.put("receivedOn", Text.of("correction.receivedInFuture", after.receivedOn().format(DMY)));
            } else {
                stored.events().stream().map(NewEvent::on).min(Comparator.naturalOrder())
                        .filter(first -> after.receivedOn().isAfter(first))
                        .ifPresent(first -> errors.put("receivedOn", Text.of("correction.receivedAfterEvent",
                                after.receivedOn().format(DMY), first.format(DMY))));
            }
        }
        if (after.incidentOn() != null && after.incidentOn().isAfter(after.receivedOn())
                && (received || changed.stream().anyMatch(c -> c.field().equals("incidentOn")))) {
            errors.put(received && changed.stream().noneMatch(c -> c.field().equals("incidentOn")) ? "receivedOn"
                    : "incidentOn", Text.of("case.intake.incidentAfterReceipt", after.incidentOn().format(DMY)));
        }
    }

    /**
     * The terms whose due date is not what it was: the same duty (code) in the same order of start, compared before
     * and after; a term that appears or falls away counts too ("geen termijn").
     */
    static List<CorrectionStore.NewChange> movedTerms(List<ScheduledObligation> before,
                                                       List<ScheduledObligation> after) {
        Map<String, List<ScheduledObligation>> was = byCode(before);
        Map<String, List<ScheduledObligation>> now = byCode(after);
        java.util.Set<String> codes = new java.util.LinkedHashSet<>(was.keySet());
        codes.addAll(now.keySet());
        List<CorrectionStore.NewChange> moved = new ArrayList<>();
        for (String code : codes) {
            List<ScheduledObligation> a = was.getOrDefault(code, List.of());
            List<ScheduledObligation> b = now.getOrDefault(code, List.of());
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                LocalDate old = i < a.size() ? a.get(i).dueOn() : null;
                LocalDate neu = i < b.size() ? b.get(i).dueOn() : null;
                if (!Objects.equals(old, neu)) {
                    String label = i < b.size() ? b.get(i).label() : a.get(i).label();
                    moved.add(new CorrectionStore.NewChange(Correction.Kind.TERM, code,
                            label == null || label.isBlank() ? null : label, old == null ? null : old.toString(),
                            neu == null ? null : neu.toString()));
                }
            }
        }
        return moved;
    }

    private static Map<String, List<ScheduledObligation>> byCode(List<ScheduledObligation> obligations) {
        Map<String, List<ScheduledObligation>> out = new LinkedHashMap<>();
        obligations.stream().sorted(Comparator.comparing(ScheduledObligation::dueOn,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .sorted(Comparator.comparing(ScheduledObligation::fromOn,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(o -> out.computeIfAbsent(o.code(), k -> new ArrayList<>()).add(o));
        return out;
    }

    /** A field's value as text, as the API takes it; null for none. */
    static String text(NewComplaint c, String field) {
        Complainant who = c.complainant();
        Object v = switch (field) {
            case "kind" -> c.kind();
            case "channel" -> c.channel();
            case "receivedOn" -> c.receivedOn();
            case "incidentOn" -> c.incidentOn();
            case "category" -> c.category();
            case "serviceLine" -> c.serviceLine();
            case "complainant.name" -> who.name();
            case "complainant.role" -> who.role();
            case "complainant.email" -> who.email();
            case "complainant.phone" -> who.phone();
            case "complainant.address" -> who.address();
            case "complainant.place" -> who.place();
            case "concernsEmployee" -> c.concernsEmployee();
            case "summary" -> c.summary();
            case "confidential" -> c.confidential();
            default -> throw new IllegalArgumentException(field);
        };
        return v == null ? null : v.toString();
    }

    private static <E extends Enum<E>> E required(Map<String, Text> errors, String field, String v, Class<E> type,
                                                  E current) {
        if (v != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return e;
                }
            }
        }
        errors.put(field, Text.of("correction.field.oneOf", String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        return current;
    }

    private static LocalDate date(Map<String, Text> errors, String field, String v, LocalDate current) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(field, Text.of("correction.field.date", v));
            return current;
        }
    }

    private static String text(Map<String, Text> errors, String field, String v, int max) {
        if (v != null && v.length() > max) {
            errors.put(field, Text.of("correction.field.tooLong", String.valueOf(max)));
        }
        return v;
    }
}
