package nl.klachtenregie.complaint;

import java.time.LocalDate;

/** Werkvoorraad-regel: one open obligation of a case the user handles, for "Mijn werk". */
public record WorkItem(long caseId, String reference, CaseStatus status, String complainantName, String code,
                       LocalDate dueOn, boolean overdue, String basis, String explanation) {
}
