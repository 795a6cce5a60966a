package nl.klachtenregie.complaint;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;

/**
 * Anonimiseren van één dossier, in one transaction: the claim (one conditional UPDATE, as
 * {@link TermWatch#claimForReevaluation} claims a case: of several instances or requests exactly one wins), the
 * removal of the complainant's data and the free texts, the {@link CaseAnonymised} event and the logboek entry.
 * What the KPIs and reports count stays: kind, channel, dates, category, service line, status, judgement, the
 * obligations and their dates.
 */
@Singleton
class Anonymiser {

    /** Event fields that hold free text (NewEvent and later payloads); a measure list's descriptions too. */
    static final Set<String> FREE_TEXT = Set.of("text", "motivation", "measures", "reason", "consentBy",
            "consentHow", "noticeReference", "description", "account", "explanation", "note");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** Why a case was or was not anonymised. */
    enum Outcome { ANONYMISED, ALREADY_ANONYMISED, NOT_CLOSED, LEGAL_HOLD, NOT_FOUND }

    private final Db db;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ApplicationEventPublisher<CaseAnonymised> events;

    Anonymiser(Db db, JsonMapper json, AuditLog audit, ApplicationEventPublisher<CaseAnonymised> events) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.events = events;
    }

    /** The words that stand where personal data stood: shown on pages, in the API and the registers. */
    static String marker(LocalDate on) {
        return "geanonimiseerd op " + on.format(DUTCH_DATE);
    }

    /** Closed, not anonymised, not held cases closed before {@code closedBefore}, with an id above {@code afterId}. */
    @Transactional
    List<Long> expired(TenantId tenant, LocalDate closedBefore, long afterId, int limit) {
        return db.query("SELECT id FROM complaint WHERE tenant_id = ? AND status = 'CLOSED' AND closed_on < ? "
                        + "AND anonymised_on IS NULL AND legal_hold_reason IS NULL AND id > ? ORDER BY id LIMIT "
                        + Math.max(1, limit), rs -> rs.getLong(1), tenant.value(), closedBefore, afterId);
    }

    @Transactional
    Optional<PrivacyState> state(Tenant tenant, long complaintId) {
        int years = tenant.profile().retentionYearsAfterClosing();
        return db.queryOne("SELECT id, reference, anonymised_on, legal_hold_reason, legal_hold_by, legal_hold_on, "
                        + "status, closed_on FROM complaint WHERE tenant_id = ? AND id = ?",
                rs -> {
                    LocalDate closed = "CLOSED".equals(rs.getString("status")) ? Db.date(rs, "closed_on") : null;
                    return new PrivacyState(rs.getLong("id"), rs.getString("reference"), Db.date(rs, "anonymised_on"),
                            rs.getString("legal_hold_reason"), rs.getString("legal_hold_by"),
                            Db.date(rs, "legal_hold_on"), closed, closed == null ? null : closed.plusYears(years));
                }, tenant.id().value(), complaintId);
    }

    /**
     * Anonymises the case if it is closed, not yet anonymised and not held.
     *
     * @param actor who asked (a user name, or the retention run)
     * @param why the logboek's words for the ground, without personal data
     */
    @Transactional
    Outcome anonymise(Tenant tenant, long complaintId, LocalDate today, String actor, String why) {
        long t = tenant.id().value();
        String marker = marker(today);
        // The claim: only the first of several runs or requests finds anonymised_on still NULL. The row version moves
        // so that a form opened before it cannot write the old data back.
        int won = db.update("UPDATE complaint SET anonymised_on = ?, complainant_name = ?, complainant_email = NULL, "
                        + "complainant_phone = NULL, complainant_address = NULL, complainant_place = NULL, summary = ?, "
                        + "concerns_employee = NULL, employee_key = NULL, submission_id = NULL, "
                        + "row_version = row_version + 1 WHERE tenant_id = ? AND id = ? AND status = 'CLOSED' "
                        + "AND anonymised_on IS NULL AND legal_hold_reason IS NULL",
                today, marker, marker, t, complaintId);
        if (won != 1) {
            return db.queryOne("SELECT status, anonymised_on, legal_hold_reason FROM complaint WHERE tenant_id = ? "
                            + "AND id = ?", rs -> rs.getDate("anonymised_on") != null ? Outcome.ALREADY_ANONYMISED
                            : rs.getString("legal_hold_reason") != null ? Outcome.LEGAL_HOLD : Outcome.NOT_CLOSED,
                    t, complaintId).orElse(Outcome.NOT_FOUND);
        }
        List<Object[]> payloads = db.query("SELECT id, payload_json FROM complaint_event WHERE tenant_id = ? "
                + "AND complaint_id = ?", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, t, complaintId);
        for (Object[] p : payloads) {
            String scrubbed = scrub((String) p[1], marker);
            if (!scrubbed.equals(p[1])) {
                db.update("UPDATE complaint_event SET payload_json = ? WHERE tenant_id = ? AND id = ?", scrubbed, t,
                        p[0]);
            }
        }
        record Stored(String reference, LocalDate receivedOn) {
        }
        Stored c = db.queryOne("SELECT reference, received_on FROM complaint WHERE tenant_id = ? AND id = ?",
                rs -> new Stored(rs.getString(1), Db.date(rs, "received_on")), t, complaintId).orElseThrow();
        // The dashboard keeps a month's figures until its stamp moves (V6); the person complained about is gone.
        db.update("UPDATE complaint_month_stamp SET stamp = stamp + 1 WHERE tenant_id = ? AND month_start = ?", t,
                c.receivedOn().withDayOfMonth(1));
        events.publishEvent(new CaseAnonymised(tenant, complaintId));
        audit.record(tenant.id(), actor, "CASE_ANONYMISED", c.reference(), "Dossier geanonimiseerd: " + why
                + ". Verwijderd: naam, contactgegevens, samenvatting, betrokken medewerker en de vrije teksten van "
                + "de tijdlijn; bewaard voor KPI's en rapportages: soort, data, categorie, dienst, status, "
                + "oordeel en termijnen.");
        return Outcome.ANONYMISED;
    }

    /** The payload with every free-text field replaced by the marker, at any depth (a list of measures). */
    String scrub(String payload, String marker) {
        try {
            Object tree = json.readValue(payload, Argument.OBJECT_ARGUMENT);
            return json.writeValueAsString(scrubNode(tree, marker, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object scrubNode(Object node, String marker, boolean freeText) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, scrubNode(v, marker, FREE_TEXT.contains(String.valueOf(k)))));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(scrubNode(v, marker, freeText)));
            return out;
        }
        if (freeText && node instanceof String s && !s.isEmpty()) {
            return marker;
        }
        return node;
    }
}
