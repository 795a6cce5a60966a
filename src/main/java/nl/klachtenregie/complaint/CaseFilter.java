package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Filter for the case list.
 *
 * @param status null for any
 * @param overdue null for any, true for cases with an overdue obligation on {@code asOf}, false for none
 * @param kind null for any
 * @param category null for any
 * @param handler null for any, {@link #UNASSIGNED} for cases without a handler, else the handler's user id
 * @param search null, or text found in the reference or the complainant's name
 * @param openOnly true to leave out closed cases
 */
public record CaseFilter(CaseStatus status, Boolean overdue, LocalDate asOf, int limit, int offset,
                         ComplaintKind kind, String category, Long handler, String search, boolean openOnly) {
    public static final int MAX_LIMIT = 500;
    public static final long UNASSIGNED = 0L;

    public CaseFilter(CaseStatus status, Boolean overdue, LocalDate asOf, int limit, int offset) {
        this(status, overdue, asOf, limit, offset, null, null, null, null, false);
    }

    public CaseFilter(CaseStatus status, Boolean overdue, LocalDate asOf, int limit, int offset, ComplaintKind kind,
                      String category, Long handler, String search) {
        this(status, overdue, asOf, limit, offset, kind, category, handler, search, false);
    }

    public CaseFilter {
        category = Complainant.blankToNull(category);
        search = Complainant.blankToNull(search);
        Objects.requireNonNull(asOf, "asOf");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }
}
