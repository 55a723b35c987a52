package dev.starterkit.tools.schema;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throwaway database on the server of a target database, named {@code shadow_<purpose>_<target>_<random>} so
 * that one left behind is recognizable. Closing it drops it, ending its sessions; a shutdown hook drops it when the
 * command is interrupted.
 */
public final class ShadowDatabase implements AutoCloseable {

    /** The prefix of every shadow database's name. */
    public static final String PREFIX = "shadow_";
    /** PostgreSQL's limit on identifiers. */
    private static final int MAX_NAME = 63;

    private final ConnectionSettings server;
    private final ConnectionSettings settings;
    private final String name;
    private final Thread dropOnExit;
    private boolean dropped;

    private ShadowDatabase(ConnectionSettings server, String name) {
        this.server = server;
        this.name = name;
        this.settings = onDatabase(server, name);
        this.dropOnExit = new Thread(this::drop, "drop-" + name);
    }

    /**
     * Creates an empty shadow database (from {@code template0}) next to {@code server}'s database.
     *
     * @param server settings of any database on the server; its user needs {@code CREATEDB}
     * @param purpose a word for the name, e.g. {@code migrations} or {@code model}
     */
    public static ShadowDatabase create(ConnectionSettings server, String purpose) {
        String random = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 31), 36);
        String target = databaseOf(server).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        String head = PREFIX + purpose + "_";
        target = target.substring(0, Math.min(target.length(), MAX_NAME - head.length() - random.length() - 1));
        ShadowDatabase shadow = new ShadowDatabase(server, head + target + "_" + random);
        shadow.execute("CREATE DATABASE " + quote(shadow.name) + " TEMPLATE template0");
        Runtime.getRuntime().addShutdownHook(shadow.dropOnExit);
        return shadow;
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** Settings for connecting to the shadow database, with the server's credentials. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** A new connection to the shadow database; the caller closes it. */
    public Connection connect() throws SQLException {
        return Connector.jdbc().connect(settings);
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook runs (or ran) drop(), which does nothing the second time.
        }
    }

    private synchronized void drop() {
        if (!dropped) {
            execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            dropped = true;
        }
    }

    private void execute(String sql) {
        try (Connection connection = Connector.jdbc().connect(server); Statement statement =
            connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new ShadowDatabaseException("'" + sql + "' failed on " + server.redactedTarget() + ": "
                + e.getMessage(), e);
        }
    }

    /** The name of the database {@code settings} connect to, from its JDBC URL. */
    static String databaseOf(ConnectionSettings settings) {
        String url = settings.jdbcUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    /** The same settings on another database of the server. */
    static ConnectionSettings onDatabase(ConnectionSettings server, String database) {
        String url = server.jdbcUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String shadowUrl = path.substring(0, path.lastIndexOf('/') + 1) + database
            + (query < 0 ? "" : url.substring(query));
        return new ConnectionSettings(shadowUrl, server.properties(), server.redactedTarget() + " (shadow "
            + database + ")", server.applicationName(), server.validateAfterIdle());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
