package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.QueryCache;
import dev.starterkit.db.connect.SharedConnection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection of the {@code cached} or {@code direct} data source. It borrows the shared physical connection only
 * when a statement really needs PostgreSQL (a cache hit never does), remembers auto-commit and read-only settings
 * until then, and tells the cache when a transaction ends so that its writes are invalidated.
 */
final class InterceptingConnection implements InvocationHandler {

    private static final Object NEEDS_CONNECTION = new Object();
    /** A connection is made for every repository call, cache hits included. */
    private static final ProxyFactory<Connection> PROXIES = new ProxyFactory<>(Connection.class);

    private final DataSource raw;
    private final SharedConnection shared;
    private final QueryCache cache;
    private final boolean readsFromCache;
    private Connection proxy;
    private Connection logical;
    private Boolean readOnly;
    private boolean closed;

    private InterceptingConnection(DataSource raw, SharedConnection shared, QueryCache cache,
                                   boolean readsFromCache) {
        this.raw = raw;
        this.shared = shared;
        this.cache = cache;
        this.readsFromCache = readsFromCache;
    }

    static Connection open(DataSource raw, SharedConnection shared, QueryCache cache, boolean readsFromCache) {
        InterceptingConnection handler = new InterceptingConnection(raw, shared, cache, readsFromCache);
        handler.proxy = PROXIES.create(handler);
        return handler.proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "close":
                close();
                return null;
            case "isClosed":
                return closed;
            case "toString":
                return (readsFromCache ? "CachedConnection" : "DirectConnection") + "[" + shared.settings()
                    .redactedTarget() + "]";
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "unwrap":
                return ((Class<?>) args[0]).isInstance(self) ? self : physical().unwrap((Class<?>) args[0]);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self) || physical().isWrapperFor((Class<?>) args[0]);
            case "createStatement", "prepareStatement", "prepareCall":
                checkOpen();
                return InterceptingStatement.create(this, method, args);
            default:
                return lazily(name, method, args);
        }
    }

    private Object lazily(String name, Method method, Object[] args) throws Throwable {
        checkOpen();
        if (logical == null) {
            Object answer = withoutConnection(name, args);
            if (answer != NEEDS_CONNECTION) {
                return answer;
            }
        }
        boolean endsTransaction = name.equals("commit") || name.equals("rollback") && args == null
            || name.equals("setAutoCommit") && (Boolean) args[0];
        try {
            return call(physical(), method, args);
        } finally {
            if (endsTransaction) {
                cache.transactionEnded();
            }
        }
    }

    /** Answers a call before the shared connection is borrowed, or returns {@link #NEEDS_CONNECTION}. */
    private Object withoutConnection(String name, Object[] args) {
        switch (name) {
            case "getAutoCommit", "isValid":
                return true;
            case "setAutoCommit":
                return (Boolean) args[0] ? null : NEEDS_CONNECTION;
            case "setReadOnly":
                readOnly = (Boolean) args[0];
                return null;
            case "isReadOnly":
                return readOnly != null && readOnly;
            case "commit", "rollback", "getWarnings", "clearWarnings":
                return args == null ? null : NEEDS_CONNECTION;
            default:
                return NEEDS_CONNECTION;
        }
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (logical != null) {
            logical.close();
            logical = null;
            if (!shared.inTransaction()) {
                cache.transactionEnded();
            }
        }
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("Connection is closed", "08003");
        }
    }

    /** The borrowed shared connection, borrowing it now if needed. */
    Connection physical() throws SQLException {
        checkOpen();
        if (logical == null) {
            logical = raw.getConnection();
            if (readOnly != null) {
                logical.setReadOnly(readOnly);
            }
        }
        return logical;
    }

    Connection proxy() {
        return proxy;
    }

    QueryCache cache() {
        return cache;
    }

    boolean readsFromCache() {
        return readsFromCache;
    }

    /** Whether the shared physical connection is inside a transaction (no round trip). */
    boolean inTransaction() {
        return shared.inTransaction();
    }

    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
