package nl.klachtenregie.profile.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.List;
import nl.klachtenregie.complaint.StaffDirectory;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.OwnTenant;

/**
 * Personeelsoverzicht over the API: list and read (beheerder, leidinggevende), add, change and remove (beheerder).
 * {@code userId} links an entry to a user account of the same tenant.
 */
@Controller("/api/tenants/{tenant}/staff")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "MANAGER"})
class StaffApiController {

    /** An entry as posted. */
    @Serdeable
    record StaffJson(@Nullable String name, @Nullable String team, @Nullable Long userId, @Nullable Boolean active) {
        StaffDirectory.Entry entry() {
            return new StaffDirectory.Entry(name, team, userId, active == null || active);
        }
    }

    /** An entry as answered. */
    @Serdeable
    record StaffView(long id, String name, @Nullable String team, @Nullable Long userId, @Nullable String userName,
                     boolean active) {
        static StaffView of(StaffDirectory.StaffMember m) {
            return new StaffView(m.id(), m.name(), m.team(), m.userId(), m.userName(), m.active());
        }
    }

    private final StaffDirectory staff;
    private final TenantDirectory tenants;

    StaffApiController(StaffDirectory staff, TenantDirectory tenants) {
        this.staff = staff;
        this.tenants = tenants;
    }

    @Get
    List<StaffView> list(@PathVariable String tenant, Authentication auth) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(auth));
        return staff.list(t.id()).stream().map(StaffView::of).toList();
    }

    @Get("/{id}")
    StaffView get(@PathVariable String tenant, @PathVariable String id, Authentication auth) {
        Tenant t = OwnTenant.of(tenants, tenant, CurrentUser.of(auth));
        return staff.find(t.id(), id(id)).map(StaffView::of).orElseThrow(() -> unknown(id));
    }

    @Post
    @Secured("ADMIN")
    HttpResponse<StaffView> create(@PathVariable String tenant, @Nullable @Body StaffJson body, Authentication auth) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        if (body == null) {
            throw InvalidInputException.of("name", Text.of("staff.field.name"));
        }
        StaffDirectory.StaffMember m = staff.create(t, body.entry(), me.username());
        return HttpResponse.created(StaffView.of(m), URI.create("/api/tenants/" + t.slug() + "/staff/" + m.id()));
    }

    @Put("/{id}")
    @Secured("ADMIN")
    StaffView update(@PathVariable String tenant, @PathVariable String id, @Nullable @Body StaffJson body,
                     Authentication auth) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        if (body == null) {
            throw InvalidInputException.of("name", Text.of("staff.field.name"));
        }
        return StaffView.of(staff.update(t, id(id), body.entry(), me.username()));
    }

    @Delete("/{id}")
    @Secured("ADMIN")
    HttpResponse<?> remove(@PathVariable String tenant, @PathVariable String id, Authentication auth) {
        CurrentUser me = CurrentUser.of(auth);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        staff.remove(t, id(id), me.username());
        return HttpResponse.noContent();
    }

    private static long id(String value) {
        Long n = StaffController.number(value);
        if (n == null) {
            throw unknown(value);
        }
        return n;
    }

    static NotFoundException unknown(String id) {
        return new NotFoundException(Text.of("staff.unknown", id));
    }
}
