package nl.klachtenregie.complaint;

import nl.klachtenregie.tenant.Tenant;

/**
 * Dossier geanonimiseerd: the case's personal data and free texts were removed (its retention period ran out, or the
 * complainant asked for erasure: AVG art. 17). Published synchronously in the transaction that anonymises the case, so
 * that every feature holding something personal of it (letters, messages, notes, attachments, status links) removes
 * it in the same transaction, or the anonymisation fails as a whole and is tried again. Published once per case: a
 * case already anonymised is not anonymised again.
 */
public record CaseAnonymised(Tenant tenant, long complaintId) {
}
