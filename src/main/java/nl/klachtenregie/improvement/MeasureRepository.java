package nl.klachtenregie.improvement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The plain CRUD of {@code improvement_measure}. Every method takes the tenant and filters on it: an id alone never
 * finds or changes a row. The updates carry the row version the editor saw ({@link Version}): when it is stale they
 * match no row and Micronaut Data throws {@link io.micronaut.data.exceptions.OptimisticLockException}.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface MeasureRepository extends GenericRepository<MeasureRow, Long> {

    MeasureRow save(MeasureRow row);

    Optional<MeasureRow> findByTenantIdAndId(long tenantId, long id);

    Optional<MeasureRow> findByTenantIdAndIdForUpdate(long tenantId, long id);

    List<MeasureRow> findByTenantId(long tenantId, Sort sort);

    List<String> findDistinctOriginKeyByTenantIdAndOriginKeyIsNotNull(long tenantId);

    // Four date ranges OR-ed together read more plainly as SQL than as a method name.
    @Query("SELECT * FROM improvement_measure WHERE tenant_id = :tenantId AND (created_on BETWEEN :from AND :to "
            + "OR due_on BETWEEN :from AND :to OR completed_on BETWEEN :from AND :to "
            + "OR reviewed_on BETWEEN :from AND :to) ORDER BY created_on DESC, id DESC")
    List<MeasureRow> findRelevant(long tenantId, LocalDate from, LocalDate to);

    /** The editable fields of a measure. */
    void updateByTenantIdAndId(long tenantId, @Id long id, @Version Integer rowVersion, String title,
                               @Nullable String description, MeasureKind kind, MeasureLevel measureLevel,
                               OriginType originType, @Nullable String originKey, @Nullable String originDescription,
                               @Nullable String owner, @Nullable LocalDate dueOn, MeasureStatus status,
                               @Nullable LocalDate completedOn);

    /** The yearly effectiveness review of a measure. */
    void updateByTenantIdAndId(long tenantId, @Id long id, @Version Integer rowVersion, LocalDate reviewedOn,
                               Integer reviewYear, Effectiveness reviewEffective, @Nullable String reviewNotes,
                               String reviewedBy);
}
