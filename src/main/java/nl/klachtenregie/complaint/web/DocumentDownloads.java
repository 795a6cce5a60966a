package nl.klachtenregie.complaint.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.klachtenregie.complaint.Attachments;

/**
 * A document as a download, for the API and the case page alike: always {@code attachment} (never shown inline,
 * where a browser would run what it thinks is a page), its stored content type, {@code nosniff}, not cached.
 */
final class DocumentDownloads {

    private DocumentDownloads() {
    }

    static MutableHttpResponse<byte[]> response(Attachments.Download d) {
        String name = d.attachment().fileName();
        return HttpResponse.ok(d.content())
                .contentType(d.attachment().contentType())
                .header("Content-Disposition", disposition(name))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                // Should a browser open it after all, it is a sandbox without scripts.
                .header("Content-Security-Policy", "sandbox; default-src 'none'");
    }

    /**
     * {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266 / 5987): the ASCII name for
     * old clients, the exact name for the rest.
     */
    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** An attachment id from a path: a positive number, else not a document of this case. */
    static long attachmentId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new nl.klachtenregie.shared.NotFoundException(nl.klachtenregie.shared.Text.of("documents.unknown", value));
    }
}
