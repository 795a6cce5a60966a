package nl.klachtenregie.web;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import nl.klachtenregie.security.CsrfTokens;

/**
 * Checks the CSRF token before a state-changing controller method runs. It fails closed: no request, no session, no
 * form with a token, or a different token, all mean 403.
 */
@Singleton
@InterceptorBean(CsrfProtected.class)
class CsrfInterceptor implements MethodInterceptor<Object, Object> {

    private final CsrfTokens tokens;

    CsrfInterceptor(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isEmpty()) {
            throw new CsrfRejectedException();
        }
        HttpMethod method = request.get().getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return context.proceed();
        }
        String posted = null;
        for (Object value : context.getParameterValues()) {
            if (value instanceof CsrfForm form) {
                posted = form.csrfToken();
            } else if (value instanceof Map<?, ?> map && map.get(CsrfTokens.FIELD) != null) {
                posted = String.valueOf(map.get(CsrfTokens.FIELD));
            }
        }
        // A multipart upload binds its fields one by one, so the token arrives as a parameter of that name.
        var named = context.getParameters().get(CsrfTokens.FIELD);
        if (posted == null && named != null && named.getValue() instanceof String token) {
            posted = token;
        }
        if (!tokens.matches(SessionForRequest.find(request.get()), posted)) {
            throw new CsrfRejectedException();
        }
        return context.proceed();
    }

    /** The form did not carry this session's CSRF token. */
    static final class CsrfRejectedException extends RuntimeException {
        CsrfRejectedException() {
            super("Het formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw en probeer het nog eens.");
        }
    }
}
