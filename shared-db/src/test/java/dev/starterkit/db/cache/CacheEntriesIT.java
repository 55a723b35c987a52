package dev.starterkit.db.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Entry lifetimes with a controllable clock, stale serving under another caller's lock, corrupt values, size. */
class CacheEntriesIT {

    private static String url;
    private static String prefix;
    private static MutableClock clock;
    private static DataLayer layer;

    @BeforeAll
    static void setUp() {
        url = CacheTestDatabase.create(CacheEntriesIT.class);
        prefix = TestRedis.prefixFor(CacheEntriesIT.class);
        clock = new MutableClock();
        layer = CacheTestDatabase.layer(url, "entries", CacheConfig.redis(TestRedis.url()).withKeyPrefix(prefix)
            .withMaxEntryBytes(4096), clock, null);
        CacheTestDatabase.execute(url, "INSERT INTO \"user\" (id, name, email) SELECT 'usr_' || g, 'User ' || g, "
            + "'u' || g || '@example.com' FROM generate_series(1, 200) g");
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        TestPostgres.get().dropDatabase(url);
    }

    private static CacheStatus read(String sql) throws SQLException {
        try (RequestContext ctx = layer.request(false)) {
            InvalidationIT.query(ctx.db(), sql);
            return ctx.cacheStatus().orElse(null);
        }
    }

    @Test
    void read_shouldGoFreshThenStaleThenExpired_whenTheClockPassesMaxAgeAndSwr() throws SQLException {
        // GIVEN an entry cached at t0, and some other environment holding its refresh lock
        String sql = "SELECT id FROM \"user\" WHERE id = 'usr_1' /* lifetime */";
        String lockKey = readCreatingKey(sql).replace(":q:", ":l:");
        TestRedis.set(TestRedis.url(), lockKey, "someone-else".getBytes(StandardCharsets.UTF_8));
        // WHEN the clock moves through max_age (60 s) and swr (15 s)
        CacheStatus fresh = read(sql);
        clock.advance(Duration.ofSeconds(59));
        CacheStatus stillFresh = read(sql);
        clock.advance(Duration.ofSeconds(2));
        CacheStatus stale = read(sql);
        clock.advance(Duration.ofSeconds(15));
        CacheStatus expired = read(sql);
        // THEN it is a hit until 60 s, stale while another holds the lock, and a miss past 75 s
        assertThat(List.of(fresh, stillFresh, stale, expired))
            .containsExactly(CacheStatus.HIT, CacheStatus.HIT, CacheStatus.STALE, CacheStatus.MISS);
    }

    @Test
    void read_shouldRefreshSynchronously_whenItWinsTheLockOfAStaleEntry() throws SQLException {
        // GIVEN a stale entry nobody is refreshing
        String sql = "SELECT id FROM \"user\" WHERE id = 'usr_2' /* winner */";
        read(sql);
        clock.advance(Duration.ofSeconds(61));
        // WHEN read once, then again
        CacheStatus winner = read(sql);
        CacheStatus next = read(sql);
        // THEN the first caller wins the lock and refreshes (MISS); the refreshed entry is then a HIT
        assertThat(winner).isEqualTo(CacheStatus.MISS);
        assertThat(next).isEqualTo(CacheStatus.HIT);
    }

    @Test
    void read_shouldMissAndRepair_whenAValueInRedisIsCorrupt() throws SQLException {
        // GIVEN a cached entry overwritten with garbage, and one with a foreign value
        String sql = "SELECT id, name FROM \"user\" WHERE id IN ('usr_3', 'usr_4') ORDER BY id /* corrupt */";
        String key = readCreatingKey(sql);
        long rows = InvalidationIT.query(layer.cached(), sql);
        long corruptBefore = layer.cacheStats().corrupt();
        TestRedis.set(TestRedis.url(), key, "not a cache entry at all".getBytes(StandardCharsets.UTF_8));
        // WHEN read again twice
        CacheStatus first = read(sql);
        long rowsAfter = InvalidationIT.query(layer.cached(), sql);
        // THEN the corrupt value is a miss with the right rows, and the repaired entry a hit
        assertThat(first).isEqualTo(CacheStatus.MISS);
        assertThat(rowsAfter).isEqualTo(rows).isEqualTo(2);
        assertThat(read(sql)).isEqualTo(CacheStatus.HIT);
        assertThat(layer.cacheStats().corrupt()).isEqualTo(corruptBefore + 1);
    }

    @Test
    void read_shouldNotStore_whenTheResultExceedsTheSizeLimit() throws SQLException {
        // GIVEN a 4 KiB limit and a result of 200 rows (well above it)
        String sql = "SELECT id, name, email FROM \"user\" ORDER BY id /* big */";
        long oversizedBefore = layer.cacheStats().oversized();
        // WHEN read three times
        List<CacheStatus> statuses = List.of(read(sql), read(sql), read(sql));
        // THEN nothing was stored: every read is a miss, and all rows come back
        assertThat(statuses).containsOnly(CacheStatus.MISS);
        assertThat(InvalidationIT.query(layer.cached(), sql)).isEqualTo(200);
        assertThat(layer.cacheStats().oversized()).isEqualTo(oversizedBefore + 4);
    }

    /** Reads {@code sql} (a miss) and returns the entry key that the read created. */
    private static String readCreatingKey(String sql) throws SQLException {
        java.util.Set<String> before = new java.util.HashSet<>(TestRedis.keys(TestRedis.url(), prefix));
        assertThat(read(sql)).isEqualTo(CacheStatus.MISS);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> fresh = TestRedis.keys(TestRedis.url(), prefix).stream()
                .filter(k -> k.contains(":q:") && !before.contains(k)).toList();
            if (fresh.size() == 1) {
                return fresh.get(0);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("Expected exactly one new entry key under " + prefix);
    }
}
