package dev.starterkit.db.connect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A borrowed view of the {@link SharedConnection}: {@code close()} releases instead of closing, and statements it
 * creates may be re-run once on a new connection when a read finds the old one dead.
 */
final class LogicalConnection implements InvocationHandler {

    private final SharedConnection shared;
    private Connection physical;
    private Connection proxy;
    private boolean closed;
    /** Tracked here: a dead pgjdbc connection refuses even {@code getAutoCommit()}. */
    private boolean autoCommit;

    private LogicalConnection(SharedConnection shared, Connection physical) throws SQLException {
        this.shared = shared;
        this.physical = physical;
        this.autoCommit = physical.getAutoCommit();
    }

    static Connection open(SharedConnection shared) throws SQLException {
        LogicalConnection handler = new LogicalConnection(shared, shared.acquire());
        handler.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, handler);
        return handler.proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                if (!closed) {
                    closed = true;
                    shared.release(physical);
                }
                return null;
            case "isClosed":
                return closed || physical.isClosed();
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self) || physical.isWrapperFor((Class<?>) args[0]);
            case "unwrap":
                return ((Class<?>) args[0]).isInstance(self) ? self : physical.unwrap((Class<?>) args[0]);
            case "toString":
                return "LogicalConnection[" + shared.settings().redactedTarget() + "]";
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "setReadOnly":
                if (!closed && ignoresReadOnly((Boolean) args[0])) {
                    return null;
                }
                break;
            default:
                break;
        }
        if (closed) {
            throw new SQLException("Connection is closed", "08003");
        }
        if (!method.getName().matches("createStatement|prepare.*")) {
            Object result = call(physical, method, args);
            if (method.getName().equals("setAutoCommit")) {
                autoCommit = (Boolean) args[0];
            }
            return result;
        }
        return RetryingStatement.wrap(this, createStatement(method, args), method, args);
    }

    /** Creating a statement has no effect on the server, so outside a transaction a dead connection is replaced. */
    private Statement createStatement(Method method, Object[] args) throws Throwable {
        try {
            return (Statement) call(physical, method, args);
        } catch (SQLException e) {
            if (!ConnectionFailures.isConnectionLost(e) || !mayRetry()) {
                throw e;
            }
            return (Statement) call(reconnect(), method, args);
        }
    }

    /** The proxy handed to callers, returned by {@code Statement.getConnection()}. */
    Connection proxy() {
        return proxy;
    }

    /** Whether a failed statement may be re-run: reads outside a transaction only. */
    boolean mayRetry() {
        return !closed && autoCommit;
    }

    /**
     * Whether {@code setReadOnly(readOnly)} is to be ignored: when it resets a connection that died and could not be
     * replaced (a refused login, say: the next one starts read-write, and an error here would replace the one that
     * explains the failure), and when the connection was borrowed inside a transaction someone else began (a nested
     * read must not make it read-only).
     */
    private boolean ignoresReadOnly(boolean readOnly) throws SQLException {
        return physical.isClosed() ? !readOnly : !physical.getAutoCommit();
    }

    /** Adds the time a statement took to the connection's total. */
    void statementExecuted(long nanos) {
        shared.statementExecuted(nanos);
    }

    /** Swaps the dead physical connection for a new one and returns it. */
    Connection reconnect() throws SQLException {
        Connection dead = physical;
        Connection fresh = shared.replace(dead);
        physical = fresh;
        return fresh;
    }

    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
