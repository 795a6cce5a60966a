package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** Dossierregel: one line of the case list. */
@Serdeable
public record CaseSummary(long id, String reference, ComplaintKind kind, CaseStatus status, LocalDate receivedOn,
                          String category, String regulationVersion, String escalationLevel, int overdueObligations,
                          LocalDate nextDueOn, String complainantName, String handlerName) {

    /**
     * Terms still running late: a closed case is nobody's work any more, so its missed terms are history (shown as
     * missed, not overdue), and the list's "te laat" filter agrees with the badge.
     */
    public int openOverdue() {
        return status == CaseStatus.CLOSED ? 0 : overdueObligations;
    }

    /** Terms a closed case missed before it was closed. */
    public int missedWhenClosed() {
        return status == CaseStatus.CLOSED ? overdueObligations : 0;
    }
}
