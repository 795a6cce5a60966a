package nl.klachtenregie.audit.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.util.List;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.shared.Messages;

/** Logboek: the tenant's configuration changes, newest first, for those who configure or approve them. */
@Controller("/t/{tenant}/beheer/logboek")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "DIRECTOR", "COMPLIANCE"})
class AuditPagesController {

    /** One change as people read it: the moment in Dutch time, what happened in words (the code stays an attribute). */
    record Row(long id, String at, String actor, String action, String what, String subject, String detail) {
    }

    /** The log page. */
    record AuditPage(String tenant, List<Row> entries, @io.micronaut.core.annotation.Nullable Long older,
                     boolean first) {
        public String nav() {
            return "logboek";
        }
    }

    /** Entries per page; older ones are one link away. */
    static final int PAGE = 100;

    private static final java.time.ZoneId NETHERLANDS = java.time.ZoneId.of("Europe/Amsterdam");
    private static final java.time.format.DateTimeFormatter MOMENT =
            java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final AuditLog audit;
    private final TenantDirectory tenants;
    private final Messages messages;

    AuditPagesController(AuditLog audit, TenantDirectory tenants, Messages messages) {
        this.audit = audit;
        this.tenants = tenants;
        this.messages = messages;
    }

    @Get
    ModelAndView<AuditPage> list(@PathVariable String tenant,
                                 @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue Long voor,
                                 Authentication authentication, io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        List<AuditLog.Entry> entries = audit.before(t.id(), voor == null ? Long.MAX_VALUE : voor, PAGE + 1);
        boolean more = entries.size() > PAGE;
        List<AuditLog.Entry> shown = more ? entries.subList(0, PAGE) : entries;
        java.util.Locale locale = LayoutModelProcessor.locale(request);
        List<Row> rows = shown.stream().map(e -> {
            String key = "audit.kind." + e.action();
            String what = messages.get(locale, key);
            return new Row(e.id(), e.at().atZone(NETHERLANDS).format(MOMENT), e.actor(), e.action(),
                    what.equals(key) ? e.action() : what, e.subject(), e.detail());
        }).toList();
        return new ModelAndView<>("audit", new AuditPage(t.slug(), rows,
                more ? shown.get(shown.size() - 1).id() : null, voor == null));
    }
}
