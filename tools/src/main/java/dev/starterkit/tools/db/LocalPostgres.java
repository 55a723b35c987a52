package dev.starterkit.tools.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local development database when no {@code DATABASE_URL} is set: an embedded PostgreSQL whose data lives in
 * {@code .local/postgres} and survives restarts. When its port already answers (another command or {@code bin/dev}
 * runs it), that server is used as it is.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The local server's port; {@code LOCAL_PG_PORT} overrides it. */
    public static final int DEFAULT_PORT = 54329;

    private final EmbeddedPostgres embedded;
    private final int port;

    private LocalPostgres(EmbeddedPostgres embedded, int port) {
        this.embedded = embedded;
        this.port = port;
    }

    /** Starts the server in {@code projectDir/.local/postgres}, or attaches to one already on the port. */
    public static LocalPostgres start(Path projectDir, int port) {
        if (answers(port)) {
            return new LocalPostgres(null, port);
        }
        Path data = projectDir.resolve(".local").resolve("postgres");
        try {
            Files.createDirectories(data.getParent());
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
            return new LocalPostgres(embedded, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Starting the local PostgreSQL in " + data + " failed: "
                + e.getMessage(), e);
        }
    }

    /** The {@code postgres://} URL of the local development database. */
    public String url() {
        return "postgres://postgres@127.0.0.1:" + port + "/postgres";
    }

    /** Where the data lives, for messages. */
    public static String description() {
        return "local PostgreSQL (.local/postgres)";
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Stopping the local PostgreSQL failed", e);
            }
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
