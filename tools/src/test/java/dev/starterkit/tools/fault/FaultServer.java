package dev.starterkit.tools.fault;

import dev.starterkit.api.ApiConfig;
import dev.starterkit.api.ApiRuntime;
import dev.starterkit.db.DataLayer;
import dev.starterkit.db.cache.CacheConfig;
import dev.starterkit.db.cache.CacheStats;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.tools.dev.LocalApiServer;
import dev.starterkit.tools.template.FunctionSpec;
import dev.starterkit.tools.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * bin/dev's server on an ephemeral port over the real {@code template.yaml}, its handlers wired from an environment
 * map the way bin/dev wires them. With a cache clock, each execution environment's data layer is opened with that
 * clock (so a test can move the circuit breaker's cool-down on) and kept for its cache counters.
 */
final class FaultServer implements AutoCloseable {

    private final LocalApiServer server;
    private final List<DataLayer> layers = new CopyOnWriteArrayList<>();

    private FaultServer(FaultDatabase database, Map<String, String> variables, int environments,
                        InstantSource cacheClock) {
        Map<String, String> all = new HashMap<>(variables);
        all.put("DATABASE_URL", database.url());
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.of("test"), all, Path.of("target"));
        try {
            server = new LocalApiServer(template().functions(), environments, f -> handler(f,
                env.withDefaults(f.literalEnvironment(), "template.yaml"), cacheClock), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server like bin/dev's, {@code environments} per function, with {@code variables} set. */
    static FaultServer start(FaultDatabase database, Map<String, String> variables, int environments) {
        return new FaultServer(database, variables, environments, null);
    }

    /** A server whose data layers read time (cache ages, breaker cool-downs) from {@code cacheClock}. */
    static FaultServer start(FaultDatabase database, Map<String, String> variables, int environments,
                             InstantSource cacheClock) {
        return new FaultServer(database, variables, environments, cacheClock);
    }

    /** The project's {@code template.yaml}. */
    static SamTemplate template() {
        return SamTemplate.read(Path.of(System.getenv().getOrDefault("PROJECT_ROOT", ".."))
            .resolve("template.yaml"));
    }

    private Object handler(FunctionSpec function, ResolvedEnvironment env, InstantSource cacheClock) {
        if (cacheClock == null) {
            return ApiRuntime.newHandler(function.handlerClass(), env, function.logicalId());
        }
        // What DataLayer.fromEnvironment does, with the test's clock in place of the system's
        DataLayer layer = DataLayer.open(new SharedConnection(ConnectionSettingsFactory.fromEnvironment(env,
            function.logicalId()), Connector.jdbc()), CacheConfig.fromEnvironment(env), cacheClock, null);
        layers.add(layer);
        try {
            return Class.forName(function.handlerClass()).getConstructor(ApiRuntime.class)
                .newInstance(new ApiRuntime(ApiConfig.from(env), layer, Clock.systemUTC()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(function.handlerClass() + " cannot be made", e);
        }
    }

    /** The URI of {@code pathAndQuery} on this server. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    int port() {
        return server.port();
    }

    /** Environments created so far, by function. */
    Map<String, Integer> environmentsCreated() {
        return server.environmentsCreated();
    }

    /** The cache counters of every execution environment, summed (only with a cache clock). */
    CacheStats cacheStats() {
        long[] sum = new long[8];
        for (DataLayer layer : layers) {
            CacheStats s = layer.cacheStats();
            long[] values = {s.hits(), s.misses(), s.stale(), s.bypass(), s.errors(), s.invalidations(),
                s.oversized(), s.corrupt()};
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        }
        return new CacheStats(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7]);
    }

    /** The settings the data layers' caches run with (only with a cache clock, after the first request). */
    CacheConfig cacheConfig() {
        return layers.get(0).cache().config();
    }

    @Override
    public void close() {
        server.close();
    }
}
