package dev.starterkit.db.connect;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over the execution environment's {@link SharedConnection}: every
 * {@link #getConnection()} borrows the same physical connection. This is the {@code direct} data source.
 */
public final class SharedConnectionDataSource implements DataSource {

    private final SharedConnection shared;

    public SharedConnectionDataSource(SharedConnection shared) {
        this.shared = shared;
    }

    /** The shared connection behind this data source. */
    public SharedConnection sharedConnection() {
        return shared;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return LogicalConnection.open(shared);
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
        // DriverManager-style log writers are not used: logging goes through SLF4J.
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
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
