package dev.starterkit.tools.fault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL of a test's own, on an ephemeral port, that the test may restart: the data directory and
 * the port survive a restart, as they do for a real server. Trusts local connections as {@code postgres}.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts a new server in a fresh data directory. */
    static RestartablePostgres start() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("fault-pg"), freePort());
            postgres.boot();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code postgres://} URL of {@code database} on this server. */
    String url(String database) {
        return "postgres://postgres@127.0.0.1:" + port + "/" + database;
    }

    /** Runs one statement on the {@code postgres} database. */
    void execute(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Admin statement failed: " + e.getMessage(), e);
        }
    }

    /** A plain connection to {@code database}, outside the code under test. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database
            + "?user=postgres&ApplicationName=fault-test");
    }

    /** Stops the server (a fast shutdown: sessions are ended) and starts it again on the same port and data. */
    void restart() {
        stop();
        boot();
    }

    private void boot() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Starting PostgreSQL on port " + port + " failed", e);
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Stopping PostgreSQL on port " + port + " failed", e);
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
