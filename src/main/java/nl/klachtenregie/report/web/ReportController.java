package nl.klachtenregie.report.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
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
import java.util.Map;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.report.ReportService;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.shared.Text;

/**
 * Rapportages: the reports the rules require and the Totaaloverzicht, as a page, PDF, XLSX or CSV per table.
 * {@code /t/{t}/rapportages/{code}?periode=2026-H2[&volledig=ja]} is the page; {@code {code}.pdf} and
 * {@code {code}.xlsx} the files; {@code {code}/{table}.csv} one table. A PDF with the author's text is posted.
 */
@Controller("/t/{tenant}/rapportages")
@CsrfProtected
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"COMPLIANCE", "MANAGER", "DIRECTOR"})
class ReportController {

    private static final String PDF = ".pdf";
    private static final String XLSX = ".xlsx";
    private static final String CSV = ".csv";

    private final ReportService reports;
    private final TenantDirectory tenants;

    ReportController(ReportService reports, TenantDirectory tenants) {
        this.reports = reports;
        this.tenants = tenants;
    }

    /** The reports of the rules in force, each with a period chooser. */
    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ReportPages.ListPage> list(@PathVariable String tenant, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        return new ModelAndView<>("reports", ReportPages.list(t.slug(), reports.kinds(t), reports.today(),
                ReportPages.mayFull(me)));
    }

    /** The report as a page ({@code code}), or its PDF ({@code code.pdf}) or workbook ({@code code.xlsx}). */
    @Get("/{file}")
    @Produces({MediaType.TEXT_HTML, "application/pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    HttpResponse<?> show(@PathVariable String tenant, @PathVariable String file, @Nullable @QueryValue String periode,
                         @Nullable @QueryValue String volledig, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        if (file.endsWith(PDF)) {
            String code = strip(file, PDF);
            return download(reports.pdf(t, request(code, periode, volledig, null), me));
        }
        if (file.endsWith(XLSX)) {
            String code = strip(file, XLSX);
            return download(reports.workbook(t, request(code, periode, volledig, null), me));
        }
        ReportService.Request request = request(file, periode, volledig, null);
        return HttpResponse.ok(new ModelAndView<>("report", ReportPages.report(t.slug(), reports.report(t, request,
                me), request, ReportPages.mayFull(me)))).contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    /** The PDF with the author's conclusions and advice typed on the report page. */
    @Post("/{file}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    HttpResponse<?> pdfWithText(@PathVariable String tenant, @PathVariable String file,
                                @Nullable @Body Map<String, String> form, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        if (!file.endsWith(PDF)) {
            throw new NotFoundException(Text.of("error.report.pdfOnly"));
        }
        Map<String, String> f = form == null ? Map.of() : form;
        return download(reports.pdf(t, request(strip(file, PDF), f.get("periode"), f.get("volledig"),
                f.get("toelichting")), me));
    }

    /** One table of the report as CSV: {@code /{code}/{table}.csv}. */
    @Get("/{code}/{file}")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    HttpResponse<?> csv(@PathVariable String tenant, @PathVariable String code, @PathVariable String file,
                        @Nullable @QueryValue String periode, @Nullable @QueryValue String volledig,
                        Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        if (!file.endsWith(CSV)) {
            throw new NotFoundException(Text.of("error.report.tableAsCsv", code));
        }
        return download(reports.csv(t, request(code, periode, volledig, null), strip(file, CSV), me));
    }

    private static HttpResponse<byte[]> download(ReportService.ReportFile f) {
        return HttpResponse.ok(f.content()).contentType(f.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    private static ReportService.Request request(String code, String periode, String volledig, String text) {
        if (periode == null || periode.isBlank()) {
            throw InvalidInputException.of("periode", "Kies een periode, bijvoorbeeld 2026 (jaar) of 2026-H2 "
                    + "(halfjaar).");
        }
        return new ReportService.Request(code, Period.parse(periode), full(volledig), text);
    }

    private static boolean full(String volledig) {
        if (volledig == null || volledig.isBlank() || volledig.equals("nee")) {
            return false;
        }
        if (volledig.equals("ja")) {
            return true;
        }
        throw InvalidInputException.of("volledig", "'volledig' is 'ja' of 'nee', niet '" + volledig + "'.");
    }

    private static String strip(String file, String suffix) {
        return file.substring(0, file.length() - suffix.length());
    }
}
