package dev.starterkit.functions.customresource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A data source that remembers the connections it handed out, so that a step stopped by the timeout guard can have
 * them aborted from another thread: the server then rolls back the open transaction and releases its locks.
 */
public final class AbortableDataSource implements DataSource {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(AbortableDataSource.class);

    private final DataSource delegate;
    private final List<Connection> handedOut = new CopyOnWriteArrayList<>();

    public AbortableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = delegate.getConnection();
        handedOut.removeIf(AbortableDataSource::isClosed);
        handedOut.add(connection);
        return connection;
    }

    /** Aborts every connection handed out that is still open; returns how many. */
    public int abortAll() {
        int aborted = 0;
        for (Connection connection : handedOut) {
            if (!isClosed(connection)) {
                try {
                    connection.abort(Runnable::run);
                    aborted++;
                } catch (SQLException e) {
                    LOG.warn("Aborting a connection failed: {}", e.getMessage());
                }
            }
        }
        handedOut.clear();
        return aborted;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Credentials come from the connection settings");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through SLF4J.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The login timeout is part of the connection settings.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
