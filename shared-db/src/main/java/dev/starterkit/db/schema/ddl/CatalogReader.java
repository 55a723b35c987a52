package dev.starterkit.db.schema.ddl;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tables of a live database's {@code public} schema from {@code pg_catalog} into a {@link SchemaModel}
 * (Flyway's history table left out), so a database can be compared with the entities' model. Anything the model
 * cannot express (check constraints, expression or partial indexes) fails loudly rather than being skipped.
 */
public final class CatalogReader {

    private static final String TABLES = """
        SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
        ORDER BY c.relname""";
    private static final String COLUMNS = """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
            a.attidentity <> '' OR a.attgenerated <> ''
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""";
    private static final String CONSTRAINTS = """
        SELECT con.conname, con.contype,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
            ref.relname,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
            con.confdeltype, con.confupdtype
        FROM pg_constraint con LEFT JOIN pg_class ref ON ref.oid = con.confrelid
        WHERE con.conrelid = ? ORDER BY con.conname""";
    private static final String INDEXES = """
        SELECT ic.relname, i.indisunique, am.amname, i.indexprs IS NOT NULL OR i.indpred IS NOT NULL,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num ORDER BY k.ord)
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
        WHERE i.indrelid = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                             WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY ic.relname""";

    private CatalogReader() {
    }

    /** The schema of the database {@code connection} is connected to. */
    public static SchemaModel read(Connection connection) throws SQLException {
        List<TableDef> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(table(connection, rows.getLong(1), rows.getString(2)));
            }
        }
        return new SchemaModel(tables);
    }

    private static TableDef table(Connection connection, long oid, String name) throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        try (ResultSet rows = query(connection, COLUMNS, oid)) {
            while (rows.next()) {
                if (rows.getBoolean(5)) {
                    throw new SchemaCatalogException("Column " + name + "." + rows.getString(1) + " is an identity "
                        + "or generated column, which the schema model does not describe");
                }
                columns.add(new ColumnDef(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                    rows.getString(4)));
            }
        }
        List<PrimaryKeyDef> primaryKey = new ArrayList<>();
        List<UniqueDef> uniques = new ArrayList<>();
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        readConstraints(connection, oid, name, primaryKey, uniques, foreignKeys);
        if (primaryKey.size() != 1) {
            throw new SchemaCatalogException("Table " + name + " has no primary key");
        }
        return new TableDef(name, columns, primaryKey.get(0), uniques, foreignKeys, indexes(connection, oid, name));
    }

    private static void readConstraints(Connection connection, long oid, String table, List<PrimaryKeyDef> primaryKey,
                                        List<UniqueDef> uniques, List<ForeignKeyDef> foreignKeys)
        throws SQLException {
        try (ResultSet rows = query(connection, CONSTRAINTS, oid)) {
            while (rows.next()) {
                String constraint = rows.getString(1);
                List<String> keyColumns = strings(rows.getArray(3));
                switch (rows.getString(2)) {
                    case "p" -> primaryKey.add(new PrimaryKeyDef(constraint, keyColumns));
                    case "u" -> uniques.add(new UniqueDef(constraint, keyColumns));
                    case "f" -> foreignKeys.add(new ForeignKeyDef(constraint, keyColumns, rows.getString(4),
                        strings(rows.getArray(5)), action(rows.getString(6)), action(rows.getString(7))));
                    case "n" -> {
                        // PostgreSQL 18 records NOT NULL as constraints too; attnotnull already says it.
                    }
                    default -> throw new SchemaCatalogException("Constraint " + constraint + " on " + table
                        + " is of a kind the schema model does not describe: " + rows.getString(2));
                }
            }
        }
    }

    private static List<IndexDef> indexes(Connection connection, long oid, String table) throws SQLException {
        List<IndexDef> indexes = new ArrayList<>();
        try (ResultSet rows = query(connection, INDEXES, oid)) {
            while (rows.next()) {
                if (rows.getBoolean(4)) {
                    throw new SchemaCatalogException("Index " + rows.getString(1) + " on " + table
                        + " has expressions or a predicate, which the schema model does not describe");
                }
                indexes.add(new IndexDef(rows.getString(1), strings(rows.getArray(5)), rows.getBoolean(2),
                    rows.getString(3)));
            }
        }
        return indexes;
    }

    private static ResultSet query(Connection connection, String sql, long oid) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        statement.setLong(1, oid);
        return statement.executeQuery();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static ReferentialAction action(String code) {
        return ReferentialAction.fromCatalogCode(code.charAt(0));
    }
}
