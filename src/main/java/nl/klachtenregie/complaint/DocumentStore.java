package nl.klachtenregie.complaint;

import java.util.Optional;
import nl.klachtenregie.tenant.TenantId;

/**
 * Documentopslag: where the bytes of a case's documents are kept. One port, two adapters chosen by configuration
 * ({@code klachtenregie.documents.store}): {@code database} (the default; {@link DatabaseDocumentStore}) and
 * {@code s3}, an S3-compatible object store ({@link S3DocumentStore}). Either way a document and its row are stored
 * together or not at all; only the adapter knows how.
 */
public interface DocumentStore {

    /** Writes the attachment's row (and what must happen with it) once the place of the bytes is known. */
    interface Row {
        /**
         * Inserts the metadata row.
         *
         * @param storageKey the object's key in an object store; null for the database store
         * @return the row's id
         */
        long insert(String storageKey);

        /** Runs after the bytes and the row are written, in the same transaction as the row (may still fail). */
        default void stored(long attachmentId) {
        }
    }

    /** What {@code complaint_attachment.storage} says: {@code database} or {@code s3}. */
    String name();

    /**
     * Stores {@code content} and, through {@code row}, its row: both or neither.
     *
     * @return the row's id
     */
    long store(TenantId tenant, byte[] content, Row row);

    /** The bytes, or empty when they are missing from the store (an object removed behind our back). */
    Optional<byte[]> read(TenantId tenant, long attachmentId, String storageKey);

    /** Removes the bytes (nothing happens when they are already gone). */
    void delete(TenantId tenant, long attachmentId, String storageKey);
}
