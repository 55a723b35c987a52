package dev.starterkit.db.schema.organization;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** {@link OrganizationRepository} on the direct data source. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = "direct")
public interface DirectOrganizationRepository extends OrganizationRepository {
}
