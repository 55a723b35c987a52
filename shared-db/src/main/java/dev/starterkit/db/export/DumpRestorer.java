package dev.starterkit.db.export;

import dev.starterkit.db.export.internal.ScriptReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Restores a plain SQL dump (gzip-compressed or not) over JDBC, the way {@code psql -1 -f} would: in one
 * transaction, so that a failure leaves the database as it was. COPY blocks are streamed through pgjdbc's
 * {@link CopyManager}. The target must be empty unless {@code clean} drops what is there first; a data-only dump
 * goes into an existing schema instead, and {@code clean} then empties its tables (Flyway's history excepted).
 */
public final class DumpRestorer {

    private static final int COPY_BUFFER = 64 * 1024;

    private final Connection connection;

    /** A restorer over {@code connection}, which it uses in a transaction of its own and leaves open. */
    public DumpRestorer(Connection connection) {
        this.connection = connection;
    }

    /**
     * Restores the dump read from {@code in}.
     *
     * @param clean drop every user object first, instead of refusing a non-empty database
     * @throws RestoreException when the database is not empty, or a statement fails (naming its line)
     */
    public RestoreResult restore(InputStream in, boolean clean) {
        try {
            connection.setAutoCommit(false);
            try {
                RestoreResult result = run(in, clean);
                connection.commit();
                return result;
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                resetSession();
            }
        } catch (IOException e) {
            throw new RestoreException("Reading the dump failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new RestoreException("Restore failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    private RestoreResult run(InputStream raw, boolean clean) throws IOException, SQLException {
        ScriptReader reader = new ScriptReader(decompressed(raw));
        boolean dataOnly = reader.header("Kind").filter(DumpKind.DATA.id()::equals).isPresent();
        int dropped = dataOnly ? (clean ? UserObjects.truncateAll(connection) : 0) : prepare(clean);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long statements = 0;
        long blocks = 0;
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            for (ScriptReader.Statement next = reader.next(); next != null; next = reader.next()) {
                statements++;
                try {
                    if (next.copy()) {
                        rows += copyIn(copy, next.sql(), reader);
                        blocks++;
                    } else {
                        statement.execute(next.sql());
                    }
                } catch (SQLException e) {
                    throw new SQLException("line " + next.line() + ": " + e.getMessage(), e.getSQLState(), e);
                }
            }
        }
        return new RestoreResult(statements, blocks, rows, dropped);
    }

    /** Undoes the script's session settings (search_path, timeouts) for whoever uses the connection next. */
    private void resetSession() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET ALL");
        }
    }

    /** Refuses a database with user objects in it, or drops them all when {@code clean}; returns how many. */
    private int prepare(boolean clean) throws SQLException {
        List<String> existing = UserObjects.list(connection);
        if (existing.isEmpty()) {
            return 0;
        }
        if (!clean) {
            throw new RestoreException("The database is not empty (" + existing.size() + " objects, e.g. "
                + String.join(", ", existing.subList(0, Math.min(3, existing.size())))
                + "): restore into an empty database, or drop everything first (bin/db restore --clean)");
        }
        return UserObjects.dropAll(connection);
    }

    private static long copyIn(CopyManager copy, String sql, ScriptReader reader) throws SQLException, IOException {
        try (PGCopyOutputStream out = new PGCopyOutputStream(copy.copyIn(sql), COPY_BUFFER)) {
            reader.copyData(out::write);
            out.endCopy();
            return out.getHandledRowCount();
        }
    }

    /** The stream as SQL text: gunzipped when it starts with gzip's magic bytes. */
    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, COPY_BUFFER);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, COPY_BUFFER) : in;
    }
}
