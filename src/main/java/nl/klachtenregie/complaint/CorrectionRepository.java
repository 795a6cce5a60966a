package nl.klachtenregie.complaint;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The plain CRUD of {@code complaint_correction} and its changes; every method takes the tenant. Never updates. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface CorrectionRepository extends GenericRepository<CorrectionRow, Long> {

    CorrectionRow save(CorrectionRow row);
}
