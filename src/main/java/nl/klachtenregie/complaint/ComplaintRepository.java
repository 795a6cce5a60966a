package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The plain CRUD of {@code complaint}. Every method but the start-up backfill's lookup takes the tenant and filters
 * on it: an id alone never finds or changes a case. The updates that carry the row version the user saw
 * ({@link Version}) match no row when it is stale, and Micronaut Data throws
 * {@link io.micronaut.data.exceptions.OptimisticLockException}.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ComplaintRepository extends GenericRepository<ComplaintRow, Long> {

    ComplaintRow save(ComplaintRow row);

    Optional<ComplaintRow> findByTenantIdAndId(long tenantId, long id);

    Optional<ComplaintRow> findByTenantIdAndIdForUpdate(long tenantId, long id);

    List<ComplaintRow> findByTenantIdAndReceivedOnBetween(long tenantId, LocalDate from, LocalDate to,
                                                          Pageable pageable);

    Optional<Long> findIdByTenantIdAndSubmissionId(long tenantId, String submissionId);

    Optional<String> findOutcomeJsonByTenantIdAndId(long tenantId, long id);

    /** Start-up backfill only: the complaints of every tenant registered before {@code employee_key} existed. */
    List<ComplaintRow> findByConcernsEmployeeIsNotNullAndEmployeeKeyIsNull();

    /** A user's step: the case's outcome and facts after it, expected at {@code rowVersion}. */
    void updateByTenantIdAndId(long tenantId, @Id long id, @Version Integer rowVersion, CaseStatus status,
                               String escalationLevel, boolean registrationRequired, boolean admissible,
                               String outcomeJson, @Nullable LocalDate concludedOn, @Nullable String conclusion,
                               @Nullable String judgement, @Nullable Integer satisfaction, boolean extended,
                               boolean referredExternal, @Nullable LocalDate closedOn, boolean countsAsFormal);

    /** A new handler, expected at {@code rowVersion}. */
    void updateByTenantIdAndId(long tenantId, @Id long id, @Version Integer rowVersion, @Nullable Long handlerUserId);

    /** A re-evaluation nobody made: the outcome only, the row version stays as it is. */
    void updateByTenantIdAndId(long tenantId, @Id long id, CaseStatus status, String escalationLevel,
                               boolean registrationRequired, boolean admissible, String outcomeJson,
                               boolean countsAsFormal);

    /**
     * A correction of what intake recorded (issue 16), expected at {@code rowVersion}: the intake columns, the
     * employee key that follows the employee concerned, and the regulation version the received date falls under.
     */
    void updateByTenantIdAndId(long tenantId, @Id long id, @Version Integer rowVersion, ComplaintKind kind,
                               Channel channel, LocalDate receivedOn, @Nullable LocalDate incidentOn,
                               @Nullable String complainantName, ComplainantRole complainantRole,
                               @Nullable String complainantEmail, @Nullable String complainantPhone,
                               @Nullable String complainantAddress, @Nullable String complainantPlace,
                               String summary, String category, @Nullable String serviceLine,
                               @Nullable String concernsEmployee, boolean confidential, @Nullable String employeeKey,
                               String regulationVersion);

    /** The start-up backfill's key. */
    void updateByTenantIdAndId(long tenantId, @Id long id, @Nullable String employeeKey);
}
