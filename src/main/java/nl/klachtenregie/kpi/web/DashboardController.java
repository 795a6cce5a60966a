package nl.klachtenregie.kpi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import nl.klachtenregie.improvement.ImprovementRegister;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.OwnTenant;

/** Dashboard: whether the organisation keeps its own regulation, for the kwaliteitsmanager and directie. */
@Controller("/t/{tenant}/dashboard")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"COMPLIANCE", "MANAGER", "DIRECTOR"})
class DashboardController {

    private final DashboardPages pages;
    private final TenantDirectory tenants;
    private final ImprovementRegister register;

    private final nl.klachtenregie.complaint.CaseVisibility visibility;

    DashboardController(DashboardPages pages, TenantDirectory tenants, ImprovementRegister register,
                        nl.klachtenregie.complaint.CaseVisibility visibility) {
        this.visibility = visibility;
        this.pages = pages;
        this.tenants = tenants;
        this.register = register;
    }

    @Get
    ModelAndView<DashboardPages.DashboardPage> show(@PathVariable String tenant, @Nullable @QueryValue String periode,
                                                    Authentication authentication, HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        // A breach or trend that a measure already answers proposes nothing more.
        return new ModelAndView<>("dashboard", pages.page(t, visibility.viewer(t, me), periode, me,
                LayoutModelProcessor.locale(request),
                register.originKeys(t.id())));
    }
}
