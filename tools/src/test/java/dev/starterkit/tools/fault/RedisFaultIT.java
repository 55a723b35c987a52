package dev.starterkit.tools.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.cache.CacheConfig;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query cache's Redis fails under bin/dev's server, end to end over HTTP: every read still answers 200 from
 * PostgreSQL ({@code x-cache: BYPASS}), the circuit breaker keeps the failed cache calls to a handful, and the cache
 * comes back by itself. Each test has its own redis-server (and, for slowness, a {@link DelayingProxy} in front of
 * it). Time as the cache sees it is a {@link MutableClock} moved a fixed step per request, so the breaker's cool-down
 * passes at known points instead of after real waits.
 */
class RedisFaultIT {

    private static final int REQUESTS = 200;
    private static final int STOP_AFTER = 50;
    /** Simulated time per request: 200 requests span 10 s, two of the breaker's 5 s cool-downs. */
    private static final Duration STEP = Duration.ofMillis(50);

    private static FaultDatabase database;

    private final MutableClock clock = new MutableClock();
    private RedisServer redis;
    private DelayingProxy proxy;
    private FaultServer server;
    private CachedReads reads;

    @BeforeAll
    static void createDatabase() {
        database = FaultDatabase.create(RedisFaultIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void startRedis() {
        redis = RedisServer.start();
        proxy = DelayingProxy.start(redis.port());
    }

    @AfterEach
    void stopAll() {
        if (server != null) {
            server.close();
        }
        proxy.close();
        redis.close();
    }

    /** bin/dev's server, one environment per function, its cache on {@code redisUrl}; then warms the cache. */
    private void startServer(String redisUrl) {
        server = FaultServer.start(database, Map.of("REDIS_URL", redisUrl), 1, clock);
        reads = new CachedReads(new Http(server), clock);
        reads.warm();
        assertThat(reads.run(CachedReads.DISTINCT, Duration.ZERO)).as("reads of a warm cache")
            .allMatch(r -> r.status() == 200 && "HIT".equals(r.cache()));
    }

    @Test
    void reads_shouldAnswer200AsBypass_whenRedisStopsMidRun() {
        // GIVEN a warm cache on the test's own Redis
        startServer(redis.url());
        long errorsBefore = server.cacheStats().errors();
        // WHEN Redis is killed after the 50th of 200 reads
        List<CachedReads.Read> before = reads.run(STOP_AFTER, STEP);
        redis.stop();
        List<CachedReads.Read> during = reads.run(REQUESTS - STOP_AFTER, STEP);
        long errors = server.cacheStats().errors() - errorsBefore;
        System.out.printf("RedisFaultIT stopped: %d reads after the stop, %d failed cache calls%n", during.size(),
            errors);
        // THEN every read answered 200, from the cache before and from PostgreSQL after
        assertThat(before).allMatch(r -> r.status() == 200 && "HIT".equals(r.cache()));
        assertThat(during).hasSize(REQUESTS - STOP_AFTER)
            .allMatch(r -> r.status() == 200 && "BYPASS".equals(r.cache()));
        // and the breaker let through only its threshold of failures plus one probe per cool-down
        assertThat(errors).isBetween(1L, allowedFailures(STEP.multipliedBy(REQUESTS - STOP_AFTER)));
    }

    @Test
    void reads_shouldAnswer200AsBypass_whenRedisIsSlowerThanTheCommandTimeout() {
        // GIVEN a warm cache reached through the proxy
        startServer(proxy.redisUrl());
        CacheConfig config = server.cacheConfig();
        long errorsBefore = server.cacheStats().errors();
        // WHEN every chunk to and from Redis is held 4 times the command timeout
        proxy.delay(config.timeout().multipliedBy(4));
        List<CachedReads.Read> slow = reads.run(REQUESTS, STEP);
        long errors = server.cacheStats().errors() - errorsBefore;
        double serverMillis = slow.stream().mapToDouble(CachedReads.Read::serverMillis).sum();
        System.out.printf("RedisFaultIT slow: %d reads, %d failed cache calls, %.0f ms in the server in all%n",
            slow.size(), errors, serverMillis);
        // THEN every read answered 200 from PostgreSQL
        assertThat(proxy.delayedChunks()).isPositive();
        assertThat(slow).hasSize(REQUESTS).allMatch(r -> r.status() == 200 && "BYPASS".equals(r.cache()));
        // and few reads waited for the timeout: each failed call costs one timeout, and the breaker allows few.
        // Were every read to wait, the server would spend REQUESTS x timeout (50 s); the bound is a quarter of that.
        assertThat(errors).isBetween(1L, allowedFailures(STEP.multipliedBy(REQUESTS)));
        assertThat(serverMillis).isLessThan(REQUESTS * config.timeout().toMillis() / 4.0);

        // WHEN Redis is fast again (the slow connections dropped) and a cool-down has passed
        proxy.delay(Duration.ZERO);
        proxy.dropConnections();
        List<String> recovered = reads.untilHit(10, config.breakerCooldown().plusSeconds(1));
        // THEN the cache serves again
        assertThat(recovered).contains("HIT");
    }

    @Test
    void cache_shouldResumeByItself_whenRedisRestartsUnderARunningServer() {
        // GIVEN a warm cache, and Redis killed: the breaker opens
        startServer(redis.url());
        CacheConfig config = server.cacheConfig();
        Map<String, Integer> environments = server.environmentsCreated();
        redis.stop();
        assertThat(reads.run(CachedReads.DISTINCT, Duration.ZERO)).allMatch(r -> r.status() == 200
            && "BYPASS".equals(r.cache()));
        long errorsWhileOpen = server.cacheStats().errors();
        // WHEN Redis comes back empty (as after a failover): until the cool-down has passed, nothing calls it
        redis.restart();
        List<CachedReads.Read> coolingDown = reads.run(CachedReads.DISTINCT, Duration.ZERO);
        assertThat(server.cacheStats().errors()).isEqualTo(errorsWhileOpen);
        clock.advance(config.breakerCooldown().plusSeconds(1));
        List<CachedReads.Read> firstPass = reads.run(CachedReads.DISTINCT, Duration.ZERO);
        List<CachedReads.Read> secondPass = reads.run(CachedReads.DISTINCT, Duration.ZERO);
        // THEN the breaker's probe succeeds and the cache fills again (MISS) and serves (HIT), in the same server
        assertThat(coolingDown).allMatch(r -> r.status() == 200 && "BYPASS".equals(r.cache()));
        assertThat(firstPass).allMatch(r -> r.status() == 200 && "MISS".equals(r.cache()));
        assertThat(secondPass).allMatch(r -> r.status() == 200 && "HIT".equals(r.cache()));
        assertThat(server.environmentsCreated()).isEqualTo(environments);
    }

    /** What the breaker lets fail: its threshold, then one probe per cool-down begun during {@code outage}. */
    private long allowedFailures(Duration outage) {
        CacheConfig config = server.cacheConfig();
        long probes = (outage.toMillis() + config.breakerCooldown().toMillis() - 1)
            / config.breakerCooldown().toMillis();
        return config.breakerFailures() + probes;
    }
}
