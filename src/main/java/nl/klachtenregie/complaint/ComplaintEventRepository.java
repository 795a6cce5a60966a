package nl.klachtenregie.complaint;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** A case's timeline, always per tenant. The joins with the users and the confirmation stay SQL. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ComplaintEventRepository extends GenericRepository<ComplaintEventRow, Long> {

    ComplaintEventRow save(ComplaintEventRow row);

    List<String> findPayloadJsonByTenantIdAndComplaintId(long tenantId, long complaintId, Sort sort);
}
