package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Tenant isolation at the door: any route with a {@code {tenant}} path variable is rejected unless the signed-in
 * user belongs to exactly that tenant. A platform administrator belongs to none and is rejected too. It runs
 * before the role rules, so no {@code @Secured} annotation can open another tenant's data.
 */
@Singleton
class TenantAccessRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = -1000;

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        Optional<String> pathTenant = pathTenant(request);
        if (pathTenant.isEmpty()) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        if (authentication == null) {
            // Not signed in: the role rules answer 401 (or send the browser to the login page).
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        Object userTenant = authentication.getAttributes().get(CurrentUser.ATTR_TENANT);
        return Publishers.just(userTenant != null && userTenant.toString().equals(pathTenant.get())
                ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
    }

    static Optional<String> pathTenant(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        if (match.isPresent() && match.get() instanceof UriRouteMatch<?, ?> uri) {
            Object value = uri.getVariableValues().get("tenant");
            if (value != null) {
                return Optional.of(value.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
