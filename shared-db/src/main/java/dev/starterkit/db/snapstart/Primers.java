package dev.starterkit.db.snapstart;

import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.migrate.MigrationCatalog;
import javax.net.ssl.SSLContext;

/** Primers every function can use: the data layer's classes, TLS and the id generator, without a connection. */
public final class Primers {

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
}
