package nl.klachtenregie.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;

/** An address that does not exist: the site's 404 page, or an {@link ApiError} for the API. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class NotFoundController {

    private final ErrorResponses responses;

    NotFoundController(ErrorResponses responses) {
        this.responses = responses;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return responses.error(request, HttpStatus.NOT_FOUND, "Deze pagina bestaat niet.", List.of(),
                Map.of());
    }
}
