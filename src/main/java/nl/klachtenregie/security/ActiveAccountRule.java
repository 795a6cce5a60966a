package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Only active accounts act, with the password they logged in with. A session keeps the authentication of the
 * moment of login, so without this rule a deactivated user, or someone holding a session from before a password
 * reset, would go on working. The account is looked up on each signed-in request (one primary-key read, off the
 * event loop); a deactivated or reset one is refused and its session ended, so the
 * next request goes to the login page.
 */
@Singleton
class ActiveAccountRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = TenantAccessRule.ORDER - 100;

    // A provider, not the bean: see AccountAuthenticationProvider (Micronaut Data's operations and the security
    // beans would otherwise form a creation cycle).
    private final Provider<UserDirectory> users;
    private final ExecutorService blocking;
    private final SessionStore<Session> sessions;

    ActiveAccountRule(Provider<UserDirectory> users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                      SessionStore<Session> sessions) {
        this.users = users;
        this.blocking = blocking;
        this.sessions = sessions;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getAttributes().get(CurrentUser.ATTR_USER_ID)
                instanceof Number id) || id.longValue() <= 0) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        UserId user = new UserId(id.longValue());
        int credentials = authentication.getAttributes().get(CurrentUser.ATTR_CREDENTIALS_VERSION) instanceof Number v
                ? v.intValue() : 0;
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> {
            if (users.get().sessionStillValid(user, credentials)) {
                return SecurityRuleResult.UNKNOWN;
            }
            SessionForRequest.find(request).ifPresent(session -> {
                sessions.deleteSession(session.getId());
                request.getAttributes().remove(HttpSessionFilter.SESSION_ATTRIBUTE.toString());
            });
            return SecurityRuleResult.REJECTED;
        }, blocking));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
