package nl.klachtenregie.complaint.web;

import java.util.List;
import nl.klachtenregie.web.Option;

/**
 * Toegang en inzage on the case page (issue 16): who was added by name to a confidential case, who may add or remove
 * them (the handler and the leidinggevende), and for the kwaliteitsmanager the case's inzagelog (NEN 7513).
 *
 * @param canManage  the handler or a MANAGER: may add and remove named users
 * @param showReads  COMPLIANCE: sees the reads of this case
 * @param reads      the latest reads, newest first, as people read them (name, moment, how)
 */
record CaseAccessSection(boolean confidential, boolean canManage, List<Granted> granted, List<Option> addable,
                         boolean showReads, List<ReadRow> reads, boolean moreReads) {

    /** A user added by name. */
    record Granted(long userId, String name) {
    }

    /** One read: who (null: no person), when (Dutch date and time), how (translated on the page). */
    record ReadRow(String who, String at, String what) {
    }

    boolean shown() {
        return confidential || showReads;
    }
}
