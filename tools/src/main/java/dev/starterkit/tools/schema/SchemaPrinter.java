package dev.starterkit.tools.schema;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.IndexDef;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import dev.starterkit.db.schema.ddl.UniqueDef;
import java.io.PrintStream;
import java.util.List;

/** Prints a schema in the model's terms: per table its columns, keys, foreign keys and indexes. */
public final class SchemaPrinter {

    private SchemaPrinter() {
    }

    /** Prints every table of {@code schema}, sorted by name. */
    public static void print(SchemaModel schema, PrintStream out) {
        for (TableDef table : schema.tables()) {
            out.println();
            out.println("table " + table.name());
            printColumns(table, out);
            printKeys(table, out);
        }
    }

    private static void printColumns(TableDef table, PrintStream out) {
        int nameWidth = table.columns().stream().mapToInt(c -> c.name().length()).max().orElse(1);
        int typeWidth = table.columns().stream().mapToInt(c -> c.sqlType().length()).max().orElse(1);
        for (ColumnDef column : table.columns()) {
            String line = String.format("  %-" + nameWidth + "s  %-" + typeWidth + "s  %-8s%s", column.name(),
                column.sqlType(), column.nullable() ? "NULL" : "NOT NULL",
                column.defaultSql() == null ? "" : "  DEFAULT " + column.defaultSql());
            out.println(line.stripTrailing());
        }
    }

    private static void printKeys(TableDef table, PrintStream out) {
        out.println("  primary key " + table.primaryKey().name() + " (" + join(table.primaryKey().columns()) + ")");
        for (UniqueDef unique : table.uniques()) {
            out.println("  unique " + unique.name() + " (" + join(unique.columns()) + ")");
        }
        for (ForeignKeyDef fk : table.foreignKeys()) {
            out.println("  foreign key " + fk.name() + " (" + join(fk.columns()) + ") -> " + fk.referencedTable()
                + " (" + join(fk.referencedColumns()) + ") ON DELETE " + fk.onDelete().sql() + " ON UPDATE "
                + fk.onUpdate().sql());
        }
        for (IndexDef index : table.indexes()) {
            out.println("  " + (index.unique() ? "unique index " : "index ") + index.name() + " ("
                + join(index.columns()) + ")" + (IndexDef.BTREE.equals(index.method()) ? ""
                : " USING " + index.method()));
        }
    }

    private static String join(List<String> names) {
        return String.join(", ", names);
    }
}
