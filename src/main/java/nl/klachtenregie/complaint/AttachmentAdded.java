package nl.klachtenregie.complaint;

import nl.klachtenregie.security.UserId;
import nl.klachtenregie.tenant.TenantId;

/**
 * Document toegevoegd: published synchronously inside the transaction that stores a document's row, after its bytes
 * are written; a listener that fails undoes both (the row and the bytes).
 *
 * @param by null for an API client without a user
 */
public record AttachmentAdded(TenantId tenant, long complaintId, long attachmentId, UserId by) {
}
