package nl.klachtenregie.web;

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
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;

/** Logboek: the tenant's configuration changes, newest first, for those who configure or approve them. */
@Controller("/t/{tenant}/beheer/logboek")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "DIRECTOR", "COMPLIANCE"})
class AuditPagesController {

    /** The log page. */
    record AuditPage(String tenant, List<AuditLog.Entry> entries) {
        public String nav() {
            return "logboek";
        }
    }

    private final AuditLog audit;
    private final TenantDirectory tenants;

    AuditPagesController(AuditLog audit, TenantDirectory tenants) {
        this.audit = audit;
        this.tenants = tenants;
    }

    @Get
    ModelAndView<AuditPage> list(@PathVariable String tenant, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        if (me.tenantSlug() == null || !me.tenantSlug().equals(tenant)) {
            throw new NotFoundException("Deze organisatie bestaat niet of is niet de uwe.");
        }
        Tenant t = tenants.resolve(me.tenantSlug());
        return new ModelAndView<>("audit", new AuditPage(t.slug(), audit.recent(t.id(), 500)));
    }
}
