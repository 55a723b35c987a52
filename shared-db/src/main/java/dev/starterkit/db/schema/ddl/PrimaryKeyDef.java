package dev.starterkit.db.schema.ddl;

import java.util.List;
import java.util.Objects;

/**
 * The primary key constraint of a table.
 *
 * @param name the constraint name ({@code <table>_pkey}, PostgreSQL's default)
 * @param columns the key's columns, in order
 */
public record PrimaryKeyDef(String name, List<String> columns) {

    public PrimaryKeyDef {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
