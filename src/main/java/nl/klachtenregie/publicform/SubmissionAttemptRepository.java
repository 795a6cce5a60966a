package nl.klachtenregie.publicform;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The submissions counted per sender address (across tenants: the limit is the sender's, not a tenant's). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SubmissionAttemptRepository extends GenericRepository<SubmissionAttemptRow, Long> {

    SubmissionAttemptRow save(SubmissionAttemptRow row);

    List<Long> findAtMillisByAddressHashAndAtMillisGreaterThan(String addressHash, long after, Sort sort);

    void deleteByAtMillisLessThan(long before);
}
