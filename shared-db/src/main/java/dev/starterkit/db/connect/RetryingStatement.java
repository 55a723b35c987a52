package dev.starterkit.db.connect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A statement that remembers how it was made and what was bound to it, so that a read that fails because the
 * connection died is prepared again on a new connection and run once more. Writes are never re-run.
 */
final class RetryingStatement implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingStatement.class);

    private final LogicalConnection connection;
    private final Method factory;
    private final Object[] factoryArgs;
    private final List<Object[]> bindings = new ArrayList<>();
    private final List<Method> bindingMethods = new ArrayList<>();
    private Statement target;
    private boolean batched;

    private RetryingStatement(LogicalConnection connection, Statement target, Method factory, Object[] factoryArgs) {
        this.connection = connection;
        this.target = target;
        this.factory = factory;
        this.factoryArgs = factoryArgs;
    }

    static Statement wrap(LogicalConnection connection, Statement target, Method factory, Object[] args) {
        Class<?> type = target instanceof CallableStatement ? CallableStatement.class
            : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
            new RetryingStatement(connection, target, factory, args));
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getConnection":
                return connection.proxy();
            case "unwrap":
                return ((Class<?>) args[0]).isInstance(self) ? self : target.unwrap((Class<?>) args[0]);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self) || target.isWrapperFor((Class<?>) args[0]);
            case "toString":
                return target.toString();
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "clearParameters":
                bindings.clear();
                bindingMethods.clear();
                break;
            case "addBatch":
                batched = true;
                break;
            default:
                if (name.startsWith("set")) {
                    bindingMethods.add(method);
                    bindings.add(args);
                }
                break;
        }
        boolean executes = name.startsWith("execute");
        long start = executes ? System.nanoTime() : 0;
        try {
            return LogicalConnection.call(target, method, args);
        } catch (java.sql.SQLException e) {
            if (!isRetryable(name, args, e)) {
                throw e;
            }
            LOG.info("Database connection lost during a read ({}); reconnecting and reading again",
                e.getSQLState());
            rebuild(connection.reconnect());
            return LogicalConnection.call(target, method, args);
        } finally {
            if (executes) {
                connection.statementExecuted(System.nanoTime() - start);
            }
        }
    }

    private boolean isRetryable(String name, Object[] args, java.sql.SQLException e) {
        if (batched || !(name.equals("executeQuery") || name.equals("execute"))
            || !ConnectionFailures.isConnectionLost(e) || !connection.mayRetry()) {
            return false;
        }
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s
            : factoryArgs != null && factoryArgs.length > 0 && factoryArgs[0] instanceof String s ? s : null;
        return ReadOnlySql.isRead(sql);
    }

    private void rebuild(Connection fresh) throws Throwable {
        Statement old = target;
        target = (Statement) LogicalConnection.call(fresh, factory, factoryArgs);
        for (int i = 0; i < bindings.size(); i++) {
            LogicalConnection.call(target, bindingMethods.get(i), bindings.get(i));
        }
        try {
            old.close();
        } catch (java.sql.SQLException e) {
            LOG.debug("Closing a statement of the dead connection failed: {}", e.getMessage());
        }
    }
}
