package nl.klachtenregie.improvement;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;

/**
 * Verbeterregister: the tenant's improvement measures, from the complaints, KPI breaches and trends they answer to
 * their yearly effectiveness review (procedure 6.5 steps 3, 5, 6 and 7). Every change is written to the tenant's
 * audit log in the same transaction; a change based on an older version of a measure is refused with 409.
 */
@Singleton
public class ImprovementRegister {

    private final ImprovementStore store;
    private final AuditLog audit;
    private final Clock clock;

    ImprovementRegister(ImprovementStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in the tenant's time zone (the pinned clock in tests). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** All measures of the tenant, newest first. */
    @Transactional
    public List<Measure> list(TenantId tenant) {
        return store.all(tenant);
    }

    /** The measures created, due, completed or reviewed in [from, to], newest first: what a report of it names. */
    @Transactional
    public List<Measure> relevantTo(TenantId tenant, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw InvalidInputException.of("periode", Text.of("improvement.error.period"));
        }
        return store.relevantTo(tenant, from, to);
    }

    /**
     * The origin keys of the tenant's measures (KPI:…, TREND:…), whatever their status: a breach or trend with a
     * measure, even a cancelled one, has been answered, and the dashboard stops proposing one for it.
     */
    @Transactional
    public Set<String> originKeys(TenantId tenant) {
        return store.originKeys(tenant);
    }

    @Transactional
    public Optional<Measure> find(TenantId tenant, long id) {
        return id <= 0 ? Optional.empty() : store.find(tenant, id, false);
    }

    /**
     * The case ids of the references that are the tenant's complaints (to link to them); references that are not
     * are absent from the answer.
     */
    @Transactional
    public Map<String, Long> complaintIds(TenantId tenant, Collection<String> references) {
        return store.complaintIds(tenant, NewMeasure.references(new ArrayList<>(references)));
    }

    /**
     * Records a new measure, numbered VM-&lt;this year&gt;-&lt;next&gt;.
     *
     * @throws InvalidInputException naming each field that is wrong: unknown complaints, dates
     */
    @Transactional
    public Measure create(Tenant tenant, NewMeasure m, String actor) {
        Objects.requireNonNull(m, "measure");
        requireActor(actor);
        LocalDate today = today();
        Map<Long, String> complaints = checked(tenant.id(), m, today, today);
        String number = store.nextNumber(tenant.id(), today.getYear());
        long id = store.insert(tenant.id(), number, m, today, actor);
        store.replaceComplaints(tenant.id(), id, complaints.keySet());
        audit.record(tenant.id(), actor, "IMPROVEMENT_CREATED", number, describe(m));
        return store.find(tenant.id(), id, false).orElseThrow();
    }

    /**
     * Changes a measure.
     *
     * @param expectedRowVersion the version the person saw
     * @throws NotFoundException when the tenant has no such measure
     * @throws ConflictException when someone saved it in between
     */
    @Transactional
    public Measure update(Tenant tenant, long id, NewMeasure m, int expectedRowVersion, String actor) {
        Objects.requireNonNull(m, "measure");
        requireActor(actor);
        Measure before = loadForChange(tenant.id(), id, expectedRowVersion);
        if (before.review() != null && m.status() != MeasureStatus.DONE) {
            throw InvalidInputException.of("status", Text.of("improvement.error.reviewed.staysDone",
                    String.valueOf(before.review().year())));
        }
        if (before.review() != null && m.completedOn().isAfter(before.review().reviewedOn())) {
            throw InvalidInputException.of("completedOn", Text.of("improvement.error.reviewed.completedLater",
                    String.valueOf(before.review().reviewedOn())));
        }
        Map<Long, String> complaints = checked(tenant.id(), m, before.createdOn(), today());
        if (!store.update(tenant.id(), id, m, expectedRowVersion)) {
            throw conflict(before);
        }
        store.replaceComplaints(tenant.id(), id, complaints.keySet());
        Measure after = store.find(tenant.id(), id, false).orElseThrow();
        String changes = changes(before, after);
        audit.record(tenant.id(), actor, "IMPROVEMENT_UPDATED", before.number(),
                changes.isEmpty() ? "Opgeslagen zonder wijzigingen" : changes);
        return after;
    }

    /**
     * Records the yearly effectiveness review of a completed measure; it replaces an earlier review on the measure
     * (the audit log keeps every one).
     *
     * @throws InvalidInputException when the measure is not done, or the dates do not fit it
     */
    @Transactional
    public Measure review(Tenant tenant, long id, Review r, int expectedRowVersion, String actor) {
        Objects.requireNonNull(r, "review");
        requireActor(actor);
        Measure before = loadForChange(tenant.id(), id, expectedRowVersion);
        if (before.status() != MeasureStatus.DONE) {
            throw InvalidInputException.of("review", Text.of("improvement.error.review.notDone", before.number()));
        }
        LocalDate today = today();
        Map<String, Text> errors = new LinkedHashMap<>();
        if (r.reviewedOn().isAfter(today)) {
            errors.put("reviewedOn", Text.of("improvement.error.reviewedOn.future"));
        } else if (r.reviewedOn().isBefore(before.completedOn())) {
            errors.put("reviewedOn", Text.of("improvement.error.reviewedOn.beforeCompletion",
                    String.valueOf(before.completedOn())));
        }
        if (r.year() < before.completedOn().getYear()) {
            errors.put("year", Text.of("improvement.error.year.beforeCompletion",
                    String.valueOf(before.completedOn().getYear()), String.valueOf(r.year())));
        } else if (r.year() > r.reviewedOn().getYear() || r.year() < r.reviewedOn().getYear() - 1) {
            errors.put("year", Text.of("improvement.error.year.notFitting",
                    String.valueOf(r.reviewedOn()), String.valueOf(r.reviewedOn().getYear()),
                    String.valueOf(r.reviewedOn().getYear() - 1)));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        Review recorded = new Review(r.reviewedOn(), r.year(), r.effective(), r.notes(), actor);
        if (!store.review(tenant.id(), id, recorded, expectedRowVersion)) {
            throw conflict(before);
        }
        audit.record(tenant.id(), actor, "IMPROVEMENT_REVIEWED", before.number(), "Directiebeoordeling " + r.year()
                + " op " + r.reviewedOn() + ": " + EFFECTIVENESS.get(r.effective())
                + (r.notes() == null ? "" : "\nToelichting: " + r.notes())
                + (before.review() == null ? "" : "\nVervangt de beoordeling van " + before.review().year() + " ("
                + EFFECTIVENESS.get(before.review().effective()) + ")"));
        return store.find(tenant.id(), id, false).orElseThrow();
    }

    private Measure loadForChange(TenantId tenant, long id, int expectedRowVersion) {
        Measure m = (id <= 0 ? Optional.<Measure>empty() : store.find(tenant, id, true)).orElseThrow(() ->
                new NotFoundException(Text.of("improvement.error.notFound")));
        if (m.rowVersion() != expectedRowVersion) {
            throw conflict(m);
        }
        return m;
    }

    /** What needs the tenant's data or today; returns the complaints' ids with their references. */
    private Map<Long, String> checked(TenantId tenant, NewMeasure m, LocalDate createdOn, LocalDate today) {
        Map<String, Text> errors = new LinkedHashMap<>();
        Map<String, Long> found = store.complaintIds(tenant, m.complaintReferences());
        List<String> unknown = m.complaintReferences().stream().filter(r -> !found.containsKey(r)).toList();
        if (!unknown.isEmpty()) {
            errors.put("complaints", Text.of(unknown.size() == 1 ? "improvement.error.complaints.unknown.one"
                    : "improvement.error.complaints.unknown.many", String.join(", ", unknown)));
        }
        if (m.dueOn() != null && m.dueOn().isBefore(createdOn)) {
            errors.put("dueOn", Text.of("improvement.error.dueOn.beforeCreation", String.valueOf(createdOn)));
        }
        if (m.completedOn() != null) {
            if (m.completedOn().isAfter(today)) {
                errors.put("completedOn", Text.of("improvement.error.completedOn.future"));
            } else if (m.completedOn().isBefore(createdOn)) {
                errors.put("completedOn", Text.of("improvement.error.completedOn.beforeCreation",
                        String.valueOf(createdOn)));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        Map<Long, String> ids = new LinkedHashMap<>();
        m.complaintReferences().forEach(r -> ids.put(found.get(r), r));
        return ids;
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a change of the register needs an actor");
        }
    }

    private static ConflictException conflict(Measure m) {
        return new ConflictException(Text.of("improvement.error.conflict", m.number()));
    }

    private static final Map<MeasureKind, String> KINDS = Map.of(MeasureKind.CORRECTIVE, "corrigerend",
            MeasureKind.PREVENTIVE, "preventief");
    private static final Map<MeasureLevel, String> LEVELS = Map.of(MeasureLevel.ORGANISATION, "organisatie",
            MeasureLevel.CLIENT, "klantniveau (klantdossier)");
    private static final Map<MeasureStatus, String> STATUSES = Map.of(MeasureStatus.PROPOSED, "voorgesteld",
            MeasureStatus.OPEN, "open", MeasureStatus.DONE, "afgerond", MeasureStatus.CANCELLED, "vervallen");
    private static final Map<OriginType, String> ORIGINS = Map.of(OriginType.COMPLAINTS, "klachten",
            OriginType.KPI_BREACH, "prestatie-indicator niet gehaald", OriginType.TREND, "trend",
            OriginType.OTHER, "anders");
    private static final Map<Effectiveness, String> EFFECTIVENESS = Map.of(Effectiveness.EFFECTIVE, "effectief",
            Effectiveness.PARTLY, "deels effectief", Effectiveness.NOT_EFFECTIVE, "niet effectief");

    /** The audit text of a new measure: every field a person entered. */
    private static String describe(NewMeasure m) {
        List<String> lines = new ArrayList<>();
        lines.add("titel: " + m.title());
        lines.add("soort: " + KINDS.get(m.kind()) + "; niveau: " + LEVELS.get(m.level()) + "; status: "
                + STATUSES.get(m.status()));
        lines.add("herkomst: " + origin(m.origin()));
        if (!m.complaintReferences().isEmpty()) {
            lines.add("klachten: " + String.join(", ", m.complaintReferences()));
        }
        if (m.owner() != null) {
            lines.add("eigenaar: " + m.owner());
        }
        if (m.dueOn() != null) {
            lines.add("streefdatum: " + m.dueOn());
        }
        if (m.completedOn() != null) {
            lines.add("afgerond op: " + m.completedOn());
        }
        if (m.description() != null) {
            lines.add("omschrijving: " + m.description());
        }
        return String.join("\n", lines);
    }

    /** The audit text of a change: each field that changed, old → new. */
    private static String changes(Measure a, Measure b) {
        List<String> lines = new ArrayList<>();
        change(lines, "titel", a.title(), b.title());
        change(lines, "omschrijving", a.description(), b.description());
        change(lines, "soort", KINDS.get(a.kind()), KINDS.get(b.kind()));
        change(lines, "niveau", LEVELS.get(a.level()), LEVELS.get(b.level()));
        change(lines, "herkomst", origin(a.origin()), origin(b.origin()));
        change(lines, "klachten", String.join(", ", a.complaintReferences()), String.join(", ", b.complaintReferences()));
        change(lines, "eigenaar", a.owner(), b.owner());
        change(lines, "streefdatum", a.dueOn(), b.dueOn());
        change(lines, "status", STATUSES.get(a.status()), STATUSES.get(b.status()));
        change(lines, "afgerond op", a.completedOn(), b.completedOn());
        return String.join("\n", lines);
    }

    private static void change(List<String> lines, String label, Object a, Object b) {
        String x = a == null ? "" : a.toString();
        String y = b == null ? "" : b.toString();
        if (!x.equals(y)) {
            lines.add(label + ": '" + x + "' → '" + y + "'");
        }
    }

    private static String origin(Origin o) {
        return ORIGINS.get(o.type()) + (o.key() == null ? "" : " [" + o.key() + "]")
                + (o.description() == null ? "" : ": " + o.description());
    }
}
