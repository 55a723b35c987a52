package dev.starterkit.bench;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.cache.CacheConfig;
import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.DatabaseUrl;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The query cache's benchmarks against baselines measured in the same run, on the same PostgreSQL and Redis:
 * a hit vs a raw Lettuce GET of the same bytes, vs a table-grained hit of the same row and vs the AWS JDBC
 * wrapper's remoteQueryCache hit, a miss vs direct, and database statements per request of a read-heavy mixed
 * workload.
 */
public final class CacheBench {

    static final int USERS = 1_000;
    static final int WARMUP = 2_000;
    static final int ITERATIONS = 5_000;
    static final String BY_ID = "SELECT id, name, email, email_verified, image, is_anonymous, stripe_customer_id, "
        + "created_at, updated_at FROM \"user\" WHERE id = ?";

    private CacheBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = TestPostgres.get().createDatabase(CacheBench.class);
        String redisUrl = TestRedis.url();
        String prefix = TestRedis.prefixFor(CacheBench.class);
        System.out.println("PostgreSQL: " + TestPostgres.get().description() + "; Redis: " + redisUrl);
        try {
            new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "bench-migrate"), Connector.jdbc()))
                .migrate();
            seed(url);
            CacheConfig config = CacheConfig.redis(redisUrl).withKeyPrefix(prefix);
            try (DataLayer layer = DataLayer.open(TestPostgres.settings(url, "bench"), config)) {
                hitVersusGet(layer, redisUrl, prefix);
                pointHitVersusTableHit(layer);
                hitVersusRemoteQueryCache(layer, url, redisUrl);
                missVersusDirect(layer, redisUrl, prefix);
            }
            MixedWorkload.run(url, config.withKeyPrefix(prefix + "mixed:"));
        } finally {
            TestPostgres.get().dropDatabase(url);
        }
    }

    private static void seed(String url) throws SQLException {
        try (Connection connection = TestPostgres.connect(url);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"user\" (id, name, email) SELECT 'usr_' || g, 'User ' || g, "
                + "'u' || g || '@example.com' FROM generate_series(1, " + USERS + ") g");
            statement.execute("CREATE TABLE note (id text PRIMARY KEY, user_id text NOT NULL REFERENCES \"user\"(id) "
                + "ON DELETE CASCADE, body text NOT NULL)");
        }
    }

    private static void hitVersusGet(DataLayer layer, String redisUrl, String prefix) throws Exception {
        CachedUserRepository repository = layer.repository(CachedUserRepository.class);
        repository.findById("usr_1");
        repository.findById("usr_1");
        RedisClient client = RedisClient.create(redisUrl);
        try (var connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            RedisCommands<String, byte[]> redis = connection.sync();
            String entryKey = redis.keys(prefix + "*:q:*").get(0);
            redis.set(prefix + "raw", redis.get(entryKey));
            System.out.println("\n[1] Cache hit through a Micronaut Data repository (findById) vs a raw Lettuce GET of "
                + "the same bytes (" + redis.strlen(prefix + "raw") + " B)");
            double[] result = Comparison.run("raw Lettuce GET", () -> redis.get(prefix + "raw"),
                "CachedUserRepository hit", () -> repository.findById("usr_1"));
            System.out.printf("    median ratio p50 = %.2fx (target <= 1.3x)%n", result[0]);
        } finally {
            client.shutdown();
        }
    }

    private static void pointHitVersusTableHit(DataLayer layer) throws Exception {
        System.out.println("\n[1b] Hit of a point read (WHERE id = ?: depends on the row) vs a hit of the same row "
            + "read table-grained (WHERE id = ? OR false), plain JDBC");
        try (Connection connection = layer.cached().getConnection();
             PreparedStatement point = connection.prepareStatement(BY_ID);
             PreparedStatement table = connection.prepareStatement(BY_ID + " OR false")) {
            double[] result = Comparison.run("table-grained hit", () -> readRow(table), "row-grained hit",
                () -> readRow(point));
            System.out.printf("    median ratio p50 = %.2fx (the cost of depending on a row)%n", result[0]);
        }
    }

    private static void hitVersusRemoteQueryCache(DataLayer layer, String url, String redisUrl) throws Exception {
        System.out.println("\n[2] Cache hit of the same query over plain JDBC (executeQuery + 9 getObject): the AWS "
            + "JDBC wrapper's remoteQueryCache (valkey-glide) vs ours");
        try (Connection ours = layer.cached().getConnection(); PreparedStatement mine = ours.prepareStatement(BY_ID);
             Connection peer = peerConnection(url, redisUrl);
             PreparedStatement theirs = peer.prepareStatement("/* CACHE_PARAM(ttl=60s) */ " + BY_ID)) {
            double[] result = Comparison.run("remoteQueryCache hit", () -> readRow(theirs),
                "cached data source hit", () -> readRow(mine));
            System.out.printf("    median ratio p50 = %.2fx (target <= 0.6x)%n", result[0]);
        } catch (SQLException | LinkageError e) {
            System.out.println("    remoteQueryCache could not run here: " + e);
        }
    }

    private static Connection peerConnection(String url, String redisUrl) throws SQLException {
        DatabaseUrl db = DatabaseUrl.parse(url, "bench database");
        java.net.URI redis = java.net.URI.create(redisUrl);
        Properties props = new Properties();
        props.setProperty("user", db.user());
        if (db.password() != null) {
            props.setProperty("password", db.password());
        }
        props.setProperty("wrapperPlugins", "remoteQueryCache");
        props.setProperty("cacheEndpointAddrRw", redis.getHost() + ":" + redis.getPort());
        props.setProperty("cacheUseSSL", "false");
        props.setProperty("wrapperDialect", "pg");
        return DriverManager.getConnection("jdbc:aws-wrapper:postgresql://" + db.host() + ":" + db.port() + "/"
            + db.database(), props);
    }

    private static void readRow(PreparedStatement statement) throws SQLException {
        statement.setString(1, "usr_2");
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                for (int c = 1; c <= 9; c++) {
                    rs.getObject(c);
                }
            }
        }
    }

    /**
     * A miss against the same query through direct and a raw GET of the entry's bytes, the three interleaved call by
     * call: each round gives (p50 miss - p50 direct) / p50 GET from the same stretch of time.
     */
    private static void missVersusDirect(DataLayer layer, String redisUrl, String prefix) throws Exception {
        CachedUserRepository cached = layer.repository(CachedUserRepository.class);
        DirectUserRepository direct = layer.repository(DirectUserRepository.class);
        long[] counter = {0};
        System.out.println("\n[3] Cache miss (every key new) vs the same query through direct, in raw Lettuce GETs "
            + "(the three interleaved)");
        RedisClient client = RedisClient.create(redisUrl);
        try (var connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            RedisCommands<String, byte[]> redis = connection.sync();
            Comparison.Op[] ops = {() -> redis.get(prefix + "raw"), () -> direct.findById("usr_d" + counter[0]),
                () -> cached.findById("usr_m" + counter[0]++)};
            List<Double> overheads = new ArrayList<>();
            for (int round = 0; round < Comparison.ROUNDS; round++) {
                Samples[] samples = Comparison.timed(ops);
                double overhead = (samples[2].percentile(50) - samples[1].percentile(50))
                    / (double) samples[0].percentile(50);
                overheads.add(overhead);
                System.out.printf("    round %d: GET %s | direct %s | miss %s | miss - direct = %.2f GET%n",
                    round + 1, samples[0].describe(), samples[1].describe(), samples[2].describe(), overhead);
            }
            System.out.printf("    miss - direct over %d rounds: median %.2f GET, range %.2f - %.2f (target <= 1.3)%n",
                Comparison.ROUNDS, Comparison.median(overheads), Comparison.min(overheads),
                Comparison.max(overheads));
        } finally {
            client.shutdown();
        }
    }

    static double ratio(Samples a, Samples b) {
        return a.percentile(50) / (double) b.percentile(50);
    }

    /** A data layer whose connection counts statements. */
    static DataLayer countingLayer(String url, String name, CacheConfig config, CountingConnector counter) {
        ConnectionSettings settings = TestPostgres.settings(url, name);
        return DataLayer.open(new SharedConnection(settings, counter), config, InstantSource.system(), null);
    }

}
