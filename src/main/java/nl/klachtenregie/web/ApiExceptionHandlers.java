package nl.klachtenregie.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.UnknownTenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a status and a readable message: an {@link ApiError} for the API, an error page in the
 * site's style for a browser. Nothing leaks a stack trace.
 */
@Factory
class ApiExceptionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandlers.class);

    private final ErrorResponses responses;

    ApiExceptionHandlers(ErrorResponses responses) {
        this.responses = responses;
    }

    /** The exception's text in the reader's language when it carries one, else its (Dutch) message. */
    private static String message(HttpRequest<?> request, RuntimeException e) {
        return message(LayoutModelProcessor.locale(request), e);
    }

    static String message(java.util.Locale locale, RuntimeException e) {
        if (e instanceof RefusedException refused) {
            return String.join(" ", refused.reasons(locale));
        }
        if (e instanceof InvalidInputException invalid) {
            return Text.of("error.invalidInput", invalid.texts().entrySet().stream()
                    .map(x -> x.getKey() + ": " + x.getValue().in(locale))
                    .collect(java.util.stream.Collectors.joining("; "))).in(locale);
        }
        Text text = e instanceof Text.Carrier carrier ? carrier.text() : null;
        return text == null ? e.getMessage() : text.in(locale);
    }

    private MutableHttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String message,
                                         List<String> reasons, Map<String, String> fields) {
        return responses.error(request, status, message, reasons, fields);
    }

    @Singleton
    @Produces
    ExceptionHandler<InvalidInputException, HttpResponse<?>> invalidInput() {
        return (request, e) -> error(request, HttpStatus.BAD_REQUEST, message(request, e), List.of(),
                e.fieldErrors(LayoutModelProcessor.locale(request)));
    }

    @Singleton
    @Produces
    ExceptionHandler<RefusedException, HttpResponse<?>> refused() {
        return (request, e) -> error(request, HttpStatus.UNPROCESSABLE_ENTITY, message(request, e),
                e.reasons(LayoutModelProcessor.locale(request)), Map.of());
    }

    @Singleton
    @Produces
    ExceptionHandler<UnknownTenantException, HttpResponse<?>> unknownTenant() {
        return (request, e) -> error(request, HttpStatus.NOT_FOUND, e.getMessage(), List.of(), Map.of());
    }

    @Singleton
    @Produces
    ExceptionHandler<NotFoundException, HttpResponse<?>> notFound() {
        return (request, e) -> error(request, HttpStatus.NOT_FOUND, message(request, e), List.of(), Map.of());
    }

    @Singleton
    @Produces
    ExceptionHandler<ConflictException, HttpResponse<?>> conflict() {
        return (request, e) -> error(request, HttpStatus.CONFLICT, message(request, e), List.of(), Map.of());
    }

    @Singleton
    @Produces
    ExceptionHandler<ForbiddenException, HttpResponse<?>> forbidden() {
        return (request, e) -> {
            String message = message(request, e);
            return error(request, HttpStatus.FORBIDDEN, message, List.of(message), Map.of());
        };
    }

    @Singleton
    @Produces
    ExceptionHandler<CsrfInterceptor.CsrfRejectedException, HttpResponse<?>> csrfRejected() {
        return (request, e) -> error(request, HttpStatus.FORBIDDEN, e.getMessage(), List.of(), Map.of());
    }

    @Singleton
    @Produces
    ExceptionHandler<CodecException, HttpResponse<?>> unreadableBody() {
        return (request, e) -> error(request, HttpStatus.BAD_REQUEST,
                "De JSON kon niet worden gelezen: " + firstLine(e.getMessage()), List.of(), Map.of());
    }

    @Singleton
    @Produces
    @Replaces(ConversionErrorHandler.class)
    ExceptionHandler<ConversionErrorException, HttpResponse<?>> conversion() {
        return (request, e) -> error(request, HttpStatus.BAD_REQUEST, "Ongeldige waarde voor '" + e.getArgument().getName()
                + "': " + firstLine(e.getConversionError().getCause().getMessage()), List.of(),
                Map.of(e.getArgument().getName(), firstLine(e.getConversionError().getCause().getMessage())));
    }

    /** Anything unforeseen: logged with a reference, answered without internals. */
    @Singleton
    @Produces
    ExceptionHandler<RuntimeException, HttpResponse<?>> unexpected() {
        return (request, e) -> {
            String ref = java.util.UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unexpected error {} on {} {}", ref, request.getMethod(), request.getPath(), e);
            return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "Er ging iets mis aan onze kant (referentie " + ref
                    + "). Er is niets opgeslagen; probeer het later opnieuw.", List.of(), Map.of());
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
