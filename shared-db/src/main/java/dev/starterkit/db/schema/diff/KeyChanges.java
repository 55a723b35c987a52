package dev.starterkit.db.schema.diff;

import static dev.starterkit.db.schema.ddl.DdlRenderer.quote;
import static dev.starterkit.db.schema.ddl.DdlRenderer.quoteAll;

import dev.starterkit.db.schema.ddl.DdlRenderer;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.IndexDef;
import dev.starterkit.db.schema.ddl.PrimaryKeyDef;
import dev.starterkit.db.schema.ddl.UniqueDef;
import java.util.List;

/** The {@link SchemaChange}s of primary keys, unique constraints, foreign keys and indexes. */
public final class KeyChanges {

    private KeyChanges() {
    }

    /** Adds a primary key constraint. */
    public record AddPrimaryKey(String table, PrimaryKeyDef key) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.ADD_CONSTRAINT;
        }

        @Override
        public String sortKey() {
            return key.name();
        }

        @Override
        public String sql() {
            return addConstraint(table, key.name(), "PRIMARY KEY", key.columns());
        }

        @Override
        public String description() {
            return "+ primary key " + key.name() + " on " + table + columns(key.columns());
        }

        @Override
        public String name() {
            return "add_" + key.name();
        }
    }

    /** Drops a primary key constraint (the rows stay). */
    public record DropPrimaryKey(String table, PrimaryKeyDef key) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.DROP_CONSTRAINT;
        }

        @Override
        public String sortKey() {
            return key.name();
        }

        @Override
        public String sql() {
            return dropConstraint(table, key.name());
        }

        @Override
        public String description() {
            return "- primary key " + key.name() + " on " + table + columns(key.columns());
        }

        @Override
        public String name() {
            return "drop_" + key.name();
        }
    }

    /** Adds a unique constraint. */
    public record AddUnique(String table, UniqueDef unique) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.ADD_CONSTRAINT;
        }

        @Override
        public String sortKey() {
            return unique.name();
        }

        @Override
        public String sql() {
            return addConstraint(table, unique.name(), "UNIQUE", unique.columns());
        }

        @Override
        public String description() {
            return "+ unique " + unique.name() + " on " + table + columns(unique.columns());
        }

        @Override
        public String name() {
            return "add_" + unique.name();
        }
    }

    /** Drops a unique constraint. */
    public record DropUnique(String table, UniqueDef unique) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.DROP_CONSTRAINT;
        }

        @Override
        public String sortKey() {
            return unique.name();
        }

        @Override
        public String sql() {
            return dropConstraint(table, unique.name());
        }

        @Override
        public String description() {
            return "- unique " + unique.name() + " on " + table + columns(unique.columns());
        }

        @Override
        public String name() {
            return "drop_" + unique.name();
        }
    }

    /** Adds a foreign key. */
    public record AddForeignKey(String table, ForeignKeyDef foreignKey) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.ADD_FOREIGN_KEY;
        }

        @Override
        public String sortKey() {
            return foreignKey.name();
        }

        @Override
        public String sql() {
            return DdlRenderer.addForeignKey(table, foreignKey);
        }

        @Override
        public String description() {
            return "+ foreign key " + foreignKey.name() + " " + table + columns(foreignKey.columns()) + " -> "
                + foreignKey.referencedTable() + columns(foreignKey.referencedColumns()) + " ON DELETE "
                + foreignKey.onDelete().sql();
        }

        @Override
        public String name() {
            return "add_" + foreignKey.name();
        }
    }

    /** Drops a foreign key. */
    public record DropForeignKey(String table, ForeignKeyDef foreignKey) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.DROP_FOREIGN_KEY;
        }

        @Override
        public String sortKey() {
            return foreignKey.name();
        }

        @Override
        public String sql() {
            return dropConstraint(table, foreignKey.name());
        }

        @Override
        public String description() {
            return "- foreign key " + foreignKey.name() + " " + table + columns(foreignKey.columns()) + " -> "
                + foreignKey.referencedTable() + columns(foreignKey.referencedColumns());
        }

        @Override
        public String name() {
            return "drop_" + foreignKey.name();
        }
    }

    /** Creates an index. */
    public record CreateIndex(String table, IndexDef index) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.CREATE_INDEX;
        }

        @Override
        public String sortKey() {
            return index.name();
        }

        @Override
        public String sql() {
            return DdlRenderer.createIndex(table, index);
        }

        @Override
        public String description() {
            return "+ " + (index.unique() ? "unique index " : "index ") + index.name() + " on " + table
                + columns(index.columns());
        }

        @Override
        public String name() {
            return "create_" + index.name();
        }
    }

    /** Drops an index. */
    public record DropIndex(String table, IndexDef index) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.DROP_INDEX;
        }

        @Override
        public String sortKey() {
            return index.name();
        }

        @Override
        public String sql() {
            return "DROP INDEX " + quote(index.name());
        }

        @Override
        public String description() {
            return "- " + (index.unique() ? "unique index " : "index ") + index.name() + " on " + table
                + columns(index.columns());
        }

        @Override
        public String name() {
            return "drop_" + index.name();
        }
    }

    private static String addConstraint(String table, String name, String kind, List<String> columns) {
        return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name) + " " + kind + " ("
            + quoteAll(columns) + ")";
    }

    private static String dropConstraint(String table, String name) {
        return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name);
    }

    private static String columns(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }
}
