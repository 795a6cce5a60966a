package nl.klachtenregie.complaint.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.Attachments;
import nl.klachtenregie.complaint.DocumentRefusedException;
import nl.klachtenregie.complaint.DocumentStoreUnavailableException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.web.ErrorResponses;
import nl.klachtenregie.web.LayoutModelProcessor;

/**
 * Documents' failures as a status and a Dutch (or English) message: too large 413, not an allowed type 415, the
 * object store unreachable 503. A request body above the server's limit (micronaut.server.max-request-size, set just
 * above the largest document) gets the same 413 message rather than the framework's English one.
 */
@Factory
class DocumentErrorHandlers {

    private final ErrorResponses responses;

    DocumentErrorHandlers(ErrorResponses responses) {
        this.responses = responses;
    }

    @Singleton
    @Produces
    ExceptionHandler<DocumentRefusedException, HttpResponse<?>> refused() {
        return (request, e) -> {
            String message = e.text().in(LayoutModelProcessor.locale(request));
            return responses.error(request, e.reason() == DocumentRefusedException.Reason.TOO_LARGE
                    ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE, message,
                    List.of(message), Map.of("file", message));
        };
    }

    @Singleton
    @Produces
    ExceptionHandler<DocumentStoreUnavailableException, HttpResponse<?>> unavailable() {
        return (request, e) -> {
            String message = e.text().in(LayoutModelProcessor.locale(request));
            return responses.error(request, HttpStatus.SERVICE_UNAVAILABLE, message, List.of(message), Map.of());
        };
    }

    @Singleton
    @Produces
    @Replaces(ContentLengthExceededHandler.class)
    ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> bodyTooLarge() {
        return (request, e) -> {
            String message = Text.of("documents.requestTooLarge", Attachments.MAX_BYTES / (1024 * 1024))
                    .in(LayoutModelProcessor.locale(request));
            return responses.error(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, message, List.of(message),
                    Map.of()).header("Connection", "close");
        };
    }
}
