package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.klachtenregie.complaint.HistoricImport;
import nl.klachtenregie.complaint.ImportFile;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.ErrorResponses;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.OwnTenant;

/**
 * Klachten van eerdere jaren inlezen: the upload page (a dry run first, then the commit) and the API
 * ({@code POST /api/tenants/{t}/complaints/import?dryRun=true|false}, multipart {@code file}). For the beheerder and
 * the leidinggevende. A file that is neither CSV nor XLSX is 415, one over 8 MB 413, rows with errors 422 (commit).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PastComplaintsController {

    /** The page shows at most this many rows of a dry run; the counts cover all. */
    static final int SHOWN_ROWS = 200;

    private final HistoricImport imports;
    private final TenantDirectory tenants;
    private final ErrorResponses responses;
    /** A dry run's file kept for its commit (per user, at most 30 minutes): the page does not ask for it twice. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(String tenant, String username, String fileName, byte[] content, long until) {
    }

    PastComplaintsController(HistoricImport imports, TenantDirectory tenants, ErrorResponses responses) {
        this.imports = imports;
        this.tenants = tenants;
        this.responses = responses;
    }

    // --- the page --------------------------------------------------------------------------------------------

    /** The upload page with, after a dry run, what the file becomes, or after the commit, what it became. */
    record ImportPage(String tenant, String nav, @Nullable PlanView plan, @Nullable ResultView result,
                      List<String> errors, @Nullable String token) {
    }

    /** A dry run as the page shows it. */
    record PlanView(String fileName, String format, int rows, long newCases, long alreadyImported, long met,
                    long late, long setAside, long open, List<ErrorRow> errors, List<CaseRow> cases, int hidden,
                    List<String> ignoredColumns, boolean ok) {
    }

    record ErrorRow(int row, @Nullable String column, String message) {
    }

    record CaseRow(int row, String externalReference, LocalDate receivedOn, String kind, @Nullable String version,
                   @Nullable String status, List<HistoricImport.PlannedEvent> events,
                   List<HistoricImport.PlannedObligation> obligations, @Nullable String existingReference) {
    }

    record ResultView(String fileName, int created, int skipped, List<HistoricImport.Created> cases, int hidden) {
    }

    @Get("/t/{tenant}/klachten/inlezen")
    @Secured({"ADMIN", "MANAGER"})
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ImportPage> form(@PathVariable String tenant, Authentication auth) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(auth));
        return page(t, null, null, List.of(), null);
    }

    @Post(value = "/t/{tenant}/klachten/inlezen", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"ADMIN", "MANAGER"})
    @Produces(MediaType.TEXT_HTML)
    @CsrfProtected
    HttpResponse<?> upload(@PathVariable String tenant, @Nullable CompletedFileUpload file,
                           @Nullable String token, @Nullable String csrfToken, Authentication auth,
                           HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Locale locale = LayoutModelProcessor.locale(request);
        expire();
        try {
            if (token != null && !token.isBlank()) {
                Pending p = pending.get(token);
                if (p == null || !p.tenant().equals(t.slug()) || !p.username().equals(me.username())) {
                    return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, null, null,
                            List.of(Text.of("pastImport.page.expired").in(locale)), null));
                }
                HistoricImport.Result result = imports.commit(t, p.fileName(), p.content(), me.username());
                pending.remove(token);
                return HttpResponse.ok(page(t, null, result, List.of(), null));
            }
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            String name = file == null ? "" : file.getFilename();
            HistoricImport.Plan plan = imports.dryRun(t, name, bytes);
            String newToken = null;
            if (plan.ok() && plan.newCases() > 0) {
                newToken = java.util.UUID.randomUUID().toString();
                pending.put(newToken, new Pending(t.slug(), me.username(), name, bytes,
                        System.currentTimeMillis() + 30 * 60_000L));
            }
            return HttpResponse.ok(page(t, view(plan, locale), null, List.of(), newToken));
        } catch (ImportFile.Unreadable e) {
            return HttpResponse.status(status(e)).body(page(t, null, null, List.of(e.text().in(locale)), null));
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, null, null,
                    List.copyOf(e.fieldErrors(locale).values()), null));
        } catch (RefusedException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(t, null, null,
                    e.reasons(locale), null));
        } catch (IOException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(t, null, null,
                    List.of(Text.of("pastImport.file.unreadable").in(locale)), null));
        }
    }

    private ModelAndView<ImportPage> page(Tenant t, PlanView plan, HistoricImport.Result result, List<String> errors,
                                          String token) {
        ResultView r = result == null ? null : new ResultView(result.fileName(), result.created(), result.skipped(),
                result.cases().subList(0, Math.min(SHOWN_ROWS, result.cases().size())),
                Math.max(0, result.cases().size() - SHOWN_ROWS));
        return new ModelAndView<>("cases-import", new ImportPage(t.slug(), "inlezen", plan, r, errors, token));
    }

    private static PlanView view(HistoricImport.Plan plan, Locale locale) {
        List<CaseRow> rows = new ArrayList<>();
        for (HistoricImport.PlannedCase c : plan.cases().subList(0, Math.min(SHOWN_ROWS, plan.cases().size()))) {
            rows.add(new CaseRow(c.row(), c.externalReference(), c.receivedOn(), c.kind().name(), c.version(),
                    c.status() == null ? null : c.status().name(), c.events(), c.obligations(),
                    c.existingReference()));
        }
        return new PlanView(plan.fileName(), plan.format(), plan.rows(), plan.newCases(), plan.alreadyImported(),
                plan.met(), plan.late(), plan.setAside(), plan.open(), errors(plan, locale), rows,
                Math.max(0, plan.cases().size() - SHOWN_ROWS), plan.ignoredColumns(), plan.ok());
    }

    private static List<ErrorRow> errors(HistoricImport.Plan plan, Locale locale) {
        return plan.errors().stream().map(e -> new ErrorRow(e.row(), e.column(), e.message().in(locale))).toList();
    }

    private void expire() {
        long now = System.currentTimeMillis();
        pending.values().removeIf(p -> p.until() < now);
        if (pending.size() > 10) {
            pending.clear();
        }
    }

    static HttpStatus status(ImportFile.Unreadable e) {
        return switch (e.problem()) {
            case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNREADABLE -> HttpStatus.BAD_REQUEST;
        };
    }

    // --- the API ---------------------------------------------------------------------------------------------

    /** A dry run over the API. */
    @Serdeable
    record PlanJson(String fileName, String format, int rows, long newCases, long alreadyImported, long met,
                    long late, long setAside, long open, boolean ok, List<ErrorJson> errors, List<CaseJson> cases,
                    List<String> ignoredColumns) {
    }

    @Serdeable
    record ErrorJson(int row, @Nullable String column, String message) {
    }

    @Serdeable
    record CaseJson(int row, String externalReference, LocalDate receivedOn, String kind, @Nullable String version,
                    @Nullable String status, List<EventJson> events, List<ObligationJson> obligations,
                    boolean alreadyImported, @Nullable String existingReference) {
    }

    @Serdeable
    record EventJson(String type, LocalDate on) {
    }

    @Serdeable
    record ObligationJson(String code, @Nullable LocalDate dueOn, @Nullable LocalDate metOn, String status) {
    }

    /** A committed import over the API. */
    @Serdeable
    record ResultJson(long importId, String fileName, int created, int skipped, List<CreatedJson> cases) {
    }

    @Serdeable
    record CreatedJson(int row, long id, String reference, String externalReference) {
    }

    static PlanJson json(HistoricImport.Plan plan, Locale locale) {
        return new PlanJson(plan.fileName(), plan.format(), plan.rows(), plan.newCases(), plan.alreadyImported(),
                plan.met(), plan.late(), plan.setAside(), plan.open(), plan.ok(),
                plan.errors().stream().map(e -> new ErrorJson(e.row(), e.column(), e.text().in(locale))).toList(),
                plan.cases().stream().map(c -> new CaseJson(c.row(), c.externalReference(), c.receivedOn(),
                        c.kind().name(), c.version(), c.status() == null ? null : c.status().name(),
                        c.events().stream().map(e -> new EventJson(e.type().name(), e.on())).toList(),
                        c.obligations().stream().map(o -> new ObligationJson(o.code(), o.dueOn(), o.metOn(),
                                o.status().name())).toList(), c.alreadyImported(), c.existingReference())).toList(),
                plan.ignoredColumns());
    }
}
