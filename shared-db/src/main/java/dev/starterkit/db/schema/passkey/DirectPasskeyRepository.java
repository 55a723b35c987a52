package dev.starterkit.db.schema.passkey;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link PasskeyRepository} on the direct data source. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "direct")
public interface DirectPasskeyRepository extends PasskeyRepository {
}
