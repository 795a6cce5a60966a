package nl.klachtenregie.letter;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** The issued letters; always per tenant. A letter is never changed once issued. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LetterRepository extends GenericRepository<LetterRow, Long> {

    LetterRow save(LetterRow row);

    Optional<String> findHtmlByTenantIdAndId(long tenantId, long id);
}
