package nl.klachtenregie.publicform;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** The complainants' status links; a token is only ever looked up within one tenant. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface StatusLinkRepository extends GenericRepository<StatusLinkRow, Long> {

    StatusLinkRow save(StatusLinkRow row);

    Optional<StatusLinkRow> findByTokenHashAndTenantId(String tokenHash, long tenantId);
}
