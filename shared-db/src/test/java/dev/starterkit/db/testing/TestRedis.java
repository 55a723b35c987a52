package dev.starterkit.db.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Redis the tests share, chosen once per JVM: {@code REDIS_URL} if set, else the local server on 6379, else a
 * {@code redis-server} started for this JVM. Tests only add keys under their own prefix; they never flush it.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {
    }

    /** The shared server's URL. */
    public static synchronized String url() {
        if (url == null) {
            String given = System.getenv("REDIS_URL");
            if (given != null && !given.isBlank()) {
                url = given;
            } else if (RedisServer.reachable(6379)) {
                url = "redis://127.0.0.1:6379";
            } else {
                RedisServer server = RedisServer.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                url = server.url();
            }
        }
        return url;
    }

    /** A key prefix of one's own for a test class. */
    public static String prefixFor(Class<?> testClass) {
        return "t:" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + ":"
            + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ":";
    }

    /** The keys under {@code prefix} on the server at {@code redisUrl}. */
    public static List<String> keys(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(prefix + "*");
        } finally {
            client.shutdown();
        }
    }

    /** Sets a raw value, e.g. to plant a corrupt entry. */
    public static void set(String redisUrl, String key, byte[] value) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, byte[]> connection = client.connect(
            io.lettuce.core.codec.RedisCodec.of(io.lettuce.core.codec.StringCodec.UTF8,
                io.lettuce.core.codec.ByteArrayCodec.INSTANCE))) {
            connection.sync().set(key, value);
        } finally {
            client.shutdown();
        }
    }
}
