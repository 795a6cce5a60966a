package nl.klachtenregie.complaint;

import java.util.List;

/** A case as loaded from the database: its intake, timeline and the bookkeeping of the last evaluation. */
record StoredComplaint(long id, String reference, NewComplaint intake, String regulationVersion, int rowVersion,
                       List<NewEvent> events) {
}
