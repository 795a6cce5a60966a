package nl.klachtenregie.complaint;

import java.time.LocalDate;
import nl.klachtenregie.tenant.TenantId;

/**
 * Verlenging achteraf vastgelegd: an extension announced in time but recorded after the term it moves ran out. Published
 * in the transaction that records it, so that whoever announced the term as missed can mark that notice as superseded.
 *
 * @param dueBefore the due date that ran out
 * @param dueAfter the new due date, null when the term now has none (a suspension runs)
 */
public record LateExtensionRecorded(TenantId tenant, long complaintId, String reference, String code,
                                    LocalDate dueBefore, LocalDate dueAfter) {
}
