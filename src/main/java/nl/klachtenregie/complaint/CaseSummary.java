package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** Dossierregel: one line of the case list. */
@Serdeable
public record CaseSummary(long id, String reference, ComplaintKind kind, CaseStatus status, LocalDate receivedOn,
                          String category, String regulationVersion, String escalationLevel, int overdueObligations,
                          LocalDate nextDueOn, String complainantName, String handlerName) {
}
