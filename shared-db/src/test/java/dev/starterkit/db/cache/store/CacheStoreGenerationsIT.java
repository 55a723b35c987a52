package dev.starterkit.db.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.TestRedis;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generation semantics both stores share: Redis (its scripts) and the in-process store. */
class CacheStoreGenerationsIT {

    private static final Duration TTL = Duration.ofSeconds(150);
    private static final byte[] VALUE = {1, 2, 3};

    private static RedisCacheStore redis;
    private static KeyLayout layout;

    @BeforeAll
    static void setUp() {
        redis = new RedisCacheStore(RedisURI.create(TestRedis.url()), false, Duration.ofSeconds(2), failure -> { });
        layout = new KeyLayout(TestRedis.prefixFor(CacheStoreGenerationsIT.class), "db", "1");
    }

    @AfterAll
    static void tearDown() {
        redis.close();
    }

    static Stream<CacheStore> stores() {
        return Stream.of(redis, new InProcessCacheStore(new MutableClock()));
    }

    private static String unique(String table) {
        return table + Long.toHexString(System.nanoTime());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void bump_shouldKeepTheRowLineage_onlyWhenAskedTo(CacheStore store) {
        // GIVEN a table generation
        String table = layout.generation(unique("t"));
        String first = store.createGenerations(List.of(table), TTL).get(0);
        // WHEN it is bumped keeping its lineage, then bumped afresh
        store.bump(List.of(table), Set.of(table), TTL);
        String kept = store.lookup(layout.entry("none"), List.of(table)).generations().get(0);
        store.bump(List.of(table), Set.of(), TTL);
        String fresh = store.lookup(layout.entry("none"), List.of(table)).generations().get(0);
        // THEN every bump gave a new token; the first kept the lineage, the second did not
        assertThat(List.of(first, kept, fresh)).doesNotHaveDuplicates();
        assertThat(KeyLayout.rowLineage(kept)).isEqualTo(KeyLayout.rowLineage(first));
        assertThat(KeyLayout.rowLineage(fresh)).isNotEqualTo(KeyLayout.rowLineage(first));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void store_shouldCreateTheMissingRowGeneration_whenNothingChangedSinceTheLookup(CacheStore store) {
        // GIVEN a lookup that found the table's generation and no row generation
        Keys keys = new Keys(store);
        // WHEN the result is stored, expecting the row generation still missing
        store.store(keys.entry, VALUE, TTL, keys.all, keys.expectingNewRow("r1"), TTL, keys.lock, null);
        // THEN the entry is stored and the row generation has the token the entry records
        Lookup after = awaitLookup(store, keys);
        assertThat(after.value()).isEqualTo(VALUE);
        assertThat(after.generations().get(1)).isEqualTo("r1");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void store_shouldNotStore_whenTheTableWasWrittenOrTheRowGenerationMadeMeanwhile(CacheStore store) {
        // GIVEN two lookups that found no row generation
        Keys tableWritten = new Keys(store);
        Keys rowMade = new Keys(store);
        // WHEN the table is written (by primary key, keeping its lineage) before the first store, and the row
        // generation is made by someone else before the second
        store.bump(List.of(tableWritten.all.get(0)), Set.of(tableWritten.all.get(0)), TTL);
        store.bump(List.of(rowMade.all.get(1)), Set.of(), TTL);
        store.store(tableWritten.entry, VALUE, TTL, tableWritten.all, tableWritten.expectingNewRow("r"), TTL,
            tableWritten.lock, null);
        store.store(rowMade.entry, VALUE, TTL, rowMade.all, rowMade.expectingNewRow("r"), TTL, rowMade.lock, null);
        // THEN neither result is stored, and the row generation stays missing where nobody made it
        Lookup first = awaitLookup(store, tableWritten);
        assertThat(first.value()).isNull();
        assertThat(first.generations().get(1)).isNull();
        assertThat(awaitLookup(store, rowMade).value()).isNull();
    }

    /** A lookup after this store's own stores have landed (the Redis store does not wait for them). */
    private static Lookup awaitLookup(CacheStore store, Keys keys) {
        return store.lookup(keys.entry, keys.all);
    }

    /** Keys of a point read: its table's generation (made) and its row's (missing). */
    private static final class Keys {
        private final String entry = layout.entry(unique("q"));
        private final String lock = layout.lock(unique("l"));
        private final List<String> all;
        private final String tableToken;

        Keys(CacheStore store) {
            String table = unique("t");
            all = List.of(layout.generation(table), layout.row(table, "k"));
            tableToken = store.createGenerations(List.of(all.get(0)), TTL).get(0);
            assertThat(store.lookup(entry, all).generations()).containsExactly(tableToken, null);
        }

        List<String> expectingNewRow(String token) {
            List<String> expected = new ArrayList<>();
            expected.add(tableToken);
            expected.add(CacheStore.missing(token));
            return expected;
        }
    }
}
