package dev.starterkit.db.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.RedisServer;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Redis of the test's own is stopped mid-test: requests keep succeeding from PostgreSQL, counted BYPASS. */
class RedisOutageIT {

    private static final int REQUESTS = 50;

    private static String url;
    private static RedisServer redis;
    private static MutableClock clock;
    private static DataLayer layer;

    @BeforeAll
    static void setUp() {
        url = CacheTestDatabase.create(RedisOutageIT.class);
        redis = RedisServer.start();
        clock = new MutableClock();
        CacheConfig config = CacheConfig.redis(redis.url()).withKeyPrefix(TestRedis.prefixFor(RedisOutageIT.class))
            .withResilience(Duration.ofMillis(200), 3, Duration.ofSeconds(5));
        layer = CacheTestDatabase.layer(url, "outage", config, clock, null);
        layer.repository(DirectUserRepository.class).save(new User("usr_o", "before", "o@example.com", false, null,
            false, null, null, null));
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        redis.close();
        TestPostgres.get().dropDatabase(url);
    }

    private static List<String> requests(int count) {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (RequestContext ctx = layer.request(false)) {
                String name = ctx.repository(CachedUserRepository.class).findById("usr_o").map(User::name)
                    .orElseThrow();
                statuses.add(name + ":" + ctx.cacheStatus().orElseThrow());
            }
        }
        return statuses;
    }

    @Test
    void requests_shouldSucceedAsBypass_whenRedisStopsAndRecoverAfterItReturns() {
        // GIVEN the user is cached
        requests(2);
        assertThat(requests(1)).containsExactly("before:HIT");
        // WHEN Redis stops, and the user is renamed meanwhile
        redis.stop();
        List<String> duringOutage = requests(REQUESTS);
        layer.repository(DirectUserRepository.class).update(new User("usr_o", "after", "o@example.com", false, null,
            false, null, null, null));
        List<String> afterWrite = requests(REQUESTS);
        long errors = layer.cacheStats().errors();
        // THEN every request succeeded from PostgreSQL as BYPASS, and the breaker kept failed calls few
        assertThat(duringOutage).hasSize(REQUESTS).containsOnly("before:BYPASS");
        assertThat(afterWrite).hasSize(REQUESTS).containsOnly("after:BYPASS");
        assertThat(errors).isLessThanOrEqualTo(3);

        // WHEN Redis comes back (empty, as after a failover) and the breaker's cool-down has passed
        redis.restart();
        clock.advance(Duration.ofSeconds(6));
        List<String> recovered = new ArrayList<>();
        for (int i = 0; i < 20 && !recovered.contains("after:HIT"); i++) {
            recovered.addAll(requests(1));
            clock.advance(Duration.ofSeconds(6));
        }
        // THEN reads are cached again and never stale
        assertThat(recovered).contains("after:HIT").allMatch(s -> s.startsWith("after:"));
    }
}
