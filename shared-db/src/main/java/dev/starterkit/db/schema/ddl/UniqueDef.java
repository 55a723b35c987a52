package dev.starterkit.db.schema.ddl;

import java.util.List;
import java.util.Objects;

/**
 * A {@code UNIQUE} table constraint.
 *
 * @param name the constraint name
 * @param columns the constrained columns, in key order
 */
public record UniqueDef(String name, List<String> columns) {

    public UniqueDef {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
