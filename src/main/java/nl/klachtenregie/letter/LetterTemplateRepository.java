package nl.klachtenregie.letter;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The tenants' own letter templates, at most one per tenant and kind; always per tenant. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LetterTemplateRepository extends GenericRepository<LetterTemplateRow, Long> {

    LetterTemplateRow save(LetterTemplateRow row);

    Optional<LetterTemplateRow> findByTenantIdAndKind(long tenantId, LetterKind kind);

    boolean existsByTenantIdAndKind(long tenantId, LetterKind kind);

    List<LetterTemplateRow> findByTenantId(long tenantId);

    List<LetterKind> findKindByTenantId(long tenantId);

    int deleteByTenantIdAndKind(long tenantId, LetterKind kind);
}
