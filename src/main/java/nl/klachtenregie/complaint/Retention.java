package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bewaartermijn en rechten van de klager (AVG): the retention run that anonymises closed cases once the tenant's
 * period after closing ran out (AVG art. 5 lid 1 onder e), the legal hold that keeps a case from it (art. 17 lid 3
 * onder e), finding a complainant's cases for an inzageverzoek (art. 15, see {@link SubjectAccess}) and the erasure
 * request that anonymises their closed cases at once (art. 17).
 */
@Singleton
public class Retention {

    /** The actor the logboek names for the scheduler's retention run. */
    public static final String RETENTION_RUN = "bewaartermijn (planner)";
    /** Longest reason of a legal hold (the column). */
    public static final int MAX_REASON = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 200;
    private static final int MAX_FOUND = 200;

    private final Anonymiser anonymiser;
    private final TenantDirectory tenants;
    private final ComplaintService complaints;
    private final AuditLog audit;
    private final Db db;

    Retention(Anonymiser anonymiser, TenantDirectory tenants, ComplaintService complaints, AuditLog audit, Db db) {
        this.anonymiser = anonymiser;
        this.tenants = tenants;
        this.complaints = complaints;
        this.audit = audit;
        this.db = db;
    }

    /** What one retention run did. */
    @Serdeable
    public record RunResult(int anonymised, int lost) {
        RunResult plus(RunResult o) {
            return new RunResult(anonymised + o.anonymised, lost + o.lost);
        }
    }

    /** One run over every tenant; a tenant whose run fails is logged and the others go on. */
    public RunResult run() {
        RunResult total = new RunResult(0, 0);
        for (String slug : tenants.slugs()) {
            try {
                total = total.plus(run(tenants.resolve(slug)));
            } catch (RuntimeException e) {
                LOG.error("Bewaartermijn voor {} mislukt; de volgende run probeert het opnieuw", slug, e);
            }
        }
        return total;
    }

    /**
     * Anonymises the tenant's cases closed longer ago than its retention period, each in its own transaction. A case
     * another instance anonymised in between, or that got a legal hold, is counted as lost, not anonymised twice.
     */
    public RunResult run(Tenant tenant) {
        LocalDate today = complaints.today();
        int years = tenant.profile().retentionYearsAfterClosing();
        // Closed on D, kept for N years: anonymised from D + N years on.
        LocalDate closedBefore = today.minusYears(years).plusDays(1);
        int anonymised = 0;
        int lost = 0;
        long after = 0;
        while (true) {
            List<Long> ids = anonymiser.expired(tenant.id(), closedBefore, after, BATCH);
            for (long id : ids) {
                Anonymiser.Outcome o = anonymiser.anonymise(tenant, id, today, RETENTION_RUN,
                        "bewaartermijn van " + years + " jaar na sluiting verstreken (AVG art. 5 lid 1 onder e)");
                if (o == Anonymiser.Outcome.ANONYMISED) {
                    anonymised++;
                } else {
                    lost++;
                }
            }
            if (ids.size() < BATCH) {
                return new RunResult(anonymised, lost);
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /** Whether the case is anonymised or held; 404 for a case not of this tenant. */
    public PrivacyState state(Tenant tenant, ComplaintId id) {
        return anonymiser.state(tenant, id.value()).orElseThrow(() -> notFound(id));
    }

    /**
     * Sets a legal hold: the retention run and an erasure request skip the case until it is lifted.
     *
     * @throws InvalidInputException without a reason (400, field {@code reason})
     * @throws RefusedException when the case is already anonymised (422: there is nothing left to keep)
     */
    @Transactional
    public PrivacyState setLegalHold(Tenant tenant, ComplaintId id, String reason, String actor, LocalDate today) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw InvalidInputException.because(Map.of("reason", Text.of("privacy.error.holdReason")));
        }
        if (r.length() > MAX_REASON) {
            throw InvalidInputException.because(Map.of("reason", Text.of("privacy.error.holdReasonLong", MAX_REASON)));
        }
        PrivacyState s = state(tenant, id);
        if (s.anonymised()) {
            throw new RefusedException(Text.of("privacy.error.holdAnonymised", s.reference()));
        }
        db.update("UPDATE complaint SET legal_hold_reason = ?, legal_hold_by = ?, legal_hold_on = ? "
                + "WHERE tenant_id = ? AND id = ?", r, actor, today, tenant.id().value(), id.value());
        audit.record(tenant.id(), actor, "LEGAL_HOLD_SET", s.reference(), "Juridische blokkade: het dossier wordt niet "
                + "geanonimiseerd zolang die staat. Reden: " + r);
        return state(tenant, id);
    }

    /** Lifts the legal hold; a case without one is left as it is. */
    @Transactional
    public PrivacyState liftLegalHold(Tenant tenant, ComplaintId id, String actor) {
        PrivacyState s = state(tenant, id);
        if (s.onLegalHold()) {
            db.update("UPDATE complaint SET legal_hold_reason = NULL, legal_hold_by = NULL, legal_hold_on = NULL "
                    + "WHERE tenant_id = ? AND id = ?", tenant.id().value(), id.value());
            audit.record(tenant.id(), actor, "LEGAL_HOLD_LIFTED", s.reference(), "Juridische blokkade opgeheven (was: "
                    + s.legalHoldReason() + ")");
        }
        return state(tenant, id);
    }

    /**
     * Dossier van een klager: one of the cases found for an inzage- or wisverzoek. The name and e-mail are shown so
     * the privacy officer can tell two people of the same name apart.
     */
    @Serdeable
    public record SubjectCase(long id, String reference, LocalDate receivedOn, CaseStatus status,
                              @Nullable String complainantName, @Nullable String complainantEmail,
                              @Nullable LocalDate anonymisedOn, @Nullable String legalHoldReason) {
    }

    /**
     * The tenant's cases of a complainant: the e-mail address exactly (case-insensitive), or a name containing the
     * text typed (at least 2 characters). At least one of the two is needed (400).
     */
    @Transactional
    public List<SubjectCase> findByComplainant(Tenant tenant, @Nullable String email, @Nullable String name) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() && n.length() < 2) {
            throw InvalidInputException.because(Map.of(e.isEmpty() && n.isEmpty() ? "email" : "name",
                    Text.of("privacy.error.searchTerm")));
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(tenant.id().value());
        if (!e.isEmpty()) {
            where.add("LOWER(complainant_email) = ?");
            params.add(e);
        }
        if (n.length() >= 2) {
            where.add("LOWER(complainant_name) LIKE ? ESCAPE '!'");
            params.add("%" + n.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return db.query("SELECT id, reference, received_on, status, complainant_name, complainant_email, "
                        + "anonymised_on, legal_hold_reason FROM complaint WHERE tenant_id = ? AND ("
                        + String.join(" OR ", where) + ") ORDER BY received_on, id LIMIT " + MAX_FOUND,
                Retention::subjectCase, params.toArray());
    }

    /** The tenant's cases with these ids; 404 when one of them is not the tenant's, 400 when none is given. */
    @Transactional
    public List<SubjectCase> cases(Tenant tenant, List<Long> ids) {
        List<Long> distinct = ids == null ? List.of() : ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            throw InvalidInputException.because(Map.of("complaintIds", Text.of("privacy.error.noCases")));
        }
        List<SubjectCase> found = new ArrayList<>();
        for (long id : distinct) {
            found.add(db.queryOne("SELECT id, reference, received_on, status, complainant_name, complainant_email, "
                            + "anonymised_on, legal_hold_reason FROM complaint WHERE tenant_id = ? AND id = ?",
                    Retention::subjectCase, tenant.id().value(), id).orElseThrow(() -> notFound(new ComplaintId(id))));
        }
        return found;
    }

    /** What an erasure request did with one case. */
    @Serdeable
    public enum ErasureOutcome {
        /** Anonymised now. */
        ANONYMISED,
        /** Anonymised before: nothing to do. */
        ALREADY_ANONYMISED,
        /** Still open: refused; it can be erased once it is closed. */
        REFUSED_OPEN,
        /** Under a legal hold: skipped, with the hold's reason. */
        SKIPPED_LEGAL_HOLD
    }

    /** One case of an erasure request with its outcome and, where refused or skipped, why (in Dutch, stored words). */
    @Serdeable
    public record Erasure(long id, String reference, ErasureOutcome outcome, @Nullable String reason) {
    }

    /**
     * Wisverzoek (AVG art. 17): anonymises the given cases of the complainant that are closed, at once; refuses the
     * open ones (their handling still needs the data: art. 17 lid 3 onder b, and the Wkkgz requires the complaint to
     * be handled) and skips those under a legal hold. Logged, without personal data. One transaction: all of it is
     * stored, or none.
     */
    @Transactional
    public List<Erasure> erase(Tenant tenant, List<Long> ids, String actor) {
        List<SubjectCase> cases = cases(tenant, ids);
        LocalDate today = complaints.today();
        List<Erasure> done = new ArrayList<>();
        for (SubjectCase c : cases) {
            Anonymiser.Outcome o = anonymiser.anonymise(tenant, c.id(), today, actor,
                    "verzoek van de klager om gegevens te wissen (AVG art. 17)");
            done.add(switch (o) {
                case ANONYMISED -> new Erasure(c.id(), c.reference(), ErasureOutcome.ANONYMISED, null);
                case ALREADY_ANONYMISED -> new Erasure(c.id(), c.reference(), ErasureOutcome.ALREADY_ANONYMISED, null);
                case LEGAL_HOLD -> new Erasure(c.id(), c.reference(), ErasureOutcome.SKIPPED_LEGAL_HOLD,
                        "juridische blokkade: " + state(tenant, new ComplaintId(c.id())).legalHoldReason());
                case NOT_CLOSED, NOT_FOUND -> new Erasure(c.id(), c.reference(), ErasureOutcome.REFUSED_OPEN,
                        "het dossier is nog niet gesloten; de klacht moet eerst worden afgehandeld (Wkkgz art. 17, "
                                + "AVG art. 17 lid 3)");
            });
        }
        logErasure(tenant, actor, done);
        return done;
    }

    private void logErasure(Tenant tenant, String actor, List<Erasure> done) {
        StringBuilder detail = new StringBuilder("Verzoek om gegevens te wissen (AVG art. 17):");
        for (Erasure e : done) {
            detail.append("\n").append(e.reference()).append(": ").append(switch (e.outcome()) {
                case ANONYMISED -> "geanonimiseerd";
                case ALREADY_ANONYMISED -> "was al geanonimiseerd";
                case REFUSED_OPEN -> "geweigerd, nog niet gesloten";
                case SKIPPED_LEGAL_HOLD -> "overgeslagen, juridische blokkade";
            });
        }
        audit.record(tenant.id(), actor, "ERASURE_REQUESTED", done.size() + " dossier(s)", detail.toString());
    }

    private static SubjectCase subjectCase(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SubjectCase(rs.getLong("id"), rs.getString("reference"), Db.date(rs, "received_on"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("complainant_name"),
                rs.getString("complainant_email"), Db.date(rs, "anonymised_on"), rs.getString("legal_hold_reason"));
    }

    private static NotFoundException notFound(ComplaintId id) {
        return new NotFoundException(Text.of("error.case.unknown", String.valueOf(id.value())));
    }
}
