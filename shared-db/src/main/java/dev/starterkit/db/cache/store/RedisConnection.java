package dev.starterkit.db.cache.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import dev.starterkit.db.cache.iam.ElastiCacheIamAuth;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution environment's Lettuce connections, made on first use: one for awaited commands and one for
 * stores nobody waits for; standalone, or cluster when the server says it runs in cluster mode (ElastiCache
 * Serverless always does). Commands fail fast while disconnected, so a
 * down Redis costs a request nothing but a bypass.
 */
final class RedisConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisURI uri;
    private final Boolean forceCluster;
    private final Duration timeout;
    private ClientResources resources;
    private RedisClient client;
    private RedisClusterClient clusterClient;
    private Boolean cluster;
    private final Map<Lane, StatefulConnection<String, byte[]>> connections = new EnumMap<>(Lane.class);
    private final Map<Lane, RedisClusterAsyncCommands<String, byte[]>> commands = new EnumMap<>(Lane.class);

    /** Which connection a command goes on: awaited lookups never queue behind stores that nobody waits for. */
    enum Lane { AWAITED, BACKGROUND }

    /**
     * A connection to {@code uri}.
     *
     * @param forceCluster true for cluster mode, false for standalone, null to ask the server
     * @param timeout the command and connect timeout
     */
    RedisConnection(RedisURI uri, Boolean forceCluster, Duration timeout) {
        this.uri = uri;
        this.forceCluster = forceCluster;
        this.timeout = timeout;
    }

    /** The async commands of {@code lane}, connecting first if needed. */
    synchronized RedisClusterAsyncCommands<String, byte[]> commands(Lane lane) {
        StatefulConnection<String, byte[]> current = connections.get(lane);
        if (current != null && !current.isOpen()) {
            // Reconnect in the caller's thread rather than waiting for Lettuce's background reconnect, which does
            // not run while Lambda is frozen; the circuit breaker keeps such attempts rare.
            current.close();
            connections.remove(lane);
            commands.remove(lane);
        }
        if (!commands.containsKey(lane)) {
            connect(lane);
        }
        return commands.get(lane);
    }

    /** Whether the connection is a cluster connection (after the first {@link #commands}). */
    synchronized boolean isCluster() {
        return clusterClient != null;
    }

    private void connect(Lane lane) {
        if (resources == null) {
            resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        }
        if (cluster == null) {
            cluster = forceCluster != null ? forceCluster : askCluster();
        }
        if (cluster) {
            StatefulRedisClusterConnection<String, byte[]> c = clusterClient().connect(CODEC);
            connections.put(lane, c);
            commands.put(lane, c.async());
        } else {
            StatefulRedisConnection<String, byte[]> c = standalone().connect(CODEC, uri);
            connections.put(lane, c);
            commands.put(lane, c.async());
        }
        LOG.info("Connected to Redis {} ({}, {})", uri.getHost() + ":" + uri.getPort(),
            cluster ? "cluster" : "standalone", lane);
    }

    private RedisClusterClient clusterClient() {
        if (clusterClient == null) {
            clusterClient = RedisClusterClient.create(resources, uri);
            // Node connections open lazily, so commands must wait for them (bounded by the timeout), not be rejected.
            clusterClient.setOptions(ClusterClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.builder().fixedTimeout(timeout).build()).build());
        }
        return clusterClient;
    }

    private RedisClient standalone() {
        if (client == null) {
            client = RedisClient.create(resources);
            client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.builder().fixedTimeout(timeout).build()).build());
        }
        return client;
    }

    private boolean askCluster() {
        try (StatefulRedisConnection<String, String> probe = standalone().connect(uri)) {
            String info = probe.sync().info("cluster");
            return info != null && info.contains("cluster_enabled:1");
        }
    }

    @Override
    public synchronized void close() {
        if (uri.getCredentialsProvider() instanceof ElastiCacheIamAuth auth) {
            auth.forget();
        }
        connections.values().forEach(StatefulConnection::close);
        connections.clear();
        commands.clear();
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (clusterClient != null) {
            clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (resources != null) {
            resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
        client = null;
        clusterClient = null;
        resources = null;
        cluster = null;
    }
}
