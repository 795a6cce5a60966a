package nl.klachtenregie.complaint;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The changes of a correction; written once, never updated. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface CorrectionChangeRepository extends GenericRepository<CorrectionChangeRow, Long> {

    List<CorrectionChangeRow> saveAll(Iterable<CorrectionChangeRow> rows);
}
