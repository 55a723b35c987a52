package dev.starterkit.db.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL server of a test's own, on an ephemeral port, that checks passwords the way RDS Proxy does: TLS
 * required and SCRAM-SHA-256 for every role over TCP, except the {@code postgres} superuser, which the test uses as
 * its trusted admin path. The shared server on 5432 trusts every password, so credential tests need this one.
 */
public final class PasswordPostgres implements AutoCloseable {

    /** First match wins: the admin path, then TLS + SCRAM for everyone else; plain TCP for others has no entry. */
    private static final String HBA = """
        local   all all                    trust
        host    all postgres 127.0.0.1/32  trust
        host    all postgres ::1/128       trust
        hostssl all all      127.0.0.1/32  scram-sha-256
        hostssl all all      ::1/128       scram-sha-256
        """;

    private final EmbeddedPostgres embedded;
    private final Path dir;

    private PasswordPostgres(EmbeddedPostgres embedded, Path dir) {
        this.embedded = embedded;
        this.dir = dir;
    }

    /** Starts the server with a fresh self-signed certificate and the password-checking {@code pg_hba.conf}. */
    public static PasswordPostgres start() {
        try {
            Path dir = Files.createTempDirectory("password-postgres");
            SelfSignedTls tls = SelfSignedTls.write(dir);
            Path hba = Files.writeString(dir.resolve("pg_hba.conf"), HBA);
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", tls.certificate().toString())
                .setServerConfig("ssl_key_file", tls.privateKey().toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", dir.resolve("log").toString())
                .setServerConfig("log_filename", "postgresql.log")
                .start();
            return new PasswordPostgres(embedded, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Starting a password-checking PostgreSQL failed", e);
        }
    }

    /** The port. */
    public int port() {
        return embedded.getPort();
    }

    /** Creates {@code database} owned by a new login role {@code role} with {@code password}. */
    public void createOwner(String database, String role, String password) {
        execute("CREATE ROLE " + role + " LOGIN PASSWORD " + literal(password));
        execute("CREATE DATABASE " + database + " OWNER " + role);
    }

    /** Changes the role's password on the server, as a rotation's {@code setSecret} step does. */
    public void changePassword(String role, String password) {
        execute("ALTER ROLE " + role + " PASSWORD " + literal(password));
    }

    /** Ends every session of {@code role} (what a proxy restart or an idle timeout does); returns how many. */
    public int terminateSessionsOf(String role) {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                 + "FROM pg_stat_activity WHERE usename = " + literal(role))) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Terminating sessions failed: " + e.getMessage(), e);
        }
    }

    /** Number of sessions of {@code role} now. */
    public int sessionsOf(String role) {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = " + literal(role))) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting sessions failed: " + e.getMessage(), e);
        }
    }

    /**
     * Logins of {@code role} the server refused for a wrong password, from its log. The log is written by a separate
     * process, so this waits (a bounded number of short polls) until at least {@code atLeast} are there.
     */
    public int refusedLogins(String role, int atLeast) {
        String line = "password authentication failed for user \"" + role + "\"";
        int count = 0;
        for (int poll = 0; poll < 200; poll++) {
            try {
                count = (int) Files.readAllLines(dir.resolve("log").resolve("postgresql.log")).stream()
                    .filter(l -> l.contains(line)).count();
            } catch (IOException e) {
                throw new UncheckedIOException("Reading the server log failed", e);
            }
            if (count >= atLeast) {
                return count;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            }
        }
        return count;
    }

    /** A plain pgjdbc connection as {@code role} over TLS, outside the code under test. */
    public Connection connect(String database, String role, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        props.setProperty("password", password);
        props.setProperty("sslmode", "require");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, props);
    }

    /** Runs one statement as the superuser. */
    public void execute(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Admin statement failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Stopping the password-checking PostgreSQL failed", e);
        } finally {
            SelfSignedTls.deleteQuietly(dir);
        }
    }

    private Connection admin() throws SQLException {
        return embedded.getPostgresDatabase().getConnection();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
