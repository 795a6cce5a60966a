package nl.klachtenregie.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The rows of {@code audit_log}: added and read per tenant, never changed. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends GenericRepository<AuditRow, Long> {

    AuditRow save(AuditRow row);

    List<AuditRow> findByTenantIdAndIdLessThan(long tenantId, long id, Pageable page);

    List<AuditRow> findByTenantId(long tenantId, Pageable page);
}
