package dev.starterkit.db.schema.user;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link IdentityRepository} on the direct data source. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "direct")
public interface DirectIdentityRepository extends IdentityRepository {
}
