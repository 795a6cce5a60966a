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
 * @param receivedFrom null, or the first day of receipt (the dashboard's period links here)
 * @param receivedTo null, or the last day of receipt
 * @param channel null for any
 * @param serviceLine null for any; {@link #NONE} for cases without one
 * @param level null for any escalation level
 * @param late null, or an obligation code: only cases where that obligation was met late or is unmet and overdue
 *     on {@code asOf} (waived ones excepted), the cases behind a missed "met on time" KPI
 * @param versions null for any; else only cases under these regulation versions (a regulation's cases, for a tenant
 *     that runs several; an empty list matches nothing)
 * @param employee null for any; else cases about this employee (case ignored), as the dashboard's trend flag counts
 */
public record CaseFilter(CaseStatus status, Boolean overdue, LocalDate asOf, int limit, int offset,
                         ComplaintKind kind, String category, Long handler, String search, boolean openOnly,
                         LocalDate receivedFrom, LocalDate receivedTo, Channel channel, String serviceLine,
                         String level, String late, java.util.List<String> versions, String employee) {
    public static final int MAX_LIMIT = 500;
    public static final long UNASSIGNED = 0L;
    /** The service-line filter value for "no service line". */
    public static final String NONE = "-";

    public CaseFilter(CaseStatus status, Boolean overdue, LocalDate asOf, int limit, int offset, ComplaintKind kind,
                      String category, Long handler, String search, boolean openOnly) {
        this(status, overdue, asOf, limit, offset, kind, category, handler, search, openOnly, null, null, null, null,
                null, null, null, null);
    }

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
        serviceLine = Complainant.blankToNull(serviceLine);
        level = Complainant.blankToNull(level);
        late = Complainant.blankToNull(late);
        versions = versions == null ? null : java.util.List.copyOf(versions);
        employee = Complainant.blankToNull(employee);
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw new IllegalArgumentException("receivedTo before receivedFrom");
        }
        Objects.requireNonNull(asOf, "asOf");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }
}
