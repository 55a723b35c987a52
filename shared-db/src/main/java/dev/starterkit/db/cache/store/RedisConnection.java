package dev.starterkit.db.cache.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution environment's one Lettuce connection, made on first use: standalone, or cluster when the server
 * says it runs in cluster mode (ElastiCache Serverless always does). Commands fail fast while disconnected, so a
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
    private StatefulConnection<String, byte[]> connection;
    private RedisClusterAsyncCommands<String, byte[]> commands;

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

    /** The async commands, connecting first if needed. */
    synchronized RedisClusterAsyncCommands<String, byte[]> commands() {
        if (connection != null && !connection.isOpen()) {
            // Reconnect in the caller's thread rather than waiting for Lettuce's background reconnect, which does
            // not run while Lambda is frozen; the circuit breaker keeps such attempts rare.
            connection.close();
            connection = null;
            commands = null;
        }
        if (commands == null) {
            connect();
        }
        return commands;
    }

    /** Whether the connection is a cluster connection (after the first {@link #commands()}). */
    synchronized boolean isCluster() {
        return clusterClient != null;
    }

    private void connect() {
        if (resources == null) {
            resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(1).build();
        }
        boolean cluster = forceCluster != null ? forceCluster : askCluster();
        if (cluster) {
            clusterClient = RedisClusterClient.create(resources, uri);
            // Node connections open lazily, so commands must wait for them (bounded by the timeout), not be rejected.
            clusterClient.setOptions(ClusterClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.builder().fixedTimeout(timeout).build()).build());
            StatefulRedisClusterConnection<String, byte[]> c = clusterClient.connect(CODEC);
            connection = c;
            commands = c.async();
        } else {
            StatefulRedisConnection<String, byte[]> c = standalone().connect(CODEC, uri);
            connection = c;
            commands = c.async();
        }
        LOG.info("Connected to Redis {} ({})", uri.getHost() + ":" + uri.getPort(), cluster ? "cluster" : "standalone");
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
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (clusterClient != null) {
            clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (resources != null) {
            resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
        connection = null;
        commands = null;
        client = null;
        clusterClient = null;
        resources = null;
    }
}
