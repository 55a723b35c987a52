package dev.starterkit.db.cache;

import dev.starterkit.db.cache.iam.ElastiCacheIamAuth;
import dev.starterkit.db.cache.store.CacheStore;
import dev.starterkit.db.cache.store.CircuitBreaker;
import dev.starterkit.db.cache.store.InProcessCacheStore;
import dev.starterkit.db.cache.store.KeyLayout;
import dev.starterkit.db.cache.store.RedisCacheStore;
import dev.starterkit.db.connect.ConnectionSettings;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Builds the {@link QueryCache} of an execution environment from its settings. */
public final class QueryCaches {

    private static final int ELASTICACHE_PORT = 6379;

    private QueryCaches() {
    }

    /**
     * A query cache for the database of {@code database}, storing where {@code config} says.
     *
     * @param store the store to use, or null for the one {@code config} names
     * @param catalogSource opens the shared connection, outside the cache, to read the schema catalog
     */
    public static QueryCache create(CacheConfig config, ConnectionSettings database, String migrationVersion,
                                    InstantSource clock, CacheStore store, CatalogConnection catalogSource) {
        CircuitBreaker breaker = new CircuitBreaker(config.breakerFailures(), config.breakerCooldown(), clock);
        CacheCounters counters = new CacheCounters();
        CacheStore chosen = store != null ? store : storeFor(config, clock, breaker, counters);
        KeyLayout layout = new KeyLayout(config.keyPrefix(), databaseId(database), migrationVersion);
        SchemaCatalogs catalogs = new SchemaCatalogs(catalogSource::open, clock);
        return new QueryCache(config, chosen, layout, clock, breaker, counters, catalogs);
    }

    /** Opens the connection the catalog is read over. */
    @FunctionalInterface
    public interface CatalogConnection {
        /** A connection; closing it releases it. */
        java.sql.Connection open() throws java.sql.SQLException;
    }

    private static CacheStore storeFor(CacheConfig config, InstantSource clock, CircuitBreaker breaker,
                                       CacheCounters counters) {
        java.util.function.Consumer<Throwable> asyncFailure = failure -> {
            breaker.failure();
            counters.error();
        };
        return switch (config.mode()) {
            case DISABLED, IN_PROCESS -> InProcessCacheStore.shared();
            case REDIS -> {
                RedisURI uri = RedisURI.create(config.redisUrl());
                uri.setTimeout(config.connectTimeout());
                yield new RedisCacheStore(uri, null, config.timeout(), asyncFailure);
            }
            case ELASTICACHE -> new RedisCacheStore(elastiCacheUri(config, clock), true, config.timeout(),
                asyncFailure);
        };
    }

    private static RedisURI elastiCacheUri(CacheConfig config, InstantSource clock) {
        String endpoint = config.endpoint();
        int colon = endpoint.lastIndexOf(':');
        String host = colon > 0 ? endpoint.substring(0, colon) : endpoint;
        int port = colon > 0 ? Integer.parseInt(endpoint.substring(colon + 1)) : ELASTICACHE_PORT;
        ElastiCacheIamAuth auth = new ElastiCacheIamAuth(config.cacheName(), config.userId(), config.region(),
            DefaultCredentialsProvider.builder().build(), clock);
        return RedisURI.builder().withHost(host).withPort(port).withSsl(true).withAuthentication(auth)
            .withTimeout(config.connectTimeout()).build();
    }

    /** A short digest of what makes two connections see the same data: server, database, user, schema. */
    static String databaseId(ConnectionSettings settings) {
        String identity = settings.jdbcUrl().replaceFirst("\\?.*$", "") + "|" + settings.properties().get("user")
            + "|" + settings.properties().getOrDefault("currentSchema", "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
