package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Correctie: one correction of what intake recorded, as the case's history shows it: who corrected (by name), when,
 * why, and what changed. The changes are the corrected fields (old and new value), then the regulation version the
 * case moved to (when the new received date falls under another version), then every term whose due date moved
 * because of it.
 *
 * @param number 1 for the case's first correction, counting up
 * @param correctedBy the user's display name; null for an API client without a user
 * @param reason why, as typed; null when none was needed and none was given
 */
@Serdeable
public record Correction(int number, Instant correctedAt, @Nullable String correctedBy, @Nullable String reason,
                         List<Change> changes) {

    /** What a change is about. */
    public enum Kind {
        /** A field of intake, by its API name. */
        FIELD,
        /** A term (obligation) whose due date moved; the field is the duty's code, the values its due dates. */
        TERM,
        /** The regulation version the case follows; the values are the version names. */
        VERSION
    }

    /**
     * One change. Values are text as the API takes them (ISO dates, codes, "true"/"false"); null is "none".
     *
     * @param label for a term, what it promises in words (may be empty)
     * @param note the change in Dutch words, as the timeline says it ("Beslistermijn: was 12-03-2026, wordt
     *     19-03-2026"); for a field, null
     */
    @Serdeable
    public record Change(Kind kind, String field, @Nullable String label, @Nullable String oldValue,
                         @Nullable String newValue, @Nullable String note) {
    }
}
