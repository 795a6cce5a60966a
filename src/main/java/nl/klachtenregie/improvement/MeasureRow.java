package nl.klachtenregie.improvement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDate;
import java.util.List;

/**
 * Verbetermaatregel as stored: one row of {@code improvement_measure}, without its complaint references (they live in
 * {@code improvement_measure_complaint}). Hidden behind {@link ImprovementStore}.
 */
@MappedEntity("improvement_measure")
record MeasureRow(@Id @GeneratedValue @Nullable Long id,
                  long tenantId,
                  String measureNumber,
                  String title,
                  @Nullable String description,
                  MeasureKind kind,
                  MeasureLevel measureLevel,
                  OriginType originType,
                  @Nullable String originKey,
                  @Nullable String originDescription,
                  @Nullable String owner,
                  @Nullable LocalDate dueOn,
                  MeasureStatus status,
                  @Nullable LocalDate completedOn,
                  LocalDate createdOn,
                  String createdBy,
                  @Nullable LocalDate reviewedOn,
                  @Nullable Integer reviewYear,
                  @Nullable Effectiveness reviewEffective,
                  @Nullable String reviewNotes,
                  @Nullable String reviewedBy,
                  // A stale row version makes the update match no row: Micronaut Data then throws
                  // OptimisticLockException, which the store turns into "someone saved it in between".
                  @Version @Nullable Integer rowVersion) {

    static MeasureRow of(long tenantId, String number, NewMeasure m, LocalDate createdOn, String createdBy) {
        return new MeasureRow(null, tenantId, number, m.title(), m.description(), m.kind(), m.level(),
                m.origin().type(), m.origin().key(), m.origin().description(), m.owner(), m.dueOn(), m.status(),
                m.completedOn(), createdOn, createdBy, null, null, null, null, null, 0);
    }

    /** This row with the editable fields of {@code m}, expected at {@code rowVersion}. */
    MeasureRow edited(NewMeasure m, int expectedRowVersion) {
        return new MeasureRow(id, tenantId, measureNumber, m.title(), m.description(), m.kind(), m.level(),
                m.origin().type(), m.origin().key(), m.origin().description(), m.owner(), m.dueOn(), m.status(),
                m.completedOn(), createdOn, createdBy, reviewedOn, reviewYear, reviewEffective, reviewNotes,
                reviewedBy, expectedRowVersion);
    }

    /** This row with the review {@code r}, expected at {@code rowVersion}. */
    MeasureRow reviewed(Review r, int expectedRowVersion) {
        return new MeasureRow(id, tenantId, measureNumber, title, description, kind, measureLevel, originType,
                originKey, originDescription, owner, dueOn, status, completedOn, createdOn, createdBy, r.reviewedOn(),
                r.year(), r.effective(), r.notes(), r.reviewedBy(), expectedRowVersion);
    }

    Measure measure(List<String> references) {
        Review review = reviewedOn == null ? null
                : new Review(reviewedOn, reviewYear == null ? 0 : reviewYear, reviewEffective, reviewNotes, reviewedBy);
        return new Measure(id, measureNumber, title, description, kind, measureLevel,
                new Origin(originType, originKey, originDescription), references, owner, dueOn, status, completedOn,
                review, createdOn, createdBy, rowVersion == null ? 0 : rowVersion);
    }
}
