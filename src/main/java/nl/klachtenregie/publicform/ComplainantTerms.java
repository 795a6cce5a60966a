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
}
