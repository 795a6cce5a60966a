package nl.klachtenregie.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The browser's part of security, on every response (pages, API, errors, refusals by the security filter): a
 * Content-Security-Policy that allows only this server's own scripts, styles and images (no inline script, no
 * framing), {@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy:
 * same-origin} unless the page already set a stricter one (the complainant's receipt and status pages send
 * {@code no-referrer}), and {@code Cache-Control: no-store} on everything but the static assets, so no page or
 * answer with case or personal data is kept in a browser's or proxy's cache.
 *
 * <p>The one inline style allowed is the letter layout's own {@code <style>} block, by its hash: the letter preview
 * is shown in a sandboxed {@code srcdoc} frame, which inherits this page's policy.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {

    static final String LETTER_LAYOUT = "letters/layout.hbs";

    private final String contentSecurityPolicy;

    SecurityHeaders() {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'"
                + letterStyleHash()
                + "; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpHeaders headers = response.getHeaders();
        response.header("Content-Security-Policy", contentSecurityPolicy);
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        if (!headers.contains("Referrer-Policy")) {
            response.header("Referrer-Policy", "same-origin");
        }
        if (!isStatic(request.getPath())) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    static boolean isStatic(String path) {
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    public int getOrder() {
        // Outermost: it sees every response, also those made by the security filter or an error handler.
        return ServerFilterPhase.FIRST.order();
    }

    /** {@code 'sha256-...'} of the letter layout's style block, as a source for style-src (empty if none). */
    private static String letterStyleHash() {
        try (InputStream in = SecurityHeaders.class.getClassLoader().getResourceAsStream(LETTER_LAYOUT)) {
            if (in == null) {
                return "";
            }
            String layout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = layout.indexOf("<style>");
            int end = layout.indexOf("</style>");
            if (start < 0 || end < start) {
                return "";
            }
            String style = layout.substring(start + "<style>".length(), end);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return " '" + "sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
