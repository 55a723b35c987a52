package dev.starterkit.db.schema.user;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link VerificationRepository} on the direct data source. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "direct")
public interface DirectVerificationRepository extends VerificationRepository {
}
