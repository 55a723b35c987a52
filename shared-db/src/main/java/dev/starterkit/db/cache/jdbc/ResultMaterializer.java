package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.codec.CachedRows;
import dev.starterkit.db.cache.codec.Column;
import dev.starterkit.db.cache.codec.PgText;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a driver result set into {@link CachedRows} of canonical values, so that it can be stored and served
 * again. Types without a faithful canonical value (arrays, {@code timetz}, XML, ...) make a result uncacheable.
 */
final class ResultMaterializer {

    private static final Set<String> UNSUPPORTED_OTHER = Set.of("timetz", "refcursor");

    private ResultMaterializer() {
    }

    /** The columns of {@code rs}, or empty when one has a type that cannot be cached. */
    static Optional<List<Column>> columns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Column> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Column column = new Column(meta.getColumnLabel(i), meta.getColumnType(i), meta.getColumnTypeName(i));
            if (!supported(column)) {
                return Optional.empty();
            }
            columns.add(column);
        }
        return Optional.of(columns);
    }

    private static boolean supported(Column column) {
        return switch (column.jdbcType()) {
            case Types.ARRAY, Types.STRUCT, Types.SQLXML, Types.REF_CURSOR, Types.BLOB, Types.CLOB,
                 Types.DISTINCT, Types.JAVA_OBJECT, Types.REF, Types.DATALINK, Types.ROWID -> false;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> !UNSUPPORTED_OTHER.contains(column.typeName());
            default -> !UNSUPPORTED_OTHER.contains(column.typeName()) && !column.typeName().startsWith("_");
        };
    }

    /** Reads every row of {@code rs}. */
    static CachedRows read(ResultSet rs, List<Column> columns) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                Object value = value(rs, i + 1, columns.get(i));
                row[i] = rs.wasNull() ? null : value;
            }
            rows.add(row);
        }
        return new CachedRows(columns, rows);
    }

    private static Object value(ResultSet rs, int i, Column column) throws SQLException {
        return switch (column.jdbcType()) {
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> rs.getInt(i);
            case Types.BIGINT -> rs.getLong(i);
            case Types.REAL -> rs.getFloat(i);
            case Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.NUMERIC, Types.DECIMAL -> decimal(rs.getObject(i));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> rs.getBytes(i);
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.TIME -> rs.getObject(i, LocalTime.class);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(rs, i, column);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
                 Types.LONGNVARCHAR -> rs.getString(i);
            default -> other(rs, i, column);
        };
    }

    private static Object decimal(Object value) {
        return value instanceof BigDecimal || value == null ? value : ((Number) value).doubleValue();
    }

    private static Object timestamp(ResultSet rs, int i, Column column) throws SQLException {
        if (column.typeName().equals("timestamptz") || column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE) {
            OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        return rs.getObject(i, LocalDateTime.class);
    }

    private static Object other(ResultSet rs, int i, Column column) throws SQLException {
        if (column.typeName().equals("uuid")) {
            return rs.getObject(i, java.util.UUID.class);
        }
        String text = rs.getString(i);
        return text == null ? null : new PgText(column.typeName(), text);
    }
}
