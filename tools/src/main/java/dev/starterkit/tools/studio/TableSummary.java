package dev.starterkit.tools.studio;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.TableDef;
import java.util.List;

/**
 * A table as the UI lists it: its row count, columns, primary key and the foreign keys the UI turns into links.
 *
 * @param name the table name
 * @param rowCount rows in the table now
 * @param primaryKey the primary key's columns
 * @param columns the columns, in order
 * @param foreignKeys the foreign keys
 */
public record TableSummary(String name, long rowCount, List<String> primaryKey, List<Column> columns,
                           List<Link> foreignKeys) {

    /**
     * One column.
     *
     * @param name the column name
     * @param type the type as {@code format_type} writes it
     * @param nullable whether it accepts {@code NULL}
     * @param defaultSql its {@code DEFAULT} expression, or null
     */
    public record Column(String name, String type, boolean nullable, String defaultSql) {
    }

    /**
     * A foreign key: {@code columns} of this table reference {@code referencedColumns} of {@code table}.
     *
     * @param columns the referencing columns
     * @param table the referenced table
     * @param referencedColumns the referenced columns
     */
    public record Link(List<String> columns, String table, List<String> referencedColumns) {
    }

    static TableSummary of(TableDef table, long rowCount) {
        List<Column> columns = table.columns().stream().map(TableSummary::column).toList();
        List<Link> links = table.foreignKeys().stream().map(TableSummary::link).toList();
        return new TableSummary(table.name(), rowCount, table.primaryKey().columns(), columns, links);
    }

    private static Column column(ColumnDef column) {
        return new Column(column.name(), column.sqlType(), column.nullable(), column.defaultSql());
    }

    private static Link link(ForeignKeyDef fk) {
        return new Link(fk.columns(), fk.referencedTable(), fk.referencedColumns());
    }
}
