package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.Fetched;
import dev.starterkit.db.cache.QueryCache;
import dev.starterkit.db.cache.codec.CachedRows;
import dev.starterkit.db.cache.codec.Column;
import dev.starterkit.db.cache.sql.SqlAnalysis;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A statement of an {@link InterceptingConnection}. It records what is bound to it and makes the driver's
 * statement only when PostgreSQL is needed; {@code executeQuery} of a cacheable read goes through the cache, and
 * every execution that writes is reported to the cache once it has run.
 */
final class InterceptingStatement implements InvocationHandler {

    private static final ProxyFactory<Statement> PLAIN = new ProxyFactory<>(Statement.class);
    private static final ProxyFactory<PreparedStatement> PREPARED = new ProxyFactory<>(PreparedStatement.class);
    private static final ProxyFactory<CallableStatement> CALLABLE = new ProxyFactory<>(CallableStatement.class);

    private final InterceptingConnection owner;
    private final Method factory;
    private final Object[] factoryArgs;
    private final String preparedSql;
    /** The latest setter call per parameter index or statement option, in first-set order. */
    private final Map<String, ParameterKey.Call> calls = new LinkedHashMap<>();
    private final List<String> batch = new ArrayList<>();
    /** The parameters of each {@code addBatch()} of a prepared statement. */
    private final List<Map<String, ParameterKey.Call>> batchParameters = new ArrayList<>();
    private Statement proxy;
    private Statement real;
    private ResultSet served;
    private boolean closed;

    private InterceptingStatement(InterceptingConnection owner, Method factory, Object[] factoryArgs) {
        this.owner = owner;
        this.factory = factory;
        this.factoryArgs = factoryArgs;
        this.preparedSql = factory.getName().startsWith("prepare") ? (String) factoryArgs[0] : null;
    }

    static Statement create(InterceptingConnection owner, Method factory, Object[] args) {
        ProxyFactory<? extends Statement> proxies = factory.getName().equals("prepareCall") ? CALLABLE
            : factory.getName().equals("prepareStatement") ? PREPARED : PLAIN;
        InterceptingStatement handler = new InterceptingStatement(owner, factory, args);
        handler.proxy = proxies.create(handler);
        return handler.proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getConnection":
                return owner.proxy();
            case "close":
                closed = true;
                return real == null ? null : InterceptingConnection.call(real, method, args);
            case "isClosed":
                return closed;
            case "unwrap":
                return ((Class<?>) args[0]).isInstance(self) ? self : real().unwrap((Class<?>) args[0]);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self) || real().isWrapperFor((Class<?>) args[0]);
            case "toString":
                return "InterceptingStatement[" + (preparedSql != null ? preparedSql : "") + "]";
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "executeQuery":
                return executeQuery(method, args);
            case "getResultSet":
                return served != null ? served : forward(method, args);
            case "getUpdateCount", "getLargeUpdateCount":
                return served != null ? -1 : forward(method, args);
            case "getMoreResults":
                return served != null ? Boolean.FALSE : forward(method, args);
            default:
                return other(name, method, args);
        }
    }

    private Object other(String name, Method method, Object[] args) throws Throwable {
        if (name.startsWith("set") || name.equals("clearParameters")) {
            if (name.equals("clearParameters")) {
                calls.values().removeIf(ParameterKey.Call::isParameter);
            } else {
                ParameterKey.Call call = new ParameterKey.Call(method, args);
                calls.put(call.isParameter() ? "#" + args[0] : name, call);
            }
            return real == null ? null : InterceptingConnection.call(real, method, args);
        }
        if (name.equals("addBatch") || name.equals("clearBatch")) {
            if (args != null && args.length == 1 && args[0] instanceof String sql) {
                batch.add(sql);
            } else if (name.equals("clearBatch")) {
                batch.clear();
                batchParameters.clear();
            } else {
                batchParameters.add(new LinkedHashMap<>(calls));
            }
            return forward(method, args);
        }
        if (name.startsWith("execute")) {
            return executeOther(name, method, args);
        }
        return forward(method, args);
    }

    private Object executeOther(String name, Method method, Object[] args) throws Throwable {
        served = null;
        List<String> statements = new ArrayList<>();
        List<Map<String, ParameterKey.Call>> parameterSets = List.of(calls);
        if (name.startsWith("executeBatch") || name.startsWith("executeLargeBatch")) {
            statements.addAll(batch);
            if (preparedSql != null) {
                statements.add(preparedSql);
            }
            parameterSets = new ArrayList<>(batchParameters);
            batch.clear();
            batchParameters.clear();
        } else {
            statements.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
        }
        List<SqlAnalysis> analyses = new ArrayList<>();
        List<Set<String>> rows = new ArrayList<>();
        boolean idle = !owner.inTransaction();
        for (int i = 0; i < statements.size(); i++) {
            SqlAnalysis analysis = owner.cache().analyze(statements.get(i), idle);
            boolean prepared = preparedSql != null && i == statements.size() - 1 && (args == null || args.length == 0);
            analyses.add(analysis);
            rows.add(prepared ? rowsWritten(analysis, parameterSets) : null);
        }
        try {
            return forward(method, args);
        } finally {
            for (int i = 0; i < analyses.size(); i++) {
                afterExecution(analyses.get(i), rows.get(i));
            }
        }
    }

    /** The canonical keys of the rows a write names by primary key, or null when it does not name them all. */
    private static Set<String> rowsWritten(SqlAnalysis analysis, List<Map<String, ParameterKey.Call>> parameterSets) {
        return analysis.writes() && analysis.row() != null ? RowKeys.of(analysis.row(), parameterSets) : null;
    }

    private Object executeQuery(Method method, Object[] args) throws Throwable {
        served = null;
        String sql = args != null && args.length > 0 ? (String) args[0] : preparedSql;
        QueryCache cache = owner.cache();
        boolean idle = !owner.inTransaction();
        SqlAnalysis analysis = cache.analyze(sql, idle);
        boolean prepared = args == null || args.length == 0;
        if (analysis.writes() || analysis.kind() == SqlAnalysis.Kind.TRANSACTION) {
            Set<String> rows = prepared ? rowsWritten(analysis, List.of(calls)) : null;
            try {
                return forward(method, args);
            } finally {
                afterExecution(analysis, rows);
            }
        }
        if (analysis.kind() != SqlAnalysis.Kind.CACHEABLE || !owner.readsFromCache() || !idle) {
            return forward(method, args);
        }
        byte[] key = ParameterKey.of(calls.values());
        if (key == null) {
            cache.bypassed();
            return forward(method, args);
        }
        String rowKey = prepared && analysis.row() != null ? RowKeys.of(analysis.row(), calls) : null;
        Fetched fetched = cache.read(analysis, rowKey, sql, key, () -> fetch(method, args));
        if (fetched.rows() == null) {
            return fetched.passthrough();
        }
        served = CachedResultSet.of(fetched.rows(), proxy);
        return served;
    }

    private Fetched fetch(Method method, Object[] args) throws java.sql.SQLException {
        try {
            ResultSet rs = (ResultSet) forward(method, args);
            Optional<List<Column>> columns = ResultMaterializer.columns(rs);
            if (columns.isEmpty()) {
                return new Fetched(null, rs);
            }
            try (rs) {
                CachedRows rows = ResultMaterializer.read(rs, columns.get());
                return new Fetched(rows, null);
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new java.sql.SQLException("Query failed: " + e.getMessage(), e);
        }
    }

    private void afterExecution(SqlAnalysis analysis, Set<String> rows) {
        boolean inTransaction = owner.inTransaction();
        if (analysis.writes()) {
            owner.cache().written(analysis, rows, !inTransaction);
        } else if (analysis.kind() == SqlAnalysis.Kind.TRANSACTION && !inTransaction) {
            owner.cache().transactionEnded();
        }
    }

    private Object forward(Method method, Object[] args) throws Throwable {
        return InterceptingConnection.call(real(), method, args);
    }

    /** The driver's statement, made now if needed, with everything recorded so far applied to it. */
    private Statement real() throws Throwable {
        if (closed) {
            throw new java.sql.SQLException("Statement is closed", "HY010");
        }
        if (real == null) {
            real = (Statement) InterceptingConnection.call(owner.physical(), factory, factoryArgs);
            for (ParameterKey.Call call : calls.values()) {
                InterceptingConnection.call(real, call.method(), call.args());
            }
        }
        return real;
    }
}
