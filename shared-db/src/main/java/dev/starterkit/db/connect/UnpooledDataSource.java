package dev.starterkit.db.connect;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that opens a new physical connection, with the same settings and driver path as the shared
 * one, for every {@link #getConnection()} and closes it on {@code close()}. For Flyway, which may hold two
 * connections at once (its lock and the migration), in the migrate function and the {@code db} command.
 */
public final class UnpooledDataSource implements DataSource {

    private final ConnectionSettings settings;
    private final Connector connector;

    public UnpooledDataSource(ConnectionSettings settings, Connector connector) {
        this.settings = settings;
        this.connector = connector;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connector.connect(settings);
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
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
