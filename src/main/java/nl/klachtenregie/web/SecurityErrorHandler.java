package nl.klachtenregie.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Not signed in: a browser goes to the login page, an API client gets 401 with a Basic challenge. Signed in but
 * not allowed (another tenant, a missing role): 403 with a page or an {@link ApiError}.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
class SecurityErrorHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final ErrorResponses responses;

    SecurityErrorHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
        boolean page = ErrorPage.wantsPage(request);
        if (!e.isForbidden()) {
            if (page) {
                return HttpResponse.seeOther(URI.create("/login"));
            }
            return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Klachtenregie\"")
                    .body(new ApiError(401, "Log in om deze gegevens te gebruiken.", List.of(), Map.of()));
        }
        String message = "U heeft geen toegang tot deze pagina of deze gegevens.";
        return responses.error(request, HttpStatus.FORBIDDEN, message, List.of(), Map.of());
    }
}
