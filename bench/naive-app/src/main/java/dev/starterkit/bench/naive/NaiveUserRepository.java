package dev.starterkit.bench.naive;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The textbook repository: generated at compile time, over the Hikari pool of datasource {@code default}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NaiveUserRepository extends CrudRepository<NaiveUser, String> {
}
