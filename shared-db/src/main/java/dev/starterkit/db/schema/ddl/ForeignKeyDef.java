package dev.starterkit.db.schema.ddl;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key constraint.
 *
 * @param name the constraint name
 * @param columns the referencing columns of the owning table
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, matching {@code columns} one to one
 * @param onDelete the action when the referenced row is deleted
 * @param onUpdate the action when the referenced key is updated
 */
public record ForeignKeyDef(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                            ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKeyDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(referencedTable, "referencedTable");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " needs as many referenced columns as columns");
        }
    }
}
