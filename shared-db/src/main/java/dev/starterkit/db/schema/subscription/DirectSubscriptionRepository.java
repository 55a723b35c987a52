package dev.starterkit.db.schema.subscription;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link SubscriptionRepository} on the direct data source. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "direct")
public interface DirectSubscriptionRepository extends SubscriptionRepository {
}
