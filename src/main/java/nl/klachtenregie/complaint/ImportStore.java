package nl.klachtenregie.complaint;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;

/**
 * Persistence of past complaints read in ({@link HistoricImport}): many cases with their timelines and obligations at
 * once, in JDBC batches (10,000 rows are one upload), inside the caller's transaction. Every statement carries the
 * tenant. The rows are those {@link ComplaintStore} writes one by one; the events have no recorder and no recording
 * time (they were not recorded here, so never "achteraf vastgelegd") and need no confirmation.
 */
@Singleton
class ImportStore {

    private static final int BATCH = 500;

    /** A case to store: the row it came from, the organisation's own number, and its evaluation. */
    record Case(int row, String externalReference, NewComplaint intake, String version, List<NewEvent> events,
                CaseEngine.Evaluated evaluated) {
    }

    /** A stored complaint's day of receipt, employee and category: what "repeated complaints" count. */
    record Received(LocalDate receivedOn, String employeeKey, String category) {
    }

    private final Db db;
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ImportStore(Db db, JdbcOperations jdbc, JsonMapper json) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The tenant's cases a file's numbers stand for, by that number: read in before (its external reference), or the
     * tenant's own case (its reference: a Totaaloverzicht of this tenant read back in). Value: the case's reference.
     */
    Map<String, String> existingReferences(TenantId tenant, Set<String> numbers) {
        Map<String, String> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        db.query("SELECT reference, external_reference FROM complaint WHERE tenant_id = ?", rs -> {
            String reference = rs.getString(1);
            String external = rs.getString(2);
            if (external != null && numbers.contains(external)) {
                out.put(external, reference);
            }
            if (numbers.contains(reference)) {
                out.putIfAbsent(reference, reference);
            }
            return null;
        }, tenant.value());
        return out;
    }

    List<Received> received(TenantId tenant, LocalDate from, LocalDate to) {
        return db.query("SELECT received_on, employee_key, category FROM complaint WHERE tenant_id = ? "
                        + "AND received_on BETWEEN ? AND ?",
                rs -> new Received(Db.date(rs, "received_on"), rs.getString(2), rs.getString(3)), tenant.value(), from,
                to);
    }

    /** The cases received in the period, as a fingerprint: their number, the newest id and every change made. */
    List<Object> fingerprint(TenantId tenant, LocalDate from, LocalDate to) {
        return db.queryOne("SELECT COUNT(*), MAX(id), SUM(row_version) FROM complaint WHERE tenant_id = ? "
                        + "AND received_on BETWEEN ? AND ?", rs -> List.<Object>of(rs.getLong(1), rs.getLong(2),
                rs.getLong(3)), tenant.value(), from, to).orElse(List.of());
    }

    long newImport(TenantId tenant, String fileName, String sha256, int rows, String actor) {
        return db.insert("INSERT INTO complaint_import (tenant_id, file_name, file_sha256, row_count, imported_by, "
                + "imported_at) VALUES (?, ?, ?, ?, ?, ?)", tenant.value(), fileName, sha256, rows, actor,
                java.sql.Timestamp.from(java.time.Instant.now()));
    }

    Optional<HistoricImport.Origin> origin(TenantId tenant, long complaintId) {
        return db.queryOne("SELECT c.external_reference, i.file_name, i.imported_at, i.imported_by FROM complaint c "
                        + "JOIN complaint_import i ON i.id = c.import_id AND i.tenant_id = c.tenant_id "
                        + "WHERE c.tenant_id = ? AND c.id = ?",
                rs -> new HistoricImport.Origin(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)), tenant.value(), complaintId);
    }

    /**
     * Stores the cases, oldest first, each with the next reference of its year from the tenant's counter (reserved
     * for all of them at once), and returns them in that order.
     */
    List<HistoricImport.Created> insertAll(Tenant tenant, long importId, List<Case> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        TenantId t = tenant.id();
        List<Case> ordered = new ArrayList<>(cases);
        ordered.sort(Comparator.comparing((Case c) -> c.intake().receivedOn()).thenComparingInt(Case::row));
        List<String> references = references(tenant, ordered);
        insertComplaints(t, importId, ordered, references);
        Map<String, Long> ids = new HashMap<>();
        db.query("SELECT id, external_reference FROM complaint WHERE tenant_id = ? AND import_id = ?", rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
            return null;
        }, t.value(), importId);
        insertEvents(t, ordered, ids);
        insertObligations(t, ordered, ids);
        // Every change to a month's cases moves its stamp (V6): the dashboard's cache of those months is stale.
        Set<LocalDate> months = new TreeSet<>();
        ordered.forEach(c -> months.add(c.intake().receivedOn().withDayOfMonth(1)));
        for (LocalDate month : months) {
            db.update("INSERT INTO complaint_month_stamp (tenant_id, month_start, stamp) VALUES (?, ?, 1) "
                    + "ON DUPLICATE KEY UPDATE stamp = stamp + 1", t.value(), month);
        }
        List<HistoricImport.Created> out = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Case c = ordered.get(i);
            out.add(new HistoricImport.Created(c.row(), ids.get(c.externalReference()), references.get(i),
                    c.externalReference()));
        }
        return out;
    }

    /** One reference per case: the counter of each year moves once by the number of that year's cases. */
    private List<String> references(Tenant tenant, List<Case> ordered) {
        Map<Integer, Integer> perYear = new TreeMap<>();
        ordered.forEach(c -> perYear.merge(c.intake().receivedOn().getYear(), 1, Integer::sum));
        Map<Integer, Integer> next = new HashMap<>();
        for (Map.Entry<Integer, Integer> year : perYear.entrySet()) {
            // As ComplaintStore.nextReference: the row first (a no-op upsert), then its lock, then the move.
            db.update("INSERT INTO reference_counter (tenant_id, yr, next_no) VALUES (?, ?, 1) "
                    + "ON DUPLICATE KEY UPDATE next_no = next_no", tenant.id().value(), year.getKey());
            int no = db.queryOne("SELECT next_no FROM reference_counter WHERE tenant_id = ? AND yr = ? FOR UPDATE",
                    rs -> rs.getInt(1), tenant.id().value(), year.getKey()).orElseThrow();
            db.update("UPDATE reference_counter SET next_no = ? WHERE tenant_id = ? AND yr = ?", no + year.getValue(),
                    tenant.id().value(), year.getKey());
            next.put(year.getKey(), no);
        }
        String prefix = tenant.slug().replace("-", "").toUpperCase();
        prefix = prefix.substring(0, Math.min(4, prefix.length()));
        List<String> out = new ArrayList<>();
        for (Case c : ordered) {
            int year = c.intake().receivedOn().getYear();
            int no = next.merge(year, 1, Integer::sum) - 1;
            out.add(String.format("%s-%d-%04d", prefix, year, no));
        }
        return out;
    }

    private static final String COMPLAINT = "INSERT INTO complaint (tenant_id, reference, kind, channel, received_on, "
            + "incident_on, complainant_name, complainant_role, complainant_email, complainant_phone, "
            + "complainant_address, complainant_place, official_requested, summary, category, service_line, "
            + "concerns_employee, unwanted_behaviour, confidential, regulation_version, status, escalation_level, "
            + "registration_required, admissible, outcome_json, intake_level, counts_as_formal, employee_key, "
            + "concluded_on, conclusion, judgement, satisfaction, extended, referred_external, closed_on, row_version, "
            + "external_reference, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

    private void insertComplaints(TenantId tenant, long importId, List<Case> ordered, List<String> references) {
        batches(COMPLAINT, ordered.size(), (ps, i) -> {
            Case c = ordered.get(i);
            NewComplaint in = c.intake();
            Complainant who = in.complainant();
            CaseEngine.Evaluated ev = c.evaluated();
            CaseFacts f = CaseFacts.of(c.events());
            bind(ps, tenant.value(), references.get(i), in.kind(), in.channel(), in.receivedOn(), in.incidentOn(),
                    who.name(), who.role(), who.email(), who.phone(), who.address(), who.place(),
                    in.officialRequested(), in.summary(), in.category(), in.serviceLine(), in.concernsEmployee(),
                    in.unwantedBehaviour(), in.confidential(), c.version(), ev.status(), ev.escalationLevel(),
                    ev.outcome().registrationRequired(), ev.outcome().admissible(), write(ev.stored()),
                    in.escalationLevel(), ComplaintStore.countsAsFormal(in, ev), PersonKey.of(in.concernsEmployee()),
                    f.concludedOn(), f.conclusion(), f.judgement(), f.satisfaction(), f.extended(),
                    f.referredExternal(), f.closedOn(), c.externalReference(), importId);
        });
    }

    private void insertEvents(TenantId tenant, List<Case> ordered, Map<String, Long> ids) {
        List<Object[]> rows = new ArrayList<>();
        for (Case c : ordered) {
            long id = ids.get(c.externalReference());
            for (int s = 0; s < c.events().size(); s++) {
                NewEvent e = c.events().get(s);
                rows.add(new Object[] {tenant.value(), id, s + 1, e.type(), e.on(), write(e), false});
            }
        }
        batches("INSERT INTO complaint_event (tenant_id, complaint_id, seq, type, occurred_on, payload_json, "
                + "needs_confirmation) VALUES (?, ?, ?, ?, ?, ?, ?)", rows.size(), (ps, i) -> bind(ps, rows.get(i)));
    }

    private void insertObligations(TenantId tenant, List<Case> ordered, Map<String, Long> ids) {
        List<Object[]> rows = new ArrayList<>();
        for (Case c : ordered) {
            long id = ids.get(c.externalReference());
            for (ScheduledObligation o : c.evaluated().obligations()) {
                rows.add(new Object[] {tenant.value(), id, o.code(), o.fromOn(), o.dueOn(), o.metOn(), o.waived(),
                        truncate(o.basis()), truncate(o.explanation()), o.baseDueOn(), c.intake().receivedOn(),
                        o.setAside(), o.note() == null ? null : truncate(o.note()), o.statute(), o.label(),
                        o.suspendedSince()});
            }
        }
        batches("INSERT INTO obligation (tenant_id, complaint_id, code, from_on, due_on, met_on, waived, basis, "
                + "explanation, base_due_on, received_on, set_aside, note, statute, label, suspended_since) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.size(), (ps, i) -> bind(ps, rows.get(i)));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    /** One prepared statement, executed per {@link #BATCH} rows: a bulk insert, SQL. */
    private void batches(String sql, int count, Binder binder) {
        if (count == 0) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < count; i++) {
                binder.bind(ps, i);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (count % BATCH != 0) {
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
