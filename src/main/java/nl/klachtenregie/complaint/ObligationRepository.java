package nl.klachtenregie.complaint;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * A case's obligations, always per tenant. Replaced as a whole after every evaluation; the term watch's claims and
 * the counting over them ({@link Lateness}) stay SQL.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ObligationRepository extends GenericRepository<ObligationRow, Long> {

    <S extends ObligationRow> Iterable<S> saveAll(Iterable<S> rows);

    void deleteByTenantIdAndComplaintId(long tenantId, long complaintId);

    List<ObligationRow> findByTenantIdAndComplaintIdAndOverdueSinceIsNotNull(long tenantId, long complaintId);

    // "No term last" the same on MariaDB and H2 (their NULL ordering differs): a CASE no method name can say.
    @Query("SELECT * FROM obligation WHERE tenant_id = :tenantId AND complaint_id = :complaintId "
            + "ORDER BY CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, from_on, code, id")
    List<ObligationRow> findByTenantIdAndComplaintIdSoonestFirst(long tenantId, long complaintId);
}
