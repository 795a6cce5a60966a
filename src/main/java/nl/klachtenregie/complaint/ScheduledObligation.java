package nl.klachtenregie.complaint;

import java.time.LocalDate;

/**
 * An obligation with its computed due date and fulfilment, as stored.
 *
 * @param metOn the day it was met, or set aside ({@code setAside})
 * @param baseDueOn the due date the term would have without an extension (equal to {@code dueOn} when none), so a
 *     report can show apart what was on time only thanks to the extension
 * @param setAside a person set the duty aside on {@code metOn}, for the reason in {@code note}
 * @param statute the law that sets the term, "" for the regulation's own
 * @param label what the complainant is promised in words, "" when none
 * @param suspendedSince the day the term stands still since (opgeschort), null when it runs
 */
record ScheduledObligation(String code, LocalDate fromOn, LocalDate dueOn, LocalDate metOn, boolean waived,
                           String basis, String explanation, LocalDate baseDueOn, boolean setAside, String note,
                           String statute, String label, LocalDate suspendedSince) {

    ScheduledObligation {
        statute = statute == null ? "" : statute;
        label = label == null ? "" : label;
    }

    ScheduledObligation(String code, LocalDate fromOn, LocalDate dueOn, LocalDate metOn, boolean waived, String basis,
                        String explanation) {
        this(code, fromOn, dueOn, metOn, waived, basis, explanation, dueOn, false, null, "", "", null);
    }

    /** The status on {@code asOf}: a fulfilment after that day has not happened yet from its point of view. */
    ObligationStatus statusOn(LocalDate asOf) {
        if (metOn != null && !metOn.isAfter(asOf)) {
            if (setAside) {
                return ObligationStatus.SET_ASIDE;
            }
            return dueOn == null || !metOn.isAfter(dueOn) ? ObligationStatus.MET : ObligationStatus.MET_LATE;
        }
        if (waived && metOn == null) {
            return ObligationStatus.WAIVED;
        }
        if (suspendedSince != null && !suspendedSince.isAfter(asOf) && (dueOn == null || !asOf.isAfter(dueOn))) {
            return ObligationStatus.SUSPENDED;
        }
        return Lateness.pastDue(dueOn, asOf) ? ObligationStatus.OVERDUE : ObligationStatus.OPEN;
    }

    /** Not met, not waived and not set aside on {@code asOf}: work still to do (or a term missed). */
    boolean openOn(LocalDate asOf) {
        ObligationStatus s = statusOn(asOf);
        return s == ObligationStatus.OPEN || s == ObligationStatus.OVERDUE || s == ObligationStatus.SUSPENDED;
    }

    CaseView.ObligationView view(LocalDate asOf) {
        LocalDate met = metOn != null && !metOn.isAfter(asOf) ? metOn : null;
        return new CaseView.ObligationView(code, fromOn, dueOn, statusOn(asOf), met, basis, explanation,
                setAside && met != null ? note : null, statute, label);
    }
}
