package dev.starterkit.bench;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/** Opens pgjdbc connections whose statements count every execution: the database statements of a workload. */
final class CountingConnector implements Connector {

    private final AtomicLong executions = new AtomicLong();

    long executions() {
        return executions.get();
    }

    @Override
    public Connection connect(ConnectionSettings settings) throws SQLException {
        Connection real = Connector.jdbc().connect(settings);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
            (self, method, args) -> {
                Object result = invoke(real, method, args);
                return result instanceof Statement statement ? counting(statement) : result;
            });
    }

    private Statement counting(Statement statement) {
        Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
            : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
            (self, method, args) -> {
                if (method.getName().startsWith("execute")) {
                    executions.incrementAndGet();
                }
                return invoke(statement, method, args);
            });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
