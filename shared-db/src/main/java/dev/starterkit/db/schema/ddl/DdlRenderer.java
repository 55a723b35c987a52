package dev.starterkit.db.schema.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link SchemaModel}, or parts of one, as PostgreSQL DDL with every identifier quoted. */
public final class DdlRenderer {

    private static final String INDENT = "    ";

    private DdlRenderer() {
    }

    static List<String> statements(SchemaModel model) {
        List<String> statements = new ArrayList<>();
        model.tables().forEach(table -> statements.add(createTable(table)));
        for (TableDef table : model.tables()) {
            table.foreignKeys().forEach(fk -> statements.add(addForeignKey(table, fk)));
        }
        for (TableDef table : model.tables()) {
            table.indexes().forEach(index -> statements.add(createIndex(table, index)));
        }
        return statements;
    }

    /** {@code CREATE TABLE} with the columns, the primary key and the unique constraints; no foreign keys. */
    public static String createTable(TableDef table) {
        List<String> lines = new ArrayList<>();
        table.columns().forEach(column -> lines.add(column(column)));
        lines.add("CONSTRAINT " + quote(table.primaryKey().name()) + " PRIMARY KEY ("
            + quoteAll(table.primaryKey().columns()) + ")");
        table.uniques().forEach(u -> lines.add("CONSTRAINT " + quote(u.name()) + " UNIQUE (" + quoteAll(u.columns())
            + ")"));
        return "CREATE TABLE " + quote(table.name()) + " (\n" + INDENT + String.join(",\n" + INDENT, lines) + "\n)";
    }

    static String addForeignKey(TableDef table, ForeignKeyDef fk) {
        return addForeignKey(table.name(), fk);
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY} with both referential actions spelled out. */
    public static String addForeignKey(String table, ForeignKeyDef fk) {
        return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
            + quoteAll(fk.columns()) + ") REFERENCES " + quote(fk.referencedTable()) + " ("
            + quoteAll(fk.referencedColumns()) + ") ON DELETE " + fk.onDelete().sql() + " ON UPDATE "
            + fk.onUpdate().sql();
    }

    static String createIndex(TableDef table, IndexDef index) {
        return createIndex(table.name(), index);
    }

    /** {@code CREATE [UNIQUE] INDEX ... USING method (...)}. */
    public static String createIndex(String table, IndexDef index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
            + quote(table) + " USING " + index.method() + " (" + quoteAll(index.columns()) + ")";
    }

    /** A column as written in {@code CREATE TABLE} or {@code ADD COLUMN}: name, type, default, {@code NOT NULL}. */
    public static String column(ColumnDef column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.sqlType());
        if (column.defaultSql() != null) {
            sql.append(" DEFAULT ").append(column.defaultSql());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** The identifier in double quotes, inner quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The identifiers quoted and separated by commas. */
    public static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(DdlRenderer::quote).collect(Collectors.joining(", "));
    }
}
