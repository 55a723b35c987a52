package dev.starterkit.db.export;

import dev.starterkit.db.export.internal.Catalog;
import dev.starterkit.db.export.internal.CatalogReader;
import dev.starterkit.db.export.internal.DumpPlan;
import dev.starterkit.db.export.internal.DumpWriter;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consistent view of a database to dump from: a repeatable-read, read-only transaction on a connection of its
 * own, with the catalog read and every table share-locked. {@link #write} may run more than once; each run writes
 * the same bytes. Closing rolls the transaction back; the caller closes the connection.
 */
public final class DumpSnapshot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DumpSnapshot.class);

    private final Connection connection;
    private final Catalog catalog;
    private final String schemaVersion;
    private final Instant takenAt;

    private DumpSnapshot(Connection connection, Catalog catalog, String schemaVersion, Instant takenAt) {
        this.connection = connection;
        this.catalog = catalog;
        this.schemaVersion = schemaVersion;
        this.takenAt = takenAt;
    }

    /** Starts the transaction on {@code connection} (which must not be in use) and reads the catalog. */
    public static DumpSnapshot open(Connection connection) {
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                statement.execute("SET LOCAL statement_timeout = 0");
                statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
                statement.execute("SET LOCAL lock_timeout = '60s'");
                statement.execute("SET LOCAL synchronize_seqscans = off");
                statement.execute("SET LOCAL extra_float_digits = 3");
                statement.execute("SET LOCAL DateStyle = 'ISO'");
                statement.execute("SET LOCAL IntervalStyle = 'postgres'");
                statement.execute("SET LOCAL TimeZone = 'UTC'");
                statement.execute("SELECT pg_catalog.set_config('search_path', '', true)");
                Catalog catalog = new CatalogReader(connection).read();
                lock(statement, catalog);
                if (!catalog.unsupported().isEmpty()) {
                    LOG.warn("Not dumped (unsupported kinds of object): {}", String.join(", ", catalog.unsupported()));
                }
                return new DumpSnapshot(connection, catalog, schemaVersion(statement), now(statement));
            }
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw new ExportException("Starting the dump's snapshot failed: " + e.getMessage(), e);
        }
    }

    /** The latest applied Flyway version in this snapshot, or null when the database has no history. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** The moment the snapshot's transaction started. */
    public Instant takenAt() {
        return takenAt;
    }

    /**
     * Writes the plain-SQL dump to {@code out} (which stays open), streaming each table's rows with {@code COPY}.
     *
     * @throws ExportException naming the table being written when the database or {@code out} fails
     */
    public DumpResult write(OutputStream out, DumpOptions options, DumpListener listener) {
        DumpPlan plan = DumpPlan.of(catalog, options);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            return new DumpWriter(pg.getCopyAPI(), connection, catalog, plan, listener)
                .write(out, options.kind(), schemaVersion, takenAt);
        } catch (SQLException e) {
            throw new ExportException("Dump failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ExportException("Ending the dump's snapshot failed: " + e.getMessage(), e);
        }
    }

    private static void lock(Statement statement, Catalog catalog) throws SQLException {
        if (!catalog.tables().isEmpty()) {
            statement.execute("LOCK TABLE " + catalog.tables().stream().map(Catalog.Table::qualified)
                .collect(Collectors.joining(", ")) + " IN ACCESS SHARE MODE");
        }
    }

    private static String schemaVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT to_regclass('public." + DumpPlan.HISTORY_TABLE
            + "') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (ResultSet rs = statement.executeQuery("SELECT version FROM public." + DumpPlan.HISTORY_TABLE
            + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Instant now(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private static void rollbackQuietly(Connection connection, SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
