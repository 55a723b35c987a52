package dev.starterkit.db.schema.user;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link UserRepository} on the cached data source: reads may be answered from the query cache. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "cached")
public interface CachedUserRepository extends UserRepository {
}
