package dev.starterkit.db.snapstart;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.SharedConnectionDataSource;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.migrate.MigrationCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.net.ssl.SSLContext;

/** Primers every function can use: the data layer's classes, TLS and the id generator, without a connection. */
public final class Primers {

    /** Rounds of the offline request path. */
    static final int REQUEST_ROUNDS = 50;
    /** Rounds of id generation: enough for the JIT to see the loop as hot. */
    static final int ID_ROUNDS = 2_000;

    private Primers() {
    }

    /**
     * Loads the JDBC drivers (pgjdbc and the AWS Advanced JDBC Wrapper with its credential plugins), initializes the
     * default TLS context used for RDS Proxy and ElastiCache, reads the packaged migration catalog and draws ids.
     */
    public static Primer dataLayer() {
        return () -> {
            ClassLoader loader = Primers.class.getClassLoader();
            for (String name : new String[] {"org.postgresql.Driver", "software.amazon.jdbc.Driver",
                "software.amazon.jdbc.plugin.AwsSecretsManagerConnectionPlugin",
                "software.amazon.jdbc.plugin.iam.IamAuthConnectionPlugin"}) {
                Class.forName(name, true, loader);
            }
            SSLContext.getDefault().createSSLEngine().getSupportedCipherSuites();
            MigrationCatalog.latestVersion();
            for (int i = 0; i < ID_ROUNDS; i++) {
                Ids.next(IdPrefix.values()[i % IdPrefix.values().length]);
            }
        };
    }

    /**
     * Runs a read through the shared connection machinery (logical connection, retrying statement, failure
     * classification) against a connector that refuses to connect: the request path's classes are loaded and
     * warmed, and no connection can be left open in the snapshot.
     */
    public static Primer offlineRequestPath(ConnectionSettings settings) {
        return () -> {
            try (SharedConnection offline = new SharedConnection(settings, s -> {
                throw new SQLException("No connection before the SnapStart snapshot", "08001");
            })) {
                SharedConnectionDataSource dataSource = new SharedConnectionDataSource(offline);
                for (int i = 0; i < REQUEST_ROUNDS; i++) {
                    try (Connection c = dataSource.getConnection();
                         PreparedStatement s = c.prepareStatement("SELECT 1")) {
                        s.executeQuery();
                    } catch (SQLException expected) {
                        // The refusal is the point: the path up to the network is what gets primed.
                    }
                }
            }
        };
    }
}
