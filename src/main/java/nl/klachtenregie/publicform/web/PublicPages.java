package nl.klachtenregie.publicform.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.web.LayoutModelProcessor;

/**
 * Weigeringspagina's van het klachtformulier: the refusals of the public pages (no such form, no such link, an
 * expired link, too large a post) as pages in the form's own layout. They are rendered here, as a thrown
 * {@link Refusal} or from a filter, rather than returned by the route: Micronaut sends every error status a route
 * returns through its status routes, whose site-wide 404 would replace the page with the staff site's, and a POST
 * answered that way could loop without end.
 */
@Singleton
@Produces
class PublicPages implements ExceptionHandler<PublicPages.Refusal, HttpResponse<?>> {

    /** A public page refused: the status and which texts say why; {@code tenant} null when none is known. */
    static final class Refusal extends RuntimeException {
        private final HttpStatus status;
        private final transient Tenant tenant;
        private final String titleKey;
        private final String messageKey;

        Refusal(HttpStatus status, Tenant tenant, String titleKey, String messageKey) {
            super(titleKey, null, false, false);
            this.status = status;
            this.tenant = tenant;
            this.titleKey = titleKey;
            this.messageKey = messageKey;
        }
    }

    private final ViewsRenderer<Object, HttpRequest<?>> renderer;
    private final LayoutModelProcessor layout;
    private final PublicFormPages pages;

    PublicPages(ViewsRenderer<Object, HttpRequest<?>> renderer, LayoutModelProcessor layout, PublicFormPages pages) {
        this.renderer = renderer;
        this.layout = layout;
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal refusal) {
        return refusal(request, refusal.status, refusal.tenant, refusal.titleKey, refusal.messageKey);
    }

    /**
     * The refusal page. Always private: a status-link path holds the token, and none of these answers is worth
     * keeping or indexing.
     */
    MutableHttpResponse<?> refusal(HttpRequest<?> request, HttpStatus status, Tenant tenant, String titleKey,
                                   String messageKey) {
        String html = render(request, "public-error", pages.error(tenant, status.getCode(), titleKey, messageKey));
        return asPrivate(HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html));
    }

    /** No store, no referrer, no index: for pages that show (or are reached by) a private link. */
    static <T> MutableHttpResponse<T> asPrivate(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex");
    }

    private String render(HttpRequest<?> request, String view, Object page) {
        ModelAndView<Object> model = new ModelAndView<>(view, page);
        layout.process(request, model);
        StringWriter out = new StringWriter();
        try {
            Writable writable = renderer.render(view, model.getModel().orElseThrow(), request);
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
