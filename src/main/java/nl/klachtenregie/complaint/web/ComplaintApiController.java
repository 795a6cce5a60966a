package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.authentication.Authentication;
import nl.klachtenregie.security.CurrentUser;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.complaint.CaseFilter;
import nl.klachtenregie.complaint.CaseStatus;
import nl.klachtenregie.complaint.CaseSummary;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintRegistered;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.Correction;
import nl.klachtenregie.complaint.Corrections;
import java.util.Map;
import nl.klachtenregie.complaint.Intake;
import nl.klachtenregie.kpi.KpiReport;
import nl.klachtenregie.kpi.KpiService;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.FieldErrors;

/**
 * JSON API for complaint cases, under one tenant's path. The tenant in the path is resolved first; an unknown
 * tenant is a 404 and never widens the query.
 */
@Controller("/api/tenants/{tenant}")
// Reading cases: handlers and the quality manager; changing them: handlers. The tenant in the path must be the
// user's own (TenantAccessRule), whatever the role.
@Secured({"STAFF", "MANAGER", "COMPLIANCE"})
@Produces(MediaType.APPLICATION_JSON)
// JDBC and rule evaluation block: keep them off the Netty event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class ComplaintApiController {

    private final TenantDirectory tenants;
    private final ComplaintService complaints;
    private final KpiService kpis;
    private final Intake intake;
    private final Validator validator;
    private final CaseAccessPages access;
    private final nl.klachtenregie.audit.CaseReads reads;

    private final Corrections corrections;

    ComplaintApiController(TenantDirectory tenants, ComplaintService complaints, KpiService kpis, Intake intake,
                           Validator validator, Corrections corrections, CaseAccessPages access,
                           nl.klachtenregie.audit.CaseReads reads) {
        this.corrections = corrections;
        this.access = access;
        this.reads = reads;
        this.intake = intake;
        this.validator = validator;
        this.tenants = tenants;
        this.complaints = complaints;
        this.kpis = kpis;
    }

    @Post("/complaints")
    @Secured({"STAFF", "MANAGER"})
    HttpResponse<CaseView> create(@PathVariable String tenant, @Nullable @Body ComplaintForm form) {
        Tenant t = tenants.resolve(tenant);
        if (form == null) {
            throw InvalidInputException.of("body", "de klacht ontbreekt");
        }
        CaseView created = intake.register(t, form.toNewComplaint(validator), null, null, ComplaintRegistered.Source.API, false);
        return HttpResponse.created(created,
                URI.create("/api/tenants/" + t.slug() + "/complaints/" + created.id()));
    }

    @Get("/complaints/{id}")
    CaseView get(@PathVariable String tenant, @PathVariable String id, @Nullable @QueryValue String asOf,
                 Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        FieldErrors errors = new FieldErrors();
        LocalDate day = errors.optionalDate("asOf", asOf);
        errors.throwIfAny();
        CurrentUser me = CurrentUser.of(authentication);
        CaseView c = complaints.get(t, access.viewer(t, me), ComplaintId.parse(id), day);
        reads.record(t.id(), me.id().value(), c.id(), nl.klachtenregie.audit.CaseReads.What.API);
        return c;
    }

    @Post("/complaints/{id}/events")
    @Secured({"STAFF", "MANAGER"})
    CaseView event(@PathVariable String tenant, @PathVariable String id, @Nullable @Body EventForm form,
                   Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        if (form == null) {
            throw InvalidInputException.of("body", "de gebeurtenis ontbreekt");
        }
        access.require(t, CurrentUser.of(authentication), ComplaintId.parse(id));
        return complaints.recordEvent(t, ComplaintId.parse(id), form.toNewEvent(), form.version(),
                CurrentUser.of(authentication).id());
    }

    /**
     * Vier ogen: a leidinggevende or kwaliteitsmanager other than the recorder confirms an extension recorded after its
     * term ran out.
     */
    @Post("/complaints/{id}/events/{sequence}/confirmation")
    @Secured({"MANAGER", "COMPLIANCE"})
    CaseView confirm(@PathVariable String tenant, @PathVariable String id, @PathVariable String sequence,
                     Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        int seq;
        try {
            seq = Integer.parseInt(sequence);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("sequence", "'" + sequence + "' is geen volgnummer van een gebeurtenis");
        }
        access.require(t, CurrentUser.of(authentication), ComplaintId.parse(id));
        return complaints.confirmLateEvent(t, ComplaintId.parse(id), seq, CurrentUser.of(authentication).id());
    }

    /** Correctie (issue 16): the changed fields of intake, {@code expectedVersion} and {@code reason}. */
    @io.micronaut.http.annotation.Patch("/complaints/{id}")
    @Secured({"STAFF", "MANAGER"})
    CaseView correct(@PathVariable String tenant, @PathVariable String id, @Nullable @Body Map<String, Object> body,
                     Authentication authentication) {
        return corrections.correct(tenants.resolve(tenant), ComplaintId.parse(id), CorrectionBody.parse(body),
                CurrentUser.of(authentication));
    }

    @Get("/complaints/{id}/corrections")
    List<Correction> corrections(@PathVariable String tenant, @PathVariable String id) {
        return corrections.of(tenants.resolve(tenant), ComplaintId.parse(id));
    }

    @Get("/complaints")
    List<CaseSummary> list(@PathVariable String tenant, @Nullable @QueryValue String status,
                           @Nullable @QueryValue String overdue, @Nullable @QueryValue String asOf,
                           @Nullable @QueryValue String limit, @Nullable @QueryValue String offset,
                           Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        FieldErrors errors = new FieldErrors();
        CaseStatus s = errors.optionalEnum("status", status, CaseStatus.class);
        LocalDate day = errors.optionalDate("asOf", asOf);
        Boolean late = null;
        if (overdue != null && !overdue.isBlank()) {
            if (!overdue.equals("true") && !overdue.equals("false")) {
                errors.add("overdue", "gebruik true of false");
            } else {
                late = Boolean.valueOf(overdue);
            }
        }
        int lim = number(errors, "limit", limit, 100, 1, CaseFilter.MAX_LIMIT);
        int off = number(errors, "offset", offset, 0, 0, Integer.MAX_VALUE);
        errors.throwIfAny();
        return complaints.list(t, access.viewer(t, CurrentUser.of(authentication)), new CaseFilter(s, late, day == null ? complaints.today() : day, lim, off));
    }

    @Get("/kpis")
    @Secured({"MANAGER", "COMPLIANCE"})
    KpiReport kpis(@PathVariable String tenant, @Nullable @QueryValue String year) {
        Tenant t = tenants.resolve(tenant);
        FieldErrors errors = new FieldErrors();
        int y = number(errors, "year", year, complaints.today().getYear(), 2000, 9999);
        errors.throwIfAny();
        return kpis.forYear(t, y);
    }

    private static int number(FieldErrors errors, String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        errors.add(field, "'" + value + "' is geen getal van " + min + " tot en met " + max);
        return fallback;
    }
}
