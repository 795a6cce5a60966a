package nl.klachtenregie.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code app_user}. Lists and changes are per tenant; lookups by id alone exist only for the signed-in
 * account's own checks, by name only for login (see {@link UserDirectory}).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface UserRepository extends GenericRepository<UserRow, Long> {

    UserRow save(UserRow row);

    Optional<UserRow> findByUsername(String username);

    Optional<UserRow> findByTenantIdAndId(long tenantId, long id);

    List<UserRow> findByTenantId(long tenantId, Sort sort);

    boolean existsByTenantIdIsNull();

    boolean existsByTenantId(long tenantId);

    Optional<UserRow> findById(long id);

    Optional<String> findPasswordHashById(long id);

    void updateByTenantIdAndId(long tenantId, @Id long id, boolean active);

    void updateByTenantIdAndId(long tenantId, @Id long id, @Nullable String email);
}
