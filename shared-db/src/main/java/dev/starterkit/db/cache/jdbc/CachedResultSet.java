package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.codec.CachedRows;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only, scrollable {@link ResultSet} over {@link CachedRows}: what a cached (or freshly materialized) read
 * returns. Getters convert the canonical values the way pgjdbc would.
 */
final class CachedResultSet implements InvocationHandler {

    private static final ProxyFactory<ResultSet> PROXIES = new ProxyFactory<>(ResultSet.class);

    private final CachedRows rows;
    private final Statement statement;
    /** Column indexes by label, made on the first lookup by label (reads by index never need it). */
    private Map<String, Integer> byLabel;
    private int cursor = -1;
    private boolean closed;
    private boolean lastWasNull;

    private CachedResultSet(CachedRows rows, Statement statement) {
        this.rows = rows;
        this.statement = statement;
    }

    private Map<String, Integer> byLabel() {
        if (byLabel == null) {
            byLabel = new HashMap<>();
            for (int i = rows.columns().size() - 1; i >= 0; i--) {
                String label = rows.columns().get(i).label();
                byLabel.put(label, i + 1);
                byLabel.putIfAbsent(label.toLowerCase(Locale.ROOT), i + 1);
            }
        }
        return byLabel;
    }

    static ResultSet of(CachedRows rows, Statement statement) {
        return PROXIES.create(new CachedResultSet(rows, statement));
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.startsWith("get") && args != null && args.length >= 1
            && (args[0] instanceof Integer || args[0] instanceof String) && !name.equals("getObject")
            || name.equals("getObject") && args != null) {
            return get(name, args, method.getReturnType());
        }
        return switch (name) {
            case "next" -> move(cursor + 1);
            case "previous" -> move(cursor - 1);
            case "absolute" -> move((Integer) args[0] >= 0 ? (Integer) args[0] - 1 : size() + (Integer) args[0]);
            case "relative" -> move(cursor + (Integer) args[0]);
            case "first" -> move(0);
            case "last" -> move(size() - 1);
            case "beforeFirst" -> voidResult(cursor = -1);
            case "afterLast" -> voidResult(cursor = size());
            case "wasNull" -> lastWasNull;
            case "close" -> voidResult(closed = true);
            case "isClosed" -> closed;
            case "findColumn" -> column((String) args[0]);
            default -> other(self, name, args);
        };
    }

    private Object other(Object self, String name, Object[] args) throws SQLException {
        return switch (name) {
            case "getMetaData" -> CachedMetaData.of(rows.columns());
            case "getStatement" -> statement;
            case "getRow" -> cursor >= 0 && cursor < size() ? cursor + 1 : 0;
            case "isBeforeFirst" -> cursor < 0 && size() > 0;
            case "isAfterLast" -> cursor >= size() && size() > 0;
            case "isFirst" -> cursor == 0 && size() > 0;
            case "isLast" -> cursor == size() - 1 && size() > 0;
            case "getType" -> ResultSet.TYPE_SCROLL_INSENSITIVE;
            case "getConcurrency" -> ResultSet.CONCUR_READ_ONLY;
            case "getHoldability" -> ResultSet.HOLD_CURSORS_OVER_COMMIT;
            case "getFetchDirection" -> ResultSet.FETCH_FORWARD;
            case "getFetchSize" -> 0;
            case "setFetchSize", "setFetchDirection", "clearWarnings" -> null;
            case "getWarnings" -> null;
            case "unwrap" -> unwrap(self, (Class<?>) args[0]);
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(self);
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            case "toString" -> "CachedResultSet[" + size() + " rows]";
            default -> throw new SQLFeatureNotSupportedException("A cached result set is read-only: " + name);
        };
    }

    private static Object unwrap(Object self, Class<?> type) throws SQLException {
        if (type.isInstance(self)) {
            return self;
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    private static Object voidResult(Object ignored) {
        return null;
    }

    private int size() {
        return rows.rows().size();
    }

    private boolean move(int to) throws SQLException {
        checkOpen();
        cursor = Math.max(-1, Math.min(to, size()));
        return cursor >= 0 && cursor < size();
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("Result set is closed", "24000");
        }
    }

    private int column(String label) throws SQLException {
        Integer index = byLabel().get(label);
        if (index == null) {
            index = byLabel.get(label.toLowerCase(Locale.ROOT));
        }
        if (index == null) {
            throw new SQLException("The column name " + label + " was not found in this ResultSet.", "42703");
        }
        return index;
    }

    private Object value(Object columnRef) throws SQLException {
        checkOpen();
        if (cursor < 0 || cursor >= size()) {
            throw new SQLException("The result set is not positioned on a row", "24000");
        }
        int index = columnRef instanceof String label ? column(label) : (Integer) columnRef;
        if (index < 1 || index > rows.columns().size()) {
            throw new SQLException("Column index " + index + " is out of range", "22023");
        }
        Object value = rows.rows().get(cursor)[index - 1];
        lastWasNull = value == null;
        return value;
    }

    private Object get(String name, Object[] args, Class<?> returnType) throws SQLException {
        Object v = value(args[0]);
        return switch (name) {
            case "getString", "getNString" -> ValueConversions.string(v);
            case "getBoolean" -> ValueConversions.bool(v);
            case "getByte" -> ValueConversions.number(v).byteValue();
            case "getShort" -> ValueConversions.number(v).shortValue();
            case "getInt" -> ValueConversions.number(v).intValue();
            case "getLong" -> ValueConversions.number(v).longValue();
            case "getFloat" -> ValueConversions.number(v).floatValue();
            case "getDouble" -> ValueConversions.number(v).doubleValue();
            case "getBigDecimal" -> ValueConversions.decimal(v);
            case "getBytes" -> ValueConversions.bytes(v);
            case "getDate" -> ValueConversions.date(v);
            case "getTime" -> ValueConversions.time(v);
            case "getTimestamp" -> ValueConversions.timestamp(v, args.length > 1 ? (Calendar) args[1] : null);
            case "getObject" -> args.length > 1 && args[1] instanceof Class<?> type
                ? ValueConversions.object(v, type) : ValueConversions.object(v);
            default -> throw new SQLFeatureNotSupportedException("Not supported on a cached result: " + name);
        };
    }
}
