package nl.klachtenregie.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Verzendgrootte: a post to the public form of more than 128 KB is refused before its body is read (413, a page in
 * the form's style). The form's largest honest content (5,000 plus 2,000 characters, each up to 12 bytes once
 * encoded) stays well below it, so nothing a person types is refused here rather than with a field message.
 */
@ServerFilter("/klacht/**")
class PublicFormSizeLimit implements Ordered {

    static final long MAX_BYTES = 128 * 1024;

    private final ViewsRenderer<Object, HttpRequest<?>> renderer;
    private final LayoutModelProcessor layout;
    private final PublicFormPages pages;

    PublicFormSizeLimit(ViewsRenderer<Object, HttpRequest<?>> renderer, LayoutModelProcessor layout,
                        PublicFormPages pages) {
        this.renderer = renderer;
        this.layout = layout;
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        long length = request.getContentLength();
        if (length > MAX_BYTES) {
            return page(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "publicform.tooLarge.title",
                    "publicform.tooLarge.text");
        }
        // A body without a length (chunked) could be any size by the time it is read; browsers always send one.
        if (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return page(request, HttpStatus.LENGTH_REQUIRED, "publicform.lengthRequired.title",
                    "publicform.lengthRequired.text");
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Before anything reads or binds the body.
        return HIGHEST_PRECEDENCE + 100;
    }

    private HttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String titleKey, String messageKey) {
        // Rendered here: a response made by a filter does not pass the views filter.
        ModelAndView<Object> view = new ModelAndView<>("public-error",
                pages.error(null, status.getCode(), titleKey, messageKey));
        layout.process(request, view);
        StringWriter out = new StringWriter();
        try {
            Writable writable = renderer.render("public-error", view.getModel().orElseThrow(), request);
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(out.toString())
                .header(HttpHeaders.CONNECTION, "close");
    }
}
