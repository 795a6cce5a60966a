package nl.klachtenregie.complaint;

import java.time.LocalDate;

/**
 * Te laat: what "late" means for a term, in one place, for the case list, the dashboard, the reports and the
 * termijnbewaking alike.
 *
 * <p>Under the regulation a term is <em>missed</em> (overdue, te laat) when it is not met and not waived and its due
 * date has passed: from the day after the due date, never on the due date itself (what is done on the last day is on
 * time). A term that was met is late when it was met after its due date; a duty a person set aside is never on time,
 * whatever day it was set aside. A term without a due date is never late.
 *
 * <p>The SQL fragments are written against the {@code obligation} table as {@code o} (and, where they say so, the
 * {@code complaint} table as {@code c}); each {@code ?} is bound, in order, to the day asked about. They are conditions
 * to join with {@code AND}, each safe to use as one (they carry their own parentheses where they need them).
 */
public final class Lateness {

    /** Open: not met (nor set aside, which is stored as met) and not waived; work still to do, or a term missed. */
    static final String OPEN_DUTY = "o.met_on IS NULL AND o.waived = FALSE";

    /** Overdue on {@code ?}: open, and its due date before that day. The one meaning of "late" for an open term. */
    static final String OVERDUE_ON = OPEN_DUTY + " AND o.due_on < ?";

    /**
     * Still in time on {@code ?}: open, and due on that day or later. The complement of {@link #OVERDUE_ON} among the
     * open terms with a due date (the case list's "next due").
     */
    static final String IN_TIME_ON = OPEN_DUTY + " AND o.due_on >= ?";

    /**
     * Due by {@code ?}: open, and due on that day or before: overdue or falling due by then. Not "late" but the
     * dashboard's "needs attention" (its {@code ?} is today plus the days it looks ahead); which of these are late is
     * {@link #pastDue} of their due date.
     */
    static final String DUE_BY = OPEN_DUTY + " AND o.due_on <= ?";

    /**
     * Met in time: met on or before its due date, and not by being set aside. The numerator of the dashboard's "met on
     * time"; of a term met, the opposite of late.
     */
    static final String MET_IN_TIME = "o.met_on <= o.due_on AND o.set_aside = FALSE";

    /**
     * Missed as of {@code ?}: a term with a due date that was met late or set aside, or that is open and overdue on
     * that day. The case list's "late" filter: the same "late" as the dashboard's on-time KPI counts against a code.
     */
    static final String MISSED_ON = "o.due_on IS NOT NULL AND ((o.met_on IS NOT NULL AND (o.met_on > o.due_on "
            + "OR o.set_aside = TRUE)) OR (" + OVERDUE_ON + "))";

    /**
     * Late against the term as first set, as of {@code ?} (needs {@code c}): like {@link #MISSED_ON}, but measured
     * against the due date the term had without an extension ({@code COALESCE(base_due_on, due_on)}), so that a term
     * met or still open only thanks to an extension is found too, and the caller tells the two apart with the real due
     * date. Two differences on purpose: an open term of a case closed unhandled counts only if its term ran out before
     * the case was closed (the report's "missed before closing"); and the waived ones are left out of both branches (a
     * waived term is never met, so this selects the same met terms as {@link #MISSED_ON}).
     */
    static final String LATE_AGAINST_FIRST_TERM_ON = "o.waived = FALSE AND o.due_on IS NOT NULL AND "
            + "((o.met_on IS NOT NULL AND (o.met_on > COALESCE(o.base_due_on, o.due_on) OR o.set_aside = TRUE)) "
            + "OR (o.met_on IS NULL AND COALESCE(o.base_due_on, o.due_on) < ? "
            + "AND (c.closed_on IS NULL OR o.due_on < c.closed_on)))";

    /** The case is not closed (needs {@code c}): a closed case is nobody's work any more, even with a term missed. */
    static final String OPEN_CASE = "c.status <> 'CLOSED'";

    /**
     * Still someone's work (needs {@code c} and {@code o}): a duty of a case not closed, or a measure the decision
     * promised, which is followed up after the complaint itself is closed (Wkkgz art. 17 lid 1). For "Mijn werk", the
     * dashboard's attention list and the term watch.
     */
    static final String OPEN_WORK = "(c.status <> 'CLOSED' OR o.code = '" + CaseEngine.MEASURE_CODE + "')";

    private Lateness() {
    }

    /**
     * The due date has passed on {@code asOf}: a term still open then is late. Due on {@code asOf} itself is still in
     * time; no due date, never late. The Java side of {@link #OVERDUE_ON} for a term already known to be open.
     */
    public static boolean pastDue(LocalDate dueOn, LocalDate asOf) {
        return dueOn != null && dueOn.isBefore(asOf);
    }

    /** Overdue on {@code asOf}: not met, not waived and {@link #pastDue}; the Java side of {@link #OVERDUE_ON}. */
    public static boolean overdueOn(LocalDate metOn, boolean waived, LocalDate dueOn, LocalDate asOf) {
        return metOn == null && !waived && pastDue(dueOn, asOf);
    }
}
