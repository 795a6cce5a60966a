package nl.klachtenregie.complaint;

import java.time.LocalDate;

/**
 * An obligation with its computed due date and fulfilment, as stored.
 *
 * @param baseDueOn the due date the term would have without an extension (equal to {@code dueOn} when none), so a
 *     report can show apart what was on time only thanks to the extension
 */
record ScheduledObligation(String code, LocalDate fromOn, LocalDate dueOn, LocalDate metOn, boolean waived,
                           String basis, String explanation, LocalDate baseDueOn) {

    ScheduledObligation(String code, LocalDate fromOn, LocalDate dueOn, LocalDate metOn, boolean waived, String basis,
                        String explanation) {
        this(code, fromOn, dueOn, metOn, waived, basis, explanation, dueOn);
    }

    /** The status on {@code asOf}: a fulfilment after that day has not happened yet from its point of view. */
    ObligationStatus statusOn(LocalDate asOf) {
        if (metOn != null && !metOn.isAfter(asOf)) {
            return dueOn == null || !metOn.isAfter(dueOn) ? ObligationStatus.MET : ObligationStatus.MET_LATE;
        }
        if (waived && metOn == null) {
            return ObligationStatus.WAIVED;
        }
        return dueOn != null && asOf.isAfter(dueOn) ? ObligationStatus.OVERDUE : ObligationStatus.OPEN;
    }

    CaseView.ObligationView view(LocalDate asOf) {
        LocalDate met = metOn != null && !metOn.isAfter(asOf) ? metOn : null;
        return new CaseView.ObligationView(code, fromOn, dueOn, statusOn(asOf), met, basis, explanation);
    }
}
