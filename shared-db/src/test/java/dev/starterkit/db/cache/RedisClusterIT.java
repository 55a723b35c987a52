package dev.starterkit.db.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.RedisCluster;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestRedis;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cache on a local three-node Redis Cluster, the layout ElastiCache Serverless imposes. */
class RedisClusterIT {

    private static String url;
    private static String prefix;
    private static RedisCluster cluster;
    private static DataLayer alice;
    private static DataLayer bob;

    @BeforeAll
    static void setUp() {
        url = CacheTestDatabase.create(RedisClusterIT.class);
        cluster = RedisCluster.start();
        prefix = TestRedis.prefixFor(RedisClusterIT.class);
        CacheConfig config = CacheConfig.redis(cluster.url()).withKeyPrefix(prefix);
        alice = CacheTestDatabase.layer(url, "alice", config, new MutableClock(), null);
        bob = CacheTestDatabase.layer(url, "bob", config, new MutableClock(), null);
    }

    @AfterAll
    static void tearDown() {
        alice.close();
        bob.close();
        cluster.close();
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void cache_shouldHitAndInvalidateAcrossClients_whenRedisIsACluster() throws SQLException {
        // GIVEN a user bob has cached through the cluster
        alice.repository(DirectUserRepository.class).save(new User("usr_c", "one", "c@example.com", false, null,
            false, null, null, null));
        CachedUserRepository bobCached = bob.repository(CachedUserRepository.class);
        bobCached.findById("usr_c");
        assertThat(bobCached.findById("usr_c")).map(User::name).contains("one");
        InvalidationIT.execute(alice.direct(), "INSERT INTO note VALUES ('n', 'usr_c', 'x')");
        assertThat(InvalidationIT.notes(bob.cached(), "usr_c")).containsExactly("x");
        InvalidationIT.notes(bob.cached(), "usr_c");
        // WHEN alice renames the user, then deletes it (cascading to note)
        alice.repository(DirectUserRepository.class).update(new User("usr_c", "two", "c@example.com", false, null,
            false, null, null, null));
        String renamed = bobCached.findById("usr_c").map(User::name).orElseThrow();
        alice.repository(DirectUserRepository.class).deleteById("usr_c");
        // THEN bob sees each write, and the cache did serve hits on the cluster
        assertThat(renamed).isEqualTo("two");
        assertThat(bobCached.findById("usr_c")).isEmpty();
        assertThat(InvalidationIT.notes(bob.cached(), "usr_c")).isEmpty();
        assertThat(bob.cacheStats().hits()).as(bob.cacheStats().toString()).isGreaterThanOrEqualTo(2);
        assertThat(bob.cacheStats().errors()).isZero();
    }

    @Test
    void keys_shouldAllShareOneHashSlot_whenSpreadOverThreeNodes() throws SQLException {
        // GIVEN entries, generations and locks written through the cluster
        for (int i = 0; i < 20; i++) {
            InvalidationIT.query(alice.cached(), "SELECT " + i + " AS n FROM \"user\" WHERE id <> 'x'");
        }
        InvalidationIT.execute(alice.direct(), "UPDATE \"user\" SET name = name WHERE id = 'none'");
        alice.repository(DirectUserRepository.class).save(new User("usr_k", "k", "k@example.com", false, null, false,
            null, null, null));
        alice.repository(CachedUserRepository.class).findById("usr_k");
        // WHEN the keys under this test's prefix are listed on every node
        RedisClusterClient client = RedisClusterClient.create(cluster.url());
        List<String> keys;
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            keys = connection.sync().keys(prefix + "*");
        } finally {
            client.shutdown();
        }
        // THEN there are entries, table and row generations, and they all hash to one slot
        Set<Integer> slots = keys.stream().map(SlotHash::getSlot).collect(Collectors.toSet());
        assertThat(keys).anyMatch(k -> k.contains(":q:")).anyMatch(k -> k.contains(":g:"))
            .anyMatch(k -> k.contains(":r:"));
        assertThat(slots).hasSize(1);
    }
}
