package nl.klachtenregie.regulation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The plain reads and writes of {@code regulation_version}. Every method takes the tenant and filters on it. The
 * conditional updates (a draft's content, activation, withdrawal: status and row version in the WHERE) stay SQL in
 * {@link RegulationCatalog}.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface RegulationVersionRepository extends GenericRepository<RegulationVersionRow, Long> {

    RegulationVersionRow save(RegulationVersionRow row);

    Optional<RegulationVersionRow> findByTenantIdAndVersion(long tenantId, String version);

    List<RegulationVersionRow> findByTenantId(long tenantId, Sort sort);

    List<RegulationVersionRow.Header> findByTenantIdAndStatus(long tenantId, VersionStatus status, Sort sort);

    Optional<RegulationVersionRow.Rules> readByTenantIdAndId(long tenantId, long id);

    /** The version in force on a day: the latest effective date on or before it (pass one row, newest first). */
    List<String> findVersionByTenantIdAndStatusAndRegulationAndEffectiveFromLessThanEquals(
            long tenantId, VersionStatus status, String regulation, LocalDate day, Pageable pageable);

    List<String> findVersionByTenantIdAndStatusAndRegulation(long tenantId, VersionStatus status, String regulation,
                                                             Pageable pageable);

    List<String> findVersionByTenantIdAndStatusAndRegulation(long tenantId, VersionStatus status, String regulation,
                                                             Sort sort);

    List<LocalDate> findEffectiveFromByTenantIdAndStatusAndRegulation(long tenantId, VersionStatus status,
                                                                      String regulation, Sort sort);

    List<String> findDistinctRegulationByTenantId(long tenantId);

    List<RegulationVersionRow.ImportMark> findByTenantIdAndImportedAtIsNotNull(long tenantId);

    /** Marks every version of the tenant as read in from an archive. */
    void updateByTenantId(long tenantId, String importedBy, Instant importedAt);

    int deleteByTenantIdAndVersionAndStatus(long tenantId, String version, VersionStatus status);
}
