package dev.starterkit.db.schema.subscription;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link SubscriptionRepository} on the cached data source: reads may be answered from the query cache. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "cached")
public interface CachedSubscriptionRepository extends SubscriptionRepository {
}
