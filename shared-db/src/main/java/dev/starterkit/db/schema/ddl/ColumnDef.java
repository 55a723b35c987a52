package dev.starterkit.db.schema.ddl;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * One column of a table.
 *
 * @param name the column name in the database
 * @param sqlType the type as PostgreSQL's {@code format_type} writes it, e.g. {@code timestamp with time zone}
 * @param nullable whether the column accepts {@code NULL}
 * @param defaultSql the {@code DEFAULT} expression, or null for none
 */
public record ColumnDef(String name, String sqlType, boolean nullable, @Nullable String defaultSql) {

    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlType, "sqlType");
    }
}
