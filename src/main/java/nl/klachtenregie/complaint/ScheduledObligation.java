package nl.klachtenregie.complaint;

import java.time.LocalDate;

/** An obligation with its computed due date and fulfilment, as stored. */
record ScheduledObligation(String code, LocalDate fromOn, LocalDate dueOn, LocalDate metOn, boolean waived,
                           String basis, String explanation) {

    ObligationStatus statusOn(LocalDate asOf) {
        if (metOn != null) {
            return dueOn == null || !metOn.isAfter(dueOn) ? ObligationStatus.MET : ObligationStatus.MET_LATE;
        }
        if (waived) {
            return ObligationStatus.WAIVED;
        }
        return dueOn != null && asOf.isAfter(dueOn) ? ObligationStatus.OVERDUE : ObligationStatus.OPEN;
    }

    CaseView.ObligationView view(LocalDate asOf) {
        return new CaseView.ObligationView(code, fromOn, dueOn, statusOn(asOf), metOn, basis, explanation);
    }
}
