package dev.starterkit.db.schema.idempotency;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link IdempotencyKeyRepository} on the direct data source (there is no cached one). */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "direct")
public interface DirectIdempotencyKeyRepository extends IdempotencyKeyRepository {
}
