package nl.klachtenregie.publicform;

import java.util.List;

/**
 * Termijnen voor de klager: the obligation codes that are promises to the complainant (an acknowledgement, contact,
 * an update, a meeting, a judgement, the steps taken). Everything else the rules oblige (informing management,
 * recording a report, the notice of inadmissibility) is the organisation's own work and is not shown to the public.
 */
public final class ComplainantTerms {

    /** In the order a complaint usually meets them. */
    public static final List<String> CODES = List.of("ACKNOWLEDGE", "CONTACT", "PROGRESS_UPDATE", "MEETING", "DECIDE",
            "COMMUNICATE_SOLUTION");

    private ComplainantTerms() {
    }

    public static boolean isForComplainant(String code) {
        return CODES.contains(code);
    }

    /**
     * A promise to the complainant: one of the standard ones, or a duty of the tenant's own for which the regulation
     * gives the complainant's words ("neemt de klachtenfunctionaris contact met u op").
     */
    public static boolean isForComplainant(String code, String label) {
        // A measure's label is the decision's own words, not the regulation's: the decision letter tells the
        // complainant about each measure and its date; the status page's next term stays the procedure's.
        return CODES.contains(code) || (label != null && !label.isBlank() && !"REALISE_MEASURE".equals(code));
    }

    /** The order promises are shown in: the standard ones as a complaint meets them, the tenant's own after them. */
    public static int order(String code) {
        int i = CODES.indexOf(code);
        return i < 0 ? CODES.size() : i;
    }
}
