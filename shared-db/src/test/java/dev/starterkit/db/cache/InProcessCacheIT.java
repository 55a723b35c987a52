package dev.starterkit.db.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.cache.store.InProcessCacheStore;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without REDIS_URL: the in-process store shared by two environments of one JVM, and CACHE_DISABLED. */
class InProcessCacheIT {

    private static String url;
    private static MutableClock clock;
    private static DataLayer alice;
    private static DataLayer bob;
    private static DataLayer disabled;

    @BeforeAll
    static void setUp() {
        url = CacheTestDatabase.create(InProcessCacheIT.class);
        clock = new MutableClock();
        InProcessCacheStore store = new InProcessCacheStore(clock);
        CacheConfig config = CacheConfig.defaults(CacheConfig.Mode.IN_PROCESS);
        alice = CacheTestDatabase.layer(url, "alice", config, clock, store);
        bob = CacheTestDatabase.layer(url, "bob", config, clock, store);
        disabled = CacheTestDatabase.layer(url, "off", CacheConfig.defaults(CacheConfig.Mode.DISABLED), clock, null);
        alice.repository(DirectUserRepository.class).save(new User("usr_i", "v0", "i@example.com", false, null,
            false, null, null, null));
    }

    @AfterAll
    static void tearDown() {
        alice.close();
        bob.close();
        disabled.close();
        TestPostgres.get().dropDatabase(url);
    }

    private static String read(DataLayer layer) {
        try (RequestContext ctx = layer.request(false)) {
            String name = ctx.repository(CachedUserRepository.class).findById("usr_i").map(User::name).orElseThrow();
            return name + ":" + ctx.cacheStatus().orElseThrow();
        }
    }

    @Test
    void reads_shouldFollowTheRedisSemantics_whenTheStoreIsInProcess() {
        // GIVEN / WHEN a miss, a hit, a write by the other environment, then time passing
        List<String> seen = new ArrayList<>();
        seen.add(read(bob));
        seen.add(read(bob));
        alice.repository(DirectUserRepository.class).update(new User("usr_i", "v1", "i@example.com", false, null,
            false, null, null, null));
        seen.add(read(bob));
        seen.add(read(alice));
        clock.advance(Duration.ofSeconds(61));
        seen.add(read(alice));
        seen.add(read(bob));
        clock.advance(Duration.ofSeconds(80));
        seen.add(read(bob));
        // THEN: miss, hit, miss after the write, hit, refresh by the lock winner, hit, miss after expiry
        assertThat(seen).containsExactly("v0:MISS", "v0:HIT", "v1:MISS", "v1:HIT", "v1:MISS", "v1:HIT", "v1:MISS");
    }

    @Test
    void reads_shouldBypass_whenTheCacheIsDisabled() {
        // GIVEN / WHEN
        List<String> seen = List.of(read(disabled), read(disabled));
        // THEN
        assertThat(seen).allMatch(s -> s.endsWith(":BYPASS"));
        assertThat(disabled.cacheStats().hits()).isZero();
    }
}
