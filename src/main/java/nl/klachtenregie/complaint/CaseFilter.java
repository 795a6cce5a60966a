package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Filter for the case list.
 *
 * @param status null for any
 * @param overdue null for any, true for cases with an overdue obligation on {@code asOf}, false for none
 */
public record CaseFilter(CaseStatus status, Boolean overdue, LocalDate asOf, int limit, int offset) {
    public static final int MAX_LIMIT = 500;

    public CaseFilter {
        Objects.requireNonNull(asOf, "asOf");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }
}
