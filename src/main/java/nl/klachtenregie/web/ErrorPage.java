package nl.klachtenregie.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import java.util.List;

/** Foutpagina: what a browser sees instead of a stack trace or a bare status. */
public record ErrorPage(int status, String titleKey, String message, List<String> reasons) {

    /** Browsers get pages; the API and other clients get JSON. */
    static boolean wantsPage(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    static ErrorPage of(HttpStatus status, String message, List<String> reasons) {
        String titleKey = switch (status.getCode()) {
            case 400 -> "error.400";
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 409 -> "error.409";
            case 422 -> "error.422";
            case 503 -> "error.503";
            default -> status.getCode() >= 500 ? "error.500" : "error.other";
        };
        return new ErrorPage(status.getCode(), titleKey, message, reasons);
    }
}
