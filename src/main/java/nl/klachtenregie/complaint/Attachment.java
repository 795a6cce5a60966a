package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Document bij een dossier: a file's metadata as the API and the case page show it (never where its bytes are).
 *
 * @param fileName the sanitised name it was uploaded under
 * @param sha256 the SHA-256 of the bytes (hex), to show a copy is the same file
 * @param uploadedBy the uploader's display name; null for an API client without a user
 */
@Serdeable
public record Attachment(long id, long complaintId, String fileName, String contentType, long sizeBytes, String sha256,
                         AttachmentKind kind, @Nullable String description, @Nullable String uploadedBy,
                         Instant uploadedAt) {
}
