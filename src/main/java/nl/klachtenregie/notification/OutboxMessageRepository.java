package nl.klachtenregie.notification;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * The plain reads of {@code outbox_message}, always per tenant: an id alone never finds a message. Queueing, claims,
 * leases and retries are conditional statements and stay SQL in {@link OutboxStore}.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxMessageRepository extends GenericRepository<OutboxMessageRow, Long> {

    Optional<OutboxMessageRow> findByTenantIdAndId(long tenantId, long id);

    List<OutboxMessageRow> findByTenantIdAndComplaintId(long tenantId, long complaintId, Sort sort);
}
