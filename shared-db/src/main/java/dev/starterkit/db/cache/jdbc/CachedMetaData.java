package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.codec.Column;
import java.lang.reflect.Proxy;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;

/** The {@link ResultSetMetaData} of a cached result: labels and types as the driver reported them. */
final class CachedMetaData {

    private CachedMetaData() {
    }

    static ResultSetMetaData of(List<Column> columns) {
        return (ResultSetMetaData) Proxy.newProxyInstance(ResultSetMetaData.class.getClassLoader(),
            new Class<?>[] {ResultSetMetaData.class}, (self, method, args) -> {
                String name = method.getName();
                if (name.equals("getColumnCount")) {
                    return columns.size();
                }
                if (name.equals("hashCode") || name.equals("equals") || name.equals("toString")) {
                    return name.equals("hashCode") ? System.identityHashCode(self)
                        : name.equals("equals") ? self == args[0] : "CachedMetaData" + columns;
                }
                if (args == null || !(args[0] instanceof Integer index) || index < 1 || index > columns.size()) {
                    throw new SQLFeatureNotSupportedException("Not supported on cached metadata: " + name);
                }
                return describe(name, columns.get(index - 1));
            });
    }

    private static Object describe(String name, Column column) throws SQLException {
        return switch (name) {
            case "getColumnLabel", "getColumnName" -> column.label();
            case "getColumnType" -> column.jdbcType();
            case "getColumnTypeName" -> column.typeName();
            case "isNullable" -> ResultSetMetaData.columnNullableUnknown;
            case "isReadOnly" -> true;
            case "isWritable", "isDefinitelyWritable", "isAutoIncrement", "isCurrency", "isCaseSensitive",
                 "isSearchable", "isSigned" -> false;
            case "getTableName", "getSchemaName", "getCatalogName" -> "";
            case "getPrecision", "getScale" -> 0;
            case "getColumnDisplaySize" -> Integer.MAX_VALUE;
            case "getColumnClassName" -> Object.class.getName();
            default -> throw new SQLFeatureNotSupportedException("Not supported on cached metadata: " + name);
        };
    }
}
