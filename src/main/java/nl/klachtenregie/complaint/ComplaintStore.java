package nl.klachtenregie.complaint;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/**
 * Persistence of cases. Every statement filters on tenant_id: a case id alone never finds a row. The rows of a case,
 * its timeline and its obligations go through {@link ComplaintRepository}, {@link ComplaintEventRepository} and
 * {@link ObligationRepository}; the counters and upserts, the joins, the counts, the dynamic filters of the case list
 * and the {@link Lateness} fragments stay SQL.
 */
@Singleton
class ComplaintStore {

    static final int HISTORY_MONTHS = 12;

    private static final Sort BY_SEQ = Sort.of(Sort.Order.asc("seq"));
    private static final Sort OLDEST_FIRST = Sort.of(Sort.Order.asc("receivedOn"), Sort.Order.asc("id"));

    private final Db db;
    private final ComplaintRepository complaints;
    private final ComplaintEventRepository events;
    private final ObligationRepository obligations;
    private final JsonMapper json;
    private final java.util.function.Function<TenantId, java.util.Set<String>> catchAll;

    ComplaintStore(Db db, ComplaintRepository complaints, ComplaintEventRepository events,
                   ObligationRepository obligations, JsonMapper json, nl.klachtenregie.tenant.TenantDirectory tenants) {
        this.db = db;
        this.complaints = complaints;
        this.events = events;
        this.obligations = obligations;
        this.json = json;
        this.catchAll = id -> tenants.byId(id).map(t -> t.profile().catchAllCategories())
                .orElse(java.util.Set.of());
    }

    /**
     * The next reference of the tenant's year. The counter row is created first with a no-op upsert, so two
     * first complaints of a year wait on each other's row lock instead of both inserting (duplicate key) or
     * deadlocking on a gap lock. (A counter under a row lock: SQL, not a repository.)
     */
    String nextReference(TenantId tenant, String slug, int year) {
        db.update("INSERT INTO reference_counter (tenant_id, yr, next_no) VALUES (?, ?, 1) "
                + "ON DUPLICATE KEY UPDATE next_no = next_no", tenant.value(), year);
        int no = db.queryOne("SELECT next_no FROM reference_counter WHERE tenant_id = ? AND yr = ? FOR UPDATE",
                rs -> rs.getInt(1), tenant.value(), year).orElseThrow();
        db.update("UPDATE reference_counter SET next_no = ? WHERE tenant_id = ? AND yr = ?", no + 1,
                tenant.value(), year);
        String prefix = slug.replace("-", "").toUpperCase();
        prefix = prefix.substring(0, Math.min(4, prefix.length()));
        return String.format("%s-%d-%04d", prefix, year, no);
    }

    long insert(TenantId tenant, String reference, NewComplaint c, String version, CaseEngine.Evaluated ev,
                Long handlerUserId, String submissionId) {
        Complainant who = c.complainant();
        long id = complaints.save(new ComplaintRow(null, tenant.value(), reference, c.kind(), c.channel(),
                c.receivedOn(), c.incidentOn(), who.name(), who.role(), who.email(), who.phone(), who.address(),
                who.place(), c.officialRequested(), handlerUserId, submissionId, c.summary(), c.category(),
                c.serviceLine(), c.concernsEmployee(), c.unwantedBehaviour(), c.confidential(), version, ev.status(),
                ev.escalationLevel(), ev.outcome().registrationRequired(), ev.outcome().admissible(),
                write(ev.stored()), c.escalationLevel(), countsAsFormal(c, ev), PersonKey.of(c),
                null, null, null, null, false, false, null, null, c.concernsStaffId(), 0)).id();
        replaceObligations(tenant, id, c.receivedOn(), ev.obligations());
        return id;
    }

    /** A formal complaint, or an informal one the rules count as formal (Klimkoord: taken to Klachtenportaal Zorg). */
    static boolean countsAsFormal(NewComplaint c, CaseEngine.Evaluated ev) {
        return c.kind() == ComplaintKind.FORMAL || !ev.stored().formalReasons().isEmpty();
    }

    /**
     * The cases received in [from, to] with their timelines, oldest first, at most {@code limit}: two queries in
     * all, for work that reads many cases at once (a dry run), where loading case by case was the cost.
     */
    List<StoredComplaint> loadReceivedBetween(TenantId tenant, LocalDate from, LocalDate to, int limit) {
        List<StoredComplaint> cases = complaints.findByTenantIdAndReceivedOnBetween(tenant.value(), from, to,
                        Pageable.from(0, limit, OLDEST_FIRST)).stream()
                .map(r -> new StoredComplaint(r.id(), r.reference(), r.intake(), r.regulationVersion(), r.version(),
                        new java.util.ArrayList<>())).toList();
        java.util.Map<Long, StoredComplaint> byId = new java.util.HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        if (cases.isEmpty()) {
            return List.of();
        }
        // A join over the period's timelines in one query: SQL. Up to the last case loaded (cases are in received_on, id order), not the whole period: the limit holds.
        StoredComplaint last = cases.get(cases.size() - 1);
        db.query("SELECT e.complaint_id, e.payload_json FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id "
                        + "AND c.tenant_id = e.tenant_id WHERE e.tenant_id = ? AND c.received_on >= ? "
                        + "AND (c.received_on < ? OR (c.received_on = ? AND c.id <= ?)) ORDER BY e.complaint_id, e.seq",
                rs -> {
                    StoredComplaint c = byId.get(rs.getLong(1));
                    if (c != null) {
                        c.events().add(read(rs.getString(2), NewEvent.class));
                    }
                    return null;
                }, tenant.value(), from, last.intake().receivedOn(), last.intake().receivedOn(), last.id());
        return cases.stream().map(c -> new StoredComplaint(c.id(), c.reference(), c.intake(), c.regulationVersion(),
                c.rowVersion(), List.copyOf(c.events()))).toList();
    }

    /**
     * The history of every complaint received in [from, to] as {@link #history} computes it one by one: read once
     * (the tenant's complaints from twelve months before {@code from}) and counted in memory.
     */
    java.util.function.Function<StoredComplaint, HistoryFacts> histories(TenantId tenant, LocalDate from, LocalDate to) {
        record Row(long id, LocalDate receivedOn, String employee, String category) {
        }
        java.util.Set<String> catchAll = catchAllCategories(tenant);
        // Four columns of a year of cases, for counting in memory: a narrow reporting read, SQL.
        List<Row> rows = db.query("SELECT id, received_on, employee_key, category FROM complaint "
                        + "WHERE tenant_id = ? AND received_on BETWEEN ? AND ? ORDER BY received_on, id",
                rs -> new Row(rs.getLong(1), Db.date(rs, "received_on"), rs.getString(3), rs.getString(4)),
                tenant.value(), from.minusMonths(HISTORY_MONTHS), to);
        return c -> {
            LocalDate since = c.intake().receivedOn().minusMonths(HISTORY_MONTHS);
            LocalDate on = c.intake().receivedOn();
            String employee = PersonKey.of(c.intake());
            boolean subject = !catchAll.contains(c.intake().category());
            int sameEmployee = 0;
            int sameCategory = 0;
            for (Row r : rows) {
                boolean earlier = !r.receivedOn().isBefore(since)
                        && (r.receivedOn().isBefore(on) || (r.receivedOn().equals(on) && r.id() < c.id()));
                if (earlier) {
                    if (employee != null && employee.equals(r.employee())) {
                        sameEmployee++;
                    }
                    if (subject && c.intake().category().equals(r.category())) {
                        sameCategory++;
                    }
                }
            }
            return new HistoryFacts(HISTORY_MONTHS, sameEmployee, sameCategory);
        };
    }

    Optional<Long> bySubmission(TenantId tenant, String submissionId) {
        return complaints.findIdByTenantIdAndSubmissionId(tenant.value(), submissionId);
    }

    /** Loads a case for change, locking its row until the transaction ends. */
    Optional<StoredComplaint> loadForUpdate(TenantId tenant, long id) {
        return complaints.findByTenantIdAndIdForUpdate(tenant.value(), id).map(r -> stored(tenant, r));
    }

    Optional<StoredComplaint> load(TenantId tenant, long id) {
        return complaints.findByTenantIdAndId(tenant.value(), id).map(r -> stored(tenant, r));
    }

    private StoredComplaint stored(TenantId tenant, ComplaintRow r) {
        return new StoredComplaint(r.id(), r.reference(), r.intake(), r.regulationVersion(), r.version(),
                events(tenant, r.id()));
    }

    private List<NewEvent> events(TenantId tenant, long complaintId) {
        return events.findPayloadJsonByTenantIdAndComplaintId(tenant.value(), complaintId, BY_SEQ).stream()
                .map(text -> read(text, NewEvent.class)).toList();
    }

    void appendEvent(TenantId tenant, StoredComplaint c, NewEvent e, CaseEngine.Evaluated ev, Long recordedBy,
                     java.time.Instant recordedAt, boolean needsConfirmation) {
        List<NewEvent> timeline = new ArrayList<>(c.events());
        timeline.add(e);
        CaseFacts f = CaseFacts.of(timeline);
        try {
            complaints.updateByTenantIdAndId(tenant.value(), c.id(), c.rowVersion(), ev.status(),
                    ev.escalationLevel(), ev.outcome().registrationRequired(), ev.outcome().admissible(),
                    write(ev.stored()), f.concludedOn(), f.conclusion() == null ? null : f.conclusion().name(),
                    f.judgement() == null ? null : f.judgement().name(), f.satisfaction(), f.extended(),
                    f.referredExternal(), f.closedOn(), countsAsFormal(c.intake(), ev));
        } catch (OptimisticLockException stale) {
            throw conflict(c);
        }
        events.save(new ComplaintEventRow(null, tenant.value(), c.id(), c.events().size() + 1, e.type(), e.on(),
                write(e), recordedBy, recordedAt, needsConfirmation, null, null));
        replaceObligations(tenant, c.id(), c.intake().receivedOn(), ev.obligations());
    }

    /**
     * Correctie (issue 16): writes the corrected intake if nobody changed the case since the row version the user
     * saw; the months the case is counted in (old and new day of receipt) get a new change stamp (see V6).
     *
     * @throws ConflictException when the case changed in between
     */
    void correctIntake(TenantId tenant, StoredComplaint c, NewComplaint in, String regulationVersion) {
        Complainant who = in.complainant();
        try {
            complaints.updateByTenantIdAndId(tenant.value(), c.id(), c.rowVersion(), in.kind(), in.channel(),
                    in.receivedOn(), in.incidentOn(), who.name(), who.role(), who.email(), who.phone(),
                    who.address(), who.place(), in.summary(), in.category(), in.serviceLine(),
                    in.concernsEmployee(), in.confidential(), PersonKey.of(in.concernsEmployee()), regulationVersion);
        } catch (OptimisticLockException stale) {
            throw conflict(c);
        }
        for (LocalDate month : new java.util.TreeSet<>(List.of(c.intake().receivedOn().withDayOfMonth(1),
                in.receivedOn().withDayOfMonth(1)))) {
            // An upsert: SQL.
            db.update("INSERT INTO complaint_month_stamp (tenant_id, month_start, stamp) VALUES (?, ?, 1) "
                    + "ON DUPLICATE KEY UPDATE stamp = stamp + 1", tenant.value(), month);
        }
    }

    /**
     * Stores a re-evaluation that no user made: the outcome and, when they changed, the obligations; the case's row
     * version stays as it is.
     */
    void applyEvaluation(TenantId tenant, StoredComplaint c, CaseEngine.Evaluated ev, boolean obligationsChanged) {
        complaints.updateByTenantIdAndId(tenant.value(), c.id(), ev.status(), ev.escalationLevel(),
                ev.outcome().registrationRequired(), ev.outcome().admissible(), write(ev.stored()),
                countsAsFormal(c.intake(), ev));
        if (obligationsChanged) {
            replaceObligations(tenant, c.id(), c.intake().receivedOn(), ev.obligations());
        }
    }

    /**
     * How an event was recorded: by whom and when, and (for an extension recorded after its term ran out) whether a
     * second person must confirm it and who did.
     */
    record Recording(int sequence, Long recordedBy, String recordedByName, java.time.Instant recordedAt,
                     boolean needsConfirmation, Long confirmedBy, String confirmedByName) {
    }

    // Joins with the users' names: SQL.
    private static final String RECORDING = "SELECT e.seq, e.recorded_by, u.display_name, e.recorded_at, "
            + "e.needs_confirmation, e.confirmed_by, v.display_name FROM complaint_event e "
            + "LEFT JOIN app_user u ON u.id = e.recorded_by AND u.tenant_id = e.tenant_id "
            + "LEFT JOIN app_user v ON v.id = e.confirmed_by AND v.tenant_id = e.tenant_id "
            + "WHERE e.tenant_id = ? AND e.complaint_id = ?";

    /** How each event of the case was recorded, by sequence number (recorder null: through the API). */
    List<Recording> recordings(TenantId tenant, long complaintId) {
        return db.query(RECORDING + " ORDER BY e.seq", ComplaintStore::recording, tenant.value(), complaintId);
    }

    Optional<Recording> recording(TenantId tenant, long complaintId, int sequence) {
        return db.queryOne(RECORDING + " AND e.seq = ?", ComplaintStore::recording, tenant.value(), complaintId,
                sequence);
    }

    private static Recording recording(ResultSet rs) throws SQLException {
        long by = rs.getLong(2);
        Long recordedBy = rs.wasNull() ? null : by;
        long confirmer = rs.getLong(6);
        Long confirmedBy = rs.wasNull() ? null : confirmer;
        java.sql.Timestamp at = rs.getTimestamp(4);
        return new Recording(rs.getInt(1), recordedBy, rs.getString(3), at == null ? null : at.toInstant(),
                rs.getBoolean(5), confirmedBy, rs.getString(7));
    }

    void confirm(TenantId tenant, long complaintId, int sequence, long by, java.time.Instant at) {
        // Only if nobody confirmed it yet: a conditional update, SQL.
        db.update("UPDATE complaint_event SET confirmed_by = ?, confirmed_at = ? WHERE tenant_id = ? AND complaint_id = ? "
                + "AND seq = ? AND confirmed_by IS NULL", by, java.sql.Timestamp.from(at), tenant.value(), complaintId,
                sequence);
    }

    /** Events recorded after their term ran out that wait for a second person, oldest first (at most 200; a join, SQL). */
    List<UnconfirmedEvent> unconfirmed(TenantId tenant) {
        return db.query("SELECT c.id, c.reference, e.seq, e.type, e.occurred_on, e.recorded_at, u.display_name "
                        + "FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id AND c.tenant_id = e.tenant_id "
                        + "LEFT JOIN app_user u ON u.id = e.recorded_by AND u.tenant_id = e.tenant_id "
                        + "WHERE e.tenant_id = ? AND e.needs_confirmation = TRUE AND e.confirmed_by IS NULL "
                        + "ORDER BY e.recorded_at, c.id, e.seq LIMIT 200",
                rs -> new UnconfirmedEvent(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        EventType.valueOf(rs.getString(4)), Db.date(rs, "occurred_on"),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)),
                tenant.value());
    }

    Optional<CaseView.HandlerView> handler(TenantId tenant, long complaintId) {
        // A join with another feature's table: SQL.
        return db.queryOne("SELECT u.id, u.display_name FROM complaint c JOIN app_user u ON u.id = c.handler_user_id "
                        + "AND u.tenant_id = c.tenant_id WHERE c.tenant_id = ? AND c.id = ?",
                rs -> new CaseView.HandlerView(rs.getLong(1), rs.getString(2)), tenant.value(), complaintId);
    }

    /** Sets the handler if nobody changed the case since {@code expectedVersion}. */
    void assign(TenantId tenant, StoredComplaint c, Long handlerUserId) {
        try {
            complaints.updateByTenantIdAndId(tenant.value(), c.id(), c.rowVersion(), handlerUserId);
        } catch (OptimisticLockException stale) {
            throw conflict(c);
        }
    }

    static ConflictException conflict(StoredComplaint c) {
        return new ConflictException("Het dossier " + c.reference() + " is intussen door iemand anders gewijzigd; "
                + "laad het opnieuw en probeer het nog eens.");
    }

    /** Open obligations of the handler's cases, soonest due first (no term last): a join with {@link Lateness}, SQL. */
    List<WorkItem> work(TenantId tenant, Viewer viewer, long handlerUserId, LocalDate asOf) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), handlerUserId));
        String visible = CaseVisibility.condition(viewer, "c", params);
        return db.query("SELECT c.id, c.reference, c.status, c.complainant_name, o.code, o.due_on, o.basis, "
                        + "o.explanation FROM obligation o JOIN complaint c ON c.id = o.complaint_id "
                        + "AND c.tenant_id = o.tenant_id WHERE o.tenant_id = ? AND c.handler_user_id = ? "
                        + "AND " + Lateness.OPEN_WORK + " AND " + Lateness.OPEN_DUTY + visible + " "
                        + "ORDER BY CASE WHEN o.due_on IS NULL THEN 1 ELSE 0 END, o.due_on, c.received_on, c.id, o.code",
                rs -> {
                    LocalDate due = Db.date(rs, "due_on");
                    return new WorkItem(rs.getLong("id"), rs.getString("reference"),
                            CaseStatus.valueOf(rs.getString("status")), rs.getString("complainant_name"),
                            rs.getString("code"), due, Lateness.pastDue(due, asOf), rs.getString("basis"),
                            rs.getString("explanation"));
                }, params.toArray());
    }

    /**
     * Replaces the case's obligations; each carries the case's day of receipt, by which dashboards count it. Every
     * change to a case passes here, so this is also where the month's change stamp moves (see V6).
     */
    void replaceObligations(TenantId tenant, long complaintId, LocalDate receivedOn,
                            List<ScheduledObligation> obligations) {
        // An upsert: SQL.
        db.update("INSERT INTO complaint_month_stamp (tenant_id, month_start, stamp) VALUES (?, ?, 1) "
                + "ON DUPLICATE KEY UPDATE stamp = stamp + 1", tenant.value(), receivedOn.withDayOfMonth(1));
        // The day the scheduler first saw a term run out stays with that term (same code, same due date).
        java.util.Map<List<Object>, LocalDate> overdueSince = new java.util.HashMap<>();
        this.obligations.findByTenantIdAndComplaintIdAndOverdueSinceIsNotNull(tenant.value(), complaintId)
                .forEach(r -> overdueSince.put(java.util.Arrays.asList(r.code(), r.dueOn()), r.overdueSince()));
        this.obligations.deleteByTenantIdAndComplaintId(tenant.value(), complaintId);
        List<ObligationRow> rows = obligations.stream().map(o -> new ObligationRow(null, tenant.value(), complaintId,
                o.code(), o.fromOn(), o.dueOn(), o.metOn(), o.waived(), truncate(o.basis()), truncate(o.explanation()),
                o.baseDueOn(), receivedOn, overdueSince.get(java.util.Arrays.asList(o.code(), o.dueOn())),
                o.setAside(), o.note() == null ? null : truncate(o.note()), o.statute(), o.label(),
                o.suspendedSince())).toList();
        if (!rows.isEmpty()) {
            this.obligations.saveAll(rows);
        }
    }

    List<ScheduledObligation> obligations(TenantId tenant, long complaintId) {
        return obligations.findByTenantIdAndComplaintIdSoonestFirst(tenant.value(), complaintId).stream()
                .map(ObligationRow::scheduled).toList();
    }

    StoredOutcome storedOutcome(TenantId tenant, long complaintId) {
        return complaints.findOutcomeJsonByTenantIdAndId(tenant.value(), complaintId)
                .map(text -> read(text, StoredOutcome.class)).orElseThrow();
    }

    /** The tenant's categories that are catch-alls (the profile marks them; OVERIG always is one). */
    private java.util.Set<String> catchAllCategories(TenantId tenant) {
        java.util.Set<String> codes = new java.util.HashSet<>(catchAll.apply(tenant));
        codes.add("OVERIG");
        return codes;
    }

    /** Earlier complaints of the tenant in the last twelve months about the same employee or category. */
    HistoryFacts history(TenantId tenant, long complaintId, NewComplaint c) {
        LocalDate since = c.receivedOn().minusMonths(HISTORY_MONTHS);
        String earlier = " AND received_on >= ? AND (received_on < ? OR (received_on = ? AND id < ?))";
        String employee = PersonKey.of(c);
        // Counts with an "earlier than this case" condition: SQL.
        long sameEmployee = employee == null ? 0 : db.count(
                "SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND employee_key = ?" + earlier,
                tenant.value(), employee, since, c.receivedOn(), c.receivedOn(), complaintId);
        // A catch-all category (Overig) says nothing about the subject: it never makes complaints "about the same".
        long sameCategory = catchAllCategories(tenant).contains(c.category()) ? 0 : db.count(
                "SELECT COUNT(*) FROM complaint WHERE tenant_id = ? AND category = ?" + earlier,
                tenant.value(), c.category(), since, c.receivedOn(), c.receivedOn(), complaintId);
        return new HistoryFacts(HISTORY_MONTHS, (int) sameEmployee, (int) sameCategory);
    }

    /** The case list: a dynamic filter with the {@link Lateness} fragments, SQL. */
    List<CaseSummary> list(TenantId tenant, Viewer viewer, CaseFilter f) {
        List<Object> params = new ArrayList<>();
        params.add(f.asOf());
        params.add(f.asOf());
        StringBuilder sql = new StringBuilder("SELECT c.id, c.reference, c.kind, c.status, c.received_on, c.category, "
                + "c.regulation_version, c.escalation_level, c.complainant_name, u.display_name AS handler_name, "
                + "(SELECT COUNT(*) FROM obligation o WHERE o.tenant_id = c.tenant_id AND o.complaint_id = c.id "
                + "AND " + Lateness.OVERDUE_ON + ") AS overdue_count, "
                + "(SELECT MIN(o.due_on) FROM obligation o WHERE o.tenant_id = c.tenant_id AND o.complaint_id = c.id "
                + "AND " + Lateness.IN_TIME_ON + ") AS next_due "
                + "FROM complaint c LEFT JOIN app_user u ON u.id = c.handler_user_id AND u.tenant_id = c.tenant_id");
        where(sql, params, tenant, viewer, f);
        sql.append(" ORDER BY c.received_on DESC, c.id DESC LIMIT ? OFFSET ?");
        params.add(f.limit());
        params.add(f.offset());
        return db.query(sql.toString(), rs -> new CaseSummary(rs.getLong("id"), rs.getString("reference"),
                ComplaintKind.valueOf(rs.getString("kind")), CaseStatus.valueOf(rs.getString("status")),
                Db.date(rs, "received_on"), rs.getString("category"), rs.getString("regulation_version"),
                rs.getString("escalation_level"), rs.getInt("overdue_count"), Db.date(rs, "next_due"),
                rs.getString("complainant_name"), rs.getString("handler_name")),
                params.toArray());
    }

    /** How many cases match the filter (limit and offset ignored), for paging. */
    long count(TenantId tenant, Viewer viewer, CaseFilter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM complaint c");
        where(sql, params, tenant, viewer, f);
        return db.count(sql.toString(), params.toArray());
    }

    private static void where(StringBuilder sql, List<Object> params, TenantId tenant, Viewer viewer, CaseFilter f) {
        sql.append(" WHERE c.tenant_id = ?");
        params.add(tenant.value());
        // Need-to-know first: a hidden case matches no filter, so neither the list nor its count reveals it.
        sql.append(CaseVisibility.condition(viewer, "c", params));
        if (f.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(f.status());
        }
        if (f.kind() != null) {
            sql.append(" AND c.kind = ?");
            params.add(f.kind());
        }
        if (f.category() != null) {
            sql.append(" AND c.category = ?");
            params.add(f.category());
        }
        if (f.handler() != null) {
            if (f.handler() == CaseFilter.UNASSIGNED) {
                sql.append(" AND c.handler_user_id IS NULL");
            } else {
                sql.append(" AND c.handler_user_id = ?");
                params.add(f.handler());
            }
        }
        if (f.search() != null) {
            // LIKE wildcards typed by the user are matched literally.
            String like = "%" + f.search().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" AND (LOWER(c.reference) LIKE ? OR LOWER(c.complainant_name) LIKE ?)");
            params.add(like);
            params.add(like);
        }
        if (f.receivedFrom() != null) {
            sql.append(" AND c.received_on >= ?");
            params.add(f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            sql.append(" AND c.received_on <= ?");
            params.add(f.receivedTo());
        }
        if (f.channel() != null) {
            sql.append(" AND c.channel = ?");
            params.add(f.channel());
        }
        if (f.serviceLine() != null) {
            if (CaseFilter.NONE.equals(f.serviceLine())) {
                sql.append(" AND c.service_line IS NULL");
            } else {
                sql.append(" AND c.service_line = ?");
                params.add(f.serviceLine());
            }
        }
        if (f.level() != null) {
            sql.append(" AND c.escalation_level = ?");
            params.add(f.level());
        }
        if (f.employee() != null) {
            sql.append(" AND c.employee_key = ?");
            // A trend flag's key: a directory entry ("staff:12") as it is, else a typed name's key.
            params.add(f.employee().startsWith("staff:") ? f.employee() : PersonKey.of(f.employee()));
        }
        if (f.versions() != null) {
            if (f.versions().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND c.regulation_version IN (")
                        .append(String.join(", ", java.util.Collections.nCopies(f.versions().size(), "?"))).append(")");
                params.addAll(f.versions());
            }
        }
        if (f.late() != null) {
            // The same "late" as the dashboard's on-time KPI counts: met after its due date, or unmet, not waived
            // and overdue.
            sql.append(" AND EXISTS (SELECT 1 FROM obligation o WHERE o.tenant_id = c.tenant_id AND o.complaint_id = c.id "
                    + "AND o.code = ? AND " + Lateness.MISSED_ON + ")");
            params.add(f.late());
            params.add(f.asOf());
        }
        if (f.openOnly()) {
            sql.append(" AND c.status <> 'CLOSED'");
        }
        if (f.overdue() != null) {
            // A closed case is nobody's work any more, even when it missed a term before closing: it is "not
            // overdue", so that every case is either overdue or not.
            sql.append(f.overdue() ? " AND " + Lateness.OPEN_CASE + " AND EXISTS"
                    : " AND (c.status = 'CLOSED' OR NOT EXISTS");
            sql.append(" (SELECT 1 FROM obligation o WHERE o.tenant_id = c.tenant_id AND o.complaint_id = c.id "
                    + "AND " + Lateness.OVERDUE_ON + ")");
            if (!f.overdue()) {
                sql.append(")");
            }
            params.add(f.asOf());
        }
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored case data is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
