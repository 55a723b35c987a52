package dev.starterkit.db.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one physical connection of an execution environment. Opened on first use; checked before use after an idle
 * pause and replaced when dead; handed out as logical connections whose {@code close()} only releases it.
 * {@link #close()} really closes it (before a SnapStart checkpoint, at shutdown); the next use reopens it.
 */
public final class SharedConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnection.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final ConnectionSettings settings;
    private final Connector connector;
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong statementNanos = new AtomicLong();
    private Connection physical;
    private long lastUsedNanos;
    private int borrowed;

    public SharedConnection(ConnectionSettings settings, Connector connector) {
        this.settings = settings;
        this.connector = connector;
    }

    /** The settings this connection opens with. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** Borrows the physical connection, opening or replacing it when needed. Pair with {@link #release}. */
    synchronized Connection acquire() throws SQLException {
        if (physical == null || physical.isClosed()) {
            physical = open();
        } else if (borrowed == 0 && idleNanos() > settings.validateAfterIdle().toNanos()
            && !isValid(physical)) {
            LOG.info("Database connection {} was dead after an idle pause; reconnecting", settings.redactedTarget());
            replace(physical);
        }
        borrowed++;
        return physical;
    }

    /** Returns a borrowed connection; the last release resets any session state a caller left behind. */
    synchronized void release(Connection connection) {
        borrowed = Math.max(0, borrowed - 1);
        lastUsedNanos = System.nanoTime();
        if (borrowed > 0 || connection != physical) {
            return;
        }
        try {
            if (!physical.isClosed()) {
                if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
                if (physical.isReadOnly()) {
                    physical.setReadOnly(false);
                }
            }
        } catch (SQLException e) {
            LOG.warn("Resetting the database connection failed ({}); it will be replaced", e.getMessage());
            closeQuietly(physical);
        }
    }

    /**
     * Replaces {@code dead} with a new physical connection, unless another caller already did.
     *
     * @return the current physical connection
     */
    synchronized Connection replace(Connection dead) throws SQLException {
        if (physical == dead || physical == null || physical.isClosed()) {
            closeQuietly(dead);
            replaced.incrementAndGet();
            physical = open();
        }
        return physical;
    }

    /**
     * Whether the physical connection is inside a transaction: auto-commit off, or a transaction opened with SQL
     * ({@code BEGIN}) still open. Costs no round trip; false when no connection is open.
     */
    public synchronized boolean inTransaction() {
        try {
            if (physical == null || physical.isClosed()) {
                return false;
            }
            if (!physical.getAutoCommit()) {
                return true;
            }
            return physical.isWrapperFor(org.postgresql.core.BaseConnection.class)
                && physical.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
                    != org.postgresql.core.TransactionState.IDLE;
        } catch (SQLException e) {
            return true;
        }
    }

    /** Time spent executing statements on this connection so far, in nanoseconds (the server's and the wire's). */
    public long statementNanos() {
        return statementNanos.get();
    }

    void statementExecuted(long nanos) {
        statementNanos.addAndGet(nanos);
    }

    /** Physical connections opened so far. */
    public long openedCount() {
        return opened.get();
    }

    /** Physical connections replaced because they were found dead. */
    public long replacedCount() {
        return replaced.get();
    }

    /** Whether a physical connection is open now. */
    public synchronized boolean isOpen() {
        try {
            return physical != null && !physical.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the physical connection; the next use opens a new one. */
    @Override
    public synchronized void close() {
        if (physical != null) {
            closeQuietly(physical);
            physical = null;
        }
        borrowed = 0;
    }

    private Connection open() throws SQLException {
        Connection connection = connector.connect(settings);
        opened.incrementAndGet();
        lastUsedNanos = System.nanoTime();
        LOG.debug("Opened database connection {} as {}", settings.redactedTarget(), settings.applicationName());
        return connection;
    }

    private long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a dead database connection failed: {}", e.getMessage());
        }
    }
}
