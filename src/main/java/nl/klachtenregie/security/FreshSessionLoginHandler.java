package nl.klachtenregie.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.session.SessionLoginHandler;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;

/**
 * Signing in starts a new session (with a new CSRF token) instead of promoting the anonymous one that showed the
 * login form, so a session id planted before login is worthless after it (session fixation).
 */
@Singleton
@Replaces(SessionLoginHandler.class)
class FreshSessionLoginHandler extends SessionLoginHandler {

    private final CsrfTokens tokens;

    FreshSessionLoginHandler(RedirectConfiguration redirectConfiguration, SessionStore<Session> sessionStore,
                             @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> prior,
                             RedirectService redirectService, CsrfTokens tokens) {
        super(redirectConfiguration, sessionStore, prior, redirectService);
        this.tokens = tokens;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        SessionForRequest.find(request).ifPresent(old -> {
            sessionStore.deleteSession(old.getId());
            request.getAttributes().remove(HttpSessionFilter.SESSION_ATTRIBUTE.toString());
        });
        Session fresh = SessionForRequest.create(sessionStore, request);
        tokens.renew(fresh);
        return super.loginSuccess(authentication, request);
    }
}
