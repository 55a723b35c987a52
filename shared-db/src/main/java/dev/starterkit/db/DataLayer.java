package dev.starterkit.db;

import dev.starterkit.db.cache.CacheConfig;
import dev.starterkit.db.cache.CacheStats;
import dev.starterkit.db.cache.QueryCache;
import dev.starterkit.db.cache.QueryCaches;
import dev.starterkit.db.cache.jdbc.InterceptingDataSource;
import dev.starterkit.db.cache.store.CacheStore;
import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.SharedConnectionDataSource;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.migrate.MigrationCatalog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.InstantSource;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The data layer of one execution environment: its one shared connection, the {@code cached} and {@code direct}
 * data sources over it, its query cache, and the Micronaut context in which the compile-time generated repositories
 * live. Create one per execution environment (a Lambda handler's static or constructor scope) and close it at
 * shutdown.
 */
public final class DataLayer implements AutoCloseable {

    /** Bean name of the data source whose every statement goes to PostgreSQL. */
    public static final String DIRECT = "direct";
    /** Bean name of the data source whose cacheable reads are answered from the query cache. */
    public static final String CACHED = "cached";

    private final SharedConnection connection;
    private final QueryCache cache;
    private final DataSource direct;
    private final DataSource cached;
    private final ApplicationContext context;

    private DataLayer(SharedConnection connection, CacheConfig config, InstantSource clock, CacheStore store) {
        this.connection = connection;
        SharedConnectionDataSource raw = new SharedConnectionDataSource(connection);
        this.cache = QueryCaches.create(config, connection.settings(), MigrationCatalog.latestVersion(), clock, store,
            raw::getConnection);
        this.direct = new InterceptingDataSource(raw, cache, false);
        this.cached = new InterceptingDataSource(raw, cache, true);
        this.context = ApplicationContext.builder()
            .deduceEnvironment(false)
            .deduceCloudEnvironment(false)
            .enableDefaultPropertySources(false)
            .banner(false)
            .properties(Map.of(
                "datasources." + DIRECT + ".dialect", "POSTGRES",
                "datasources." + DIRECT + ".schema-generate", "NONE",
                "datasources." + CACHED + ".dialect", "POSTGRES",
                "datasources." + CACHED + ".schema-generate", "NONE"))
            .build();
        context.registerSingleton(DataSource.class, direct, Qualifiers.byName(DIRECT));
        context.registerSingleton(DataSource.class, cached, Qualifiers.byName(CACHED));
        context.start();
    }

    /** The data layer of a function: database and cache settings read from {@code env} and validated. */
    public static DataLayer fromEnvironment(ResolvedEnvironment env, String applicationName) {
        ConnectionSettings settings = ConnectionSettingsFactory.fromEnvironment(env, applicationName);
        return open(new SharedConnection(settings, Connector.jdbc()), CacheConfig.fromEnvironment(env),
            InstantSource.system(), null);
    }

    /** A data layer that connects lazily with {@code settings}, with the in-process cache. */
    public static DataLayer open(ConnectionSettings settings) {
        return open(settings, CacheConfig.defaults(CacheConfig.Mode.IN_PROCESS));
    }

    /** A data layer that connects lazily with {@code settings}, caching as {@code config} says. */
    public static DataLayer open(ConnectionSettings settings, CacheConfig config) {
        return open(new SharedConnection(settings, Connector.jdbc()), config, InstantSource.system(), null);
    }

    /** A data layer over a connection made elsewhere (tests pass counting or failing connectors). */
    public static DataLayer open(SharedConnection connection) {
        return open(connection, CacheConfig.defaults(CacheConfig.Mode.IN_PROCESS), InstantSource.system(), null);
    }

    /**
     * A data layer with every collaborator given; tests pass a controllable clock or their own store.
     *
     * @param store where entries live, or null for the one {@code config} names
     */
    public static DataLayer open(SharedConnection connection, CacheConfig config, InstantSource clock,
                                 CacheStore store) {
        return new DataLayer(connection, config, clock, store);
    }

    /** Starts a request on this thread; {@code noCache} (a {@code Cache-Control: no-cache} request) bypasses. */
    public RequestContext request(boolean noCache) {
        return new RequestContext(this, cache.begin(noCache));
    }

    /** The {@code direct} data source. */
    public DataSource direct() {
        return direct;
    }

    /** The {@code cached} data source. */
    public DataSource cached() {
        return cached;
    }

    /** This environment's cache counters. */
    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** This environment's query cache. */
    public QueryCache cache() {
        return cache;
    }

    /** The execution environment's one physical connection. */
    public SharedConnection connection() {
        return connection;
    }

    /** Transactions on the {@code direct} data source, for work that must commit as a whole. */
    @SuppressWarnings("unchecked")
    public TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class, Qualifiers.byName(DIRECT));
    }

    /** A repository bean, e.g. {@code repository(DirectUserRepository.class)}. */
    public <T> T repository(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        cache.close();
        connection.close();
    }
}
