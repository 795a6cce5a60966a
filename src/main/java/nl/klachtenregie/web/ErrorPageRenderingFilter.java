package nl.klachtenregie.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;

/**
 * Renders the pages that no route rendered. The views filter renders only a route's own response (it needs the
 * route's {@code @Produces}); an error page made by an exception handler, the security filter (another tenant, a
 * missing role) or the CSRF filter reaches the client as an unrendered {@link ModelAndView}, which cannot be
 * encoded and turns a 403 or 404 into a 500. This filter sits just outside the security filters (inside the
 * session filter, so a session the layout touches is still saved) and renders such a body as HTML with the same
 * renderer and view model processors.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ErrorPageRenderingFilter implements Ordered {

    private final ModelAndViewRenderer<Object, HttpRequest<?>> renderer;

    ErrorPageRenderingFilter(ModelAndViewRenderer<Object, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    // Not @ExecuteOn(BLOCKING): that would move every response to another thread. Rendering an error page only
    // reads the session and the tenant's name, which the tenant directory has normally cached by then.
    @ResponseFilter
    @SuppressWarnings("unchecked")
    void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.body() instanceof ModelAndView<?> page) {
            renderer.render((ModelAndView<Object>) page, request, MediaType.TEXT_HTML)
                    .ifPresent(html -> response.body(html).contentType(MediaType.TEXT_HTML_TYPE));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
