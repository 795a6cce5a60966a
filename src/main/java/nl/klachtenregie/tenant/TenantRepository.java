package nl.klachtenregie.tenant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The rows of {@code tenant}: the one table that is not per tenant. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface TenantRepository extends GenericRepository<TenantRow, Long> {

    TenantRow save(TenantRow row);

    Optional<TenantRow> findBySlug(String slug);

    Optional<Integer> findRowVersionBySlug(String slug);

    Optional<Integer> findRowVersionById(long id);

    Optional<String> findSlugById(long id);

    List<String> findSlugOrderBySlug();
}
