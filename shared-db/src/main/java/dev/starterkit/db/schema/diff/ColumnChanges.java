package dev.starterkit.db.schema.diff;

import static dev.starterkit.db.schema.ddl.DdlRenderer.quote;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.DdlRenderer;
import dev.starterkit.db.schema.ddl.TableDef;
import java.util.Optional;

/** The {@link SchemaChange}s of tables and columns. */
public final class ColumnChanges {

    private ColumnChanges() {
    }

    /** Creates a table with its columns, primary key and unique constraints; foreign keys and indexes follow. */
    public record CreateTable(TableDef definition) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.CREATE_TABLE;
        }

        @Override
        public String table() {
            return definition.name();
        }

        @Override
        public String sortKey() {
            return "";
        }

        @Override
        public String sql() {
            return DdlRenderer.createTable(definition);
        }

        @Override
        public String description() {
            return "+ table " + definition.name() + " (" + String.join(", ", definition.columnNames()) + ")";
        }

        @Override
        public String name() {
            return "create_" + definition.name();
        }
    }

    /** Drops a table and its rows. */
    public record DropTable(TableDef definition) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.DROP_TABLE;
        }

        @Override
        public String table() {
            return definition.name();
        }

        @Override
        public String sortKey() {
            return "";
        }

        @Override
        public String sql() {
            return "DROP TABLE " + quote(definition.name());
        }

        @Override
        public String description() {
            return "- table " + definition.name() + " and its rows";
        }

        @Override
        public String name() {
            return "drop_" + definition.name();
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Adds a column; {@code position} is its place in the target table, which orders several additions. */
    public record AddColumn(String table, ColumnDef column, int position) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.ADD_COLUMN;
        }

        @Override
        public String sortKey() {
            return String.format("%05d", position);
        }

        @Override
        public String sql() {
            return "ALTER TABLE " + quote(table) + " ADD COLUMN " + DdlRenderer.column(column);
        }

        @Override
        public String description() {
            return "+ column " + table + "." + describe(column);
        }

        @Override
        public String name() {
            return "add_" + table + "_" + column.name();
        }

        @Override
        public Optional<String> caution() {
            return column.nullable() || column.defaultSql() != null ? Optional.empty()
                : Optional.of("fails if " + table + " has rows: a NOT NULL column without a default");
        }
    }

    /** Drops a column and its values. */
    public record DropColumn(String table, ColumnDef column) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.DROP_COLUMN;
        }

        @Override
        public String sortKey() {
            return column.name();
        }

        @Override
        public String sql() {
            return "ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column.name());
        }

        @Override
        public String description() {
            return "- column " + table + "." + column.name() + " and its values";
        }

        @Override
        public String name() {
            return "drop_" + table + "_" + column.name();
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Renames a column, keeping its values; only ever made when asked for. */
    public record RenameColumn(String table, String from, String to) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.RENAME_COLUMN;
        }

        @Override
        public String sortKey() {
            return from;
        }

        @Override
        public String sql() {
            return "ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
        }

        @Override
        public String description() {
            return "~ column " + table + "." + from + " renamed to " + to;
        }

        @Override
        public String name() {
            return "rename_" + table + "_" + from + "_to_" + to;
        }
    }

    /** Converts a column to another type with a cast of its values, which may fail or lose precision. */
    public record AlterColumnType(String table, String column, String fromType, String toType)
        implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.ALTER_COLUMN;
        }

        @Override
        public String sortKey() {
            return column + "\u00001";
        }

        @Override
        public String sql() {
            return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " TYPE " + toType + " USING "
                + quote(column) + "::" + toType;
        }

        @Override
        public String description() {
            return "~ column " + table + "." + column + " type " + fromType + " -> " + toType;
        }

        @Override
        public String name() {
            return "alter_" + table + "_" + column + "_type";
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /**
     * Sets or drops a column's default. A default dropped before a type change has {@code early} set, so that it
     * runs before the conversion; any other runs after it.
     */
    public record SetDefault(String table, String column, String fromSql, String toSql, boolean early)
        implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.ALTER_COLUMN;
        }

        @Override
        public String sortKey() {
            return column + (early ? "\u00000" : "\u00002");
        }

        @Override
        public String sql() {
            return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column)
                + (toSql == null ? " DROP DEFAULT" : " SET DEFAULT " + toSql);
        }

        @Override
        public String description() {
            return "~ column " + table + "." + column + " default " + (fromSql == null ? "none" : fromSql) + " -> "
                + (toSql == null ? "none" : toSql);
        }

        @Override
        public String name() {
            return (toSql == null ? "drop_" : "set_") + table + "_" + column + "_default";
        }
    }

    /** Makes a column accept {@code NULL} or not. */
    public record SetNullable(String table, String column, boolean nullable) implements SchemaChange {

        @Override
        public Phase phase() {
            return Phase.ALTER_COLUMN;
        }

        @Override
        public String sortKey() {
            return column + "\u00003";
        }

        @Override
        public String sql() {
            return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column)
                + (nullable ? " DROP NOT NULL" : " SET NOT NULL");
        }

        @Override
        public String description() {
            return "~ column " + table + "." + column + (nullable ? " NOT NULL -> NULL" : " NULL -> NOT NULL");
        }

        @Override
        public String name() {
            return "make_" + table + "_" + column + (nullable ? "_nullable" : "_not_null");
        }

        @Override
        public Optional<String> caution() {
            return nullable ? Optional.empty() : Optional.of("fails if " + table + "." + column + " holds NULLs");
        }
    }

    static String describe(ColumnDef column) {
        return column.name() + " " + column.sqlType() + (column.nullable() ? "" : " NOT NULL")
            + (column.defaultSql() == null ? "" : " DEFAULT " + column.defaultSql());
    }
}
