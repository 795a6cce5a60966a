package nl.klachtenregie.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to any failure: an error page in the site's style for a browser, an {@link ApiError} for the API.
 * The page is rendered here rather than left to the views filter, which does not render the bodies of responses
 * made by exception handlers and security.
 */
@Singleton
public class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final ViewsRenderer<Object, HttpRequest<?>> renderer;
    private final LayoutModelProcessor layout;

    ErrorResponses(ViewsRenderer<Object, HttpRequest<?>> renderer, LayoutModelProcessor layout) {
        this.renderer = renderer;
        this.layout = layout;
    }

    public MutableHttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String message, List<String> reasons,
                                 Map<String, String> fields) {
        if (ErrorPage.wantsPage(request)) {
            try {
                return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                        .body(page(request, ErrorPage.of(status, message, reasons)));
            } catch (RuntimeException | IOException e) {
                // The error page itself failed: say so plainly rather than answer with nothing.
                LOG.error("Error page could not be rendered for {}", request.getPath(), e);
                return HttpResponse.status(status).contentType(MediaType.TEXT_PLAIN_TYPE).body(message);
            }
        }
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(), message, reasons, fields));
    }

    private String page(HttpRequest<?> request, ErrorPage page) throws IOException {
        ModelAndView<Object> view = new ModelAndView<>("error", page);
        layout.process(request, view);
        Writable writable = renderer.render("error", view.getModel().orElseThrow(), request);
        StringWriter out = new StringWriter();
        writable.writeTo(out);
        return out.toString();
    }
}
