package nl.klachtenregie.improvement;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Which complaints a measure answers; always per tenant. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface MeasureComplaintLinkRepository extends GenericRepository<MeasureComplaintLink, MeasureComplaintLink.Key> {

    <S extends MeasureComplaintLink> Iterable<S> saveAll(Iterable<S> links);

    void deleteByTenantIdAndIdMeasureId(long tenantId, long measureId);
}
