package dev.starterkit.db.testing;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.DatabaseUrl;
import dev.starterkit.db.env.Variable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server the tests use, chosen once per JVM: {@code DATABASE_URL} from the environment if set, else
 * the local server on 127.0.0.1:5432, else an embedded PostgreSQL 15 started for this JVM. Each test class gets a
 * database of its own from {@link #createDatabase(Class)}.
 */
public final class TestPostgres {

    private static TestPostgres instance;

    private final DatabaseUrl admin;
    private final String description;

    private TestPostgres(DatabaseUrl admin, String description) {
        this.admin = admin;
        this.description = description;
    }

    /** The server for this JVM. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = choose();
        }
        return instance;
    }

    private static TestPostgres choose() {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new TestPostgres(DatabaseUrl.parse(url, "DATABASE_URL"), "DATABASE_URL");
        }
        if (reachable("127.0.0.1", 5432)) {
            return new TestPostgres(DatabaseUrl.parse("postgres://postgres@127.0.0.1:5432/postgres", "local"),
                "local server 127.0.0.1:5432");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
            return new TestPostgres(DatabaseUrl.parse("postgres://postgres@127.0.0.1:" + embedded.getPort()
                + "/postgres", "embedded"), "embedded PostgreSQL on port " + embedded.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL for tests: none on 5432 and embedded failed", e);
        }
    }

    /** Which server this is, for logs. */
    public String description() {
        return description;
    }

    /** Creates an empty database named after the test class and returns its {@code postgres://} URL. */
    public String createDatabase(Class<?> testClass) {
        String name = ("t_" + testClass.getSimpleName() + "_"
            + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)).toLowerCase(Locale.ROOT);
        name = name.length() > 60 ? name.substring(0, 60) : name;
        execute("CREATE DATABASE " + name);
        return urlFor(name);
    }

    /** Drops a database made by {@link #createDatabase}, ending its sessions first. */
    public void dropDatabase(String url) {
        String name = DatabaseUrl.parse(url, "test database").database();
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The {@code postgres://} URL of a database on this server. */
    public String urlFor(String database) {
        StringBuilder url = new StringBuilder("postgres://");
        if (admin.user() != null) {
            url.append(encode(admin.user()));
            if (admin.password() != null) {
                url.append(':').append(encode(admin.password()));
            }
            url.append('@');
        }
        url.append(admin.host().contains(":") ? "[" + admin.host() + "]" : admin.host())
            .append(':').append(admin.port()).append('/').append(database);
        return url.toString();
    }

    /** Connection settings for a database URL, as the application would build them. */
    public static ConnectionSettings settings(String url, String applicationName) {
        return ConnectionSettingsFactory.fromUrl(new Variable("DATABASE_URL", url, "test"), applicationName, 30_000);
    }

    /** Runs one statement on the server's admin database. */
    public void execute(String sql) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Admin statement failed: " + e.getMessage(), e);
        }
    }

    /** A new plain connection to {@code url}, outside the code under test. */
    public static Connection connect(String url) throws SQLException {
        ConnectionSettings settings = settings(url, "test-support");
        return DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties());
    }

    private Connection adminConnection() throws SQLException {
        Properties props = new Properties();
        if (admin.user() != null) {
            props.put("user", admin.user());
        }
        if (admin.password() != null) {
            props.put("password", admin.password());
        }
        return DriverManager.getConnection(admin.jdbcUrl("postgresql"), props);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException e) {
            System.err.println("Stopping embedded PostgreSQL failed: " + e.getMessage());
        }
    }
}
