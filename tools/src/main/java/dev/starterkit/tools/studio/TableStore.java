package dev.starterkit.tools.studio;

import dev.starterkit.db.schema.ddl.CatalogReader;
import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads and changes rows of the tables the catalog lists. A table or column name from a request is only used
 * after it was found in the catalog, and then quoted; values are bound parameters cast to the column's type.
 */
final class TableStore {

    private final DataSource dataSource;
    private volatile SchemaModel schema;

    TableStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every table with its row count, the catalog read afresh. */
    List<TableSummary> tables() throws SQLException {
        List<TableSummary> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            schema = CatalogReader.read(connection);
            for (TableDef table : schema.tables()) {
                tables.add(TableSummary.of(table, count(connection, table, Map.of())));
            }
        }
        return tables;
    }

    RowPage rows(RowQuery query) throws SQLException {
        TableDef table = table(query.table());
        String order = query.sort() == null ? SqlText.quotedList(table.primaryKey().columns())
            : SqlText.quote(SqlText.column(table, query.sort()).name()) + (query.descending() ? " DESC" : " ASC")
                + " NULLS LAST, " + SqlText.quotedList(table.primaryKey().columns());
        SqlText sql = select(table, query.filters()).append(" ORDER BY " + order + " LIMIT ").number(query.size())
            .append(" OFFSET ").number((long) query.page() * query.size());
        try (Connection connection = dataSource.getConnection()) {
            long total = count(connection, table, query.filters());
            return new RowPage(list(connection, sql), total, query.page(), query.size());
        }
    }

    /** The row whose primary key is {@code key}. */
    Map<String, String> row(String tableName, Map<String, String> key) throws SQLException {
        TableDef table = table(tableName);
        SqlText sql = select(table, primaryKey(table, key));
        try (Connection connection = dataSource.getConnection()) {
            return list(connection, sql).stream().findFirst()
                .orElseThrow(() -> StudioRequestException.notFound("No row of " + table.name() + " has that key"));
        }
    }

    /** Inserts a row; columns left out get their defaults. */
    Map<String, String> insert(String tableName, Map<String, String> values) throws SQLException {
        TableDef table = table(tableName);
        SqlText sql = new SqlText().append("INSERT INTO ").name(table.name());
        if (values.isEmpty()) {
            sql.append(" DEFAULT VALUES");
        } else {
            List<ColumnDef> columns = values.keySet().stream().map(name -> SqlText.column(table, name)).toList();
            sql.append(" (").append(SqlText.quotedList(columns.stream().map(ColumnDef::name).toList()))
                .append(") VALUES (");
            String joiner = "";
            for (ColumnDef column : columns) {
                sql.append(joiner).value(values.get(column.name()), column);
                joiner = ", ";
            }
            sql.append(")");
        }
        return changeOne(sql.append(" RETURNING *"), table);
    }

    /** Sets {@code values} on the row whose primary key is {@code key}. */
    Map<String, String> update(String tableName, Map<String, String> key, Map<String, String> values)
        throws SQLException {
        TableDef table = table(tableName);
        if (values.isEmpty()) {
            throw StudioRequestException.badRequest("Nothing to change");
        }
        SqlText sql = new SqlText().append("UPDATE ").name(table.name()).append(" SET ")
            .equalities(table, values, ", ").append(" WHERE ").equalities(table, primaryKey(table, key), " AND ");
        return changeOne(sql.append(" RETURNING *"), table);
    }

    /** Deletes the row whose primary key is {@code key}. */
    void delete(String tableName, Map<String, String> key) throws SQLException {
        TableDef table = table(tableName);
        SqlText sql = new SqlText().append("DELETE FROM ").name(table.name()).append(" WHERE ")
            .equalities(table, primaryKey(table, key), " AND ").append(" RETURNING *");
        changeOne(sql, table);
    }

    private TableDef table(String name) throws SQLException {
        Optional<TableDef> table = knownSchema().table(name);
        if (table.isEmpty()) {
            // a table created since the last read is found after one refresh; anything else is refused
            schema = null;
            table = knownSchema().table(name);
        }
        return table.orElseThrow(() -> StudioRequestException.notFound("No table named " + name));
    }

    private SchemaModel knownSchema() throws SQLException {
        SchemaModel known = schema;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = CatalogReader.read(connection);
                schema = known;
            }
        }
        return known;
    }

    private static Map<String, String> primaryKey(TableDef table, Map<String, String> key) {
        if (!key.keySet().equals(Set.copyOf(table.primaryKey().columns())) || key.containsValue(null)) {
            throw StudioRequestException.badRequest("A row of " + table.name() + " is named by its primary key "
                + table.primaryKey().columns());
        }
        return key;
    }

    private static SqlText select(TableDef table, Map<String, String> filters) {
        SqlText sql = new SqlText().append("SELECT * FROM ").name(table.name());
        return filters.isEmpty() ? sql : sql.append(" WHERE ").equalities(table, filters, " AND ");
    }

    private static long count(Connection connection, TableDef table, Map<String, String> filters)
        throws SQLException {
        SqlText sql = new SqlText().append("SELECT count(*) FROM ").name(table.name());
        if (!filters.isEmpty()) {
            sql.append(" WHERE ").equalities(table, filters, " AND ");
        }
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Map<String, String>> list(Connection connection, SqlText sql) throws SQLException {
        List<Map<String, String>> result = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(SqlText.row(rows));
            }
        }
        return result;
    }

    private Map<String, String> changeOne(SqlText sql, TableDef table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Map<String, String>> changed = list(connection, sql);
            if (changed.isEmpty()) {
                throw StudioRequestException.notFound("No row of " + table.name() + " has that key");
            }
            return changed.get(0);
        }
    }
}
