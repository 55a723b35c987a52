package dev.starterkit.db.schema.ddl;

import java.util.List;
import java.util.Objects;

/**
 * An index that is not backing a constraint.
 *
 * @param name the index name
 * @param columns the indexed columns, in order
 * @param unique whether it is a unique index
 * @param method the access method, e.g. {@code btree}
 */
public record IndexDef(String name, List<String> columns, boolean unique, String method) {

    /** The access method of indexes declared with Micronaut's {@code @Index}. */
    public static final String BTREE = "btree";

    public IndexDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        columns = List.copyOf(columns);
    }
}
