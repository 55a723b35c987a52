package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.QueryCache;
import dev.starterkit.db.connect.SharedConnectionDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source over the execution environment's shared connection whose statements the cache sees: the
 * {@code cached} one answers cacheable reads from the cache, and both invalidate what their writes touch.
 */
public final class InterceptingDataSource implements DataSource {

    private final SharedConnectionDataSource raw;
    private final QueryCache cache;
    private final boolean readsFromCache;

    /**
     * A data source over {@code raw}.
     *
     * @param readsFromCache true for {@code cached}, false for {@code direct}
     */
    public InterceptingDataSource(SharedConnectionDataSource raw, QueryCache cache, boolean readsFromCache) {
        this.raw = raw;
        this.cache = cache;
        this.readsFromCache = readsFromCache;
    }

    @Override
    public Connection getConnection() {
        return InterceptingConnection.open(raw, raw.sharedConnection(), cache, readsFromCache);
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
