package nl.klachtenregie.regulation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;

/** The platform's equated days (not per tenant: the law is the same for every organisation). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface EquatedDayRepository extends GenericRepository<EquatedDayRow, LocalDate> {

    EquatedDayRow save(EquatedDayRow row);

    boolean existsById(LocalDate equatedOn);

    List<EquatedDayRow> findAll(Sort sort);
}
