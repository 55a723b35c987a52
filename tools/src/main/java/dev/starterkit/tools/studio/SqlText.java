package dev.starterkit.tools.studio;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.TableDef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SQL built from catalog names and bound values: every identifier is quoted, every value is a parameter cast to
 * its column's type, so PostgreSQL judges whether it fits.
 */
final class SqlText {

    /** A value for one parameter: the text bound and the catalog type it is cast to. */
    record Param(String value, String sqlType) {
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlText append(String text) {
        sql.append(text);
        return this;
    }

    SqlText name(String identifier) {
        sql.append(quote(identifier));
        return this;
    }

    /** Appends {@code CAST(? AS type)} and binds {@code value} (null for {@code NULL}). */
    SqlText value(String value, ColumnDef column) {
        sql.append("CAST(? AS ").append(column.sqlType()).append(')');
        params.add(new Param(value, column.sqlType()));
        return this;
    }

    /** Appends {@code ?} bound to a number. */
    SqlText number(long value) {
        sql.append('?');
        params.add(value);
        return this;
    }

    /** Appends {@code "a" = CAST(? AS t) AND ...} for each column and value; nothing when {@code values} is empty. */
    SqlText equalities(TableDef table, Map<String, String> values, String separator) {
        String joiner = "";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            ColumnDef column = column(table, entry.getKey());
            append(joiner).name(column.name()).append(" = ").value(entry.getValue(), column);
            joiner = separator;
        }
        return this;
    }

    String sql() {
        return sql.toString();
    }

    PreparedStatement prepare(java.sql.Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            Object param = params.get(i);
            if (param instanceof Param text) {
                if (text.value() == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setString(i + 1, text.value());
                }
            } else {
                statement.setLong(i + 1, (Long) param);
            }
        }
        return statement;
    }

    /** A double-quoted identifier, inner quotes doubled. */
    static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw StudioRequestException.badRequest("A name cannot contain a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quotedList(List<String> identifiers) {
        return identifiers.stream().map(SqlText::quote).collect(Collectors.joining(", "));
    }

    /** The column of {@code table} named {@code name}; a name the catalog does not know is refused. */
    static ColumnDef column(TableDef table, String name) {
        return table.column(name).orElseThrow(() -> StudioRequestException.badRequest(
            "Table " + table.name() + " has no column named " + name));
    }

    /** The current row, every value in its text form. */
    static Map<String, String> row(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), rows.getString(i));
        }
        return row;
    }
}
