package dev.starterkit.db.cache;

import static dev.starterkit.db.cache.CacheTestDatabase.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.schema.user.CachedSessionRepository;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectSessionRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.Session;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-grained invalidation across two execution environments: a write naming a row by primary key makes only that
 * row's point reads miss (and every other read of its table); anything else reaches every row.
 */
class RowInvalidationIT {

    private static String url;
    private static String prefix;
    private static DataLayer alice;
    private static DataLayer bob;

    @BeforeAll
    static void setUp() {
        url = CacheTestDatabase.create(RowInvalidationIT.class);
        CacheTestDatabase.execute(url, "CREATE TABLE counter (id bigint PRIMARY KEY, n int NOT NULL)");
        CacheTestDatabase.execute(url, "INSERT INTO counter VALUES (7, 1), (8, 1)");
        prefix = TestRedis.prefixFor(RowInvalidationIT.class);
        CacheConfig config = CacheConfig.redis(TestRedis.url()).withKeyPrefix(prefix);
        alice = CacheTestDatabase.layer(url, "alice", config, new MutableClock(), null);
        bob = CacheTestDatabase.layer(url, "bob", config, new MutableClock(), null);
    }

    @AfterAll
    static void tearDown() {
        alice.close();
        bob.close();
        TestPostgres.get().dropDatabase(url);
    }

    /** Bob's cached findById of {@code id}: the name (or "-") and how the read was served. */
    private static String read(String id) {
        try (RequestContext ctx = bob.request(false)) {
            String name = ctx.repository(CachedUserRepository.class).findById(id).map(User::name).orElse("-");
            return name + ":" + ctx.cacheStatus().orElseThrow();
        }
    }

    private static void rename(String id, String name) {
        alice.repository(DirectUserRepository.class).update(user(id, name));
    }

    @Test
    void findById_shouldStayAHit_whenAnotherUserIsRenamed() {
        // GIVEN bob has users A and B cached
        alice.repository(DirectUserRepository.class).saveAll(List.of(user("usr_ra", "a1"), user("usr_rb", "b1")));
        assertThat(List.of(read("usr_ra"), read("usr_rb"))).containsExactly("a1:MISS", "b1:MISS");
        // WHEN alice renames A
        rename("usr_ra", "a2");
        // THEN B's read is still a hit, A's misses once with the new name
        assertThat(List.of(read("usr_rb"), read("usr_ra"), read("usr_ra")))
            .containsExactly("b1:HIT", "a2:MISS", "a2:HIT");
    }

    @Test
    void findById_shouldSeeTheNewName_whenRenamedByTheOneStatementUpdate() {
        // GIVEN bob has users C and D cached
        alice.repository(DirectUserRepository.class).saveAll(List.of(user("usr_uc", "c1"), user("usr_ud", "d1")));
        assertThat(List.of(read("usr_uc"), read("usr_ud"))).containsExactly("c1:MISS", "d1:MISS");
        // WHEN alice renames C with update(id, name): one UPDATE, no read first
        alice.repository(DirectUserRepository.class).update("usr_uc", "c2");
        // THEN D's read is still a hit, C's misses once with the new name
        assertThat(List.of(read("usr_ud"), read("usr_uc"), read("usr_uc")))
            .containsExactly("d1:HIT", "c2:MISS", "c2:HIT");
    }

    @Test
    void listRead_shouldSeeTheRename_whenAUserItListsIsRenamed() {
        // GIVEN bob has a list of two users cached
        alice.repository(DirectUserRepository.class).saveAll(List.of(user("usr_la", "a1"), user("usr_lb", "b1")));
        List<String> before = names(List.of("usr_la", "usr_lb"));
        // WHEN alice renames one of them
        rename("usr_lb", "b2");
        // THEN the list read misses and shows the new name; read again it hits
        assertThat(before).containsExactly("a1,b1:MISS", "a1,b1:HIT");
        assertThat(names(List.of("usr_la", "usr_lb"))).containsExactly("a1,b2:MISS", "a1,b2:HIT");
    }

    private static List<String> names(List<String> ids) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (RequestContext ctx = bob.request(false)) {
                String names = ctx.repository(CachedUserRepository.class).findByIdIn(ids).stream().map(User::name)
                    .sorted().collect(Collectors.joining(","));
                seen.add(names + ":" + ctx.cacheStatus().orElseThrow());
            }
        }
        return seen;
    }

    @Test
    void sessionFindById_shouldBeEmpty_whenItsUserIsDeletedAndTheCascadeReachesIt() {
        // GIVEN a user with a session that bob has cached by id
        alice.repository(DirectUserRepository.class).save(user("usr_rs", "s"));
        Session session = Session.create("usr_rs", "token-rs", Instant.now().plus(Duration.ofHours(1)));
        alice.repository(DirectSessionRepository.class).save(session);
        CachedSessionRepository cached = bob.repository(CachedSessionRepository.class);
        cached.findById(session.id());
        long hits = bob.cacheStats().hits();
        assertThat(cached.findById(session.id())).isPresent();
        assertThat(bob.cacheStats().hits()).isEqualTo(hits + 1);
        // WHEN alice deletes the user by id (ON DELETE CASCADE deletes the session)
        alice.repository(DirectUserRepository.class).deleteById("usr_rs");
        // THEN bob's cached read of the session by its own id sees it gone
        assertThat(cached.findById(session.id())).isEmpty();
    }

    @Test
    void findById_shouldSeeTheRow_whenItWasCachedAbsentAndThenInserted() {
        // GIVEN bob has cached that the user does not exist
        List<String> before = List.of(read("usr_late"), read("usr_late"));
        // WHEN alice inserts it
        alice.repository(DirectUserRepository.class).save(user("usr_late", "here"));
        // THEN bob sees it
        assertThat(before).containsExactly("-:MISS", "-:HIT");
        assertThat(read("usr_late")).isEqualTo("here:MISS");
    }

    @Test
    void findById_shouldMiss_whenAWriteReachesTheRowWithoutNamingItsKey() throws SQLException {
        // GIVEN bob has a user cached
        alice.repository(DirectUserRepository.class).save(user("usr_re", "e1"));
        assertThat(List.of(read("usr_re"), read("usr_re"))).containsExactly("e1:MISS", "e1:HIT");
        // WHEN alice renames it by email, not by id
        try (Connection connection = alice.direct().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE \"user\" SET name = ? WHERE email = ?")) {
            update.setString(1, "e2");
            update.setString(2, "usr_re@example.com");
            update.executeUpdate();
        }
        // THEN bob's point read misses with the new name
        assertThat(read("usr_re")).isEqualTo("e2:MISS");
    }

    @Test
    void batchUpdate_shouldInvalidateTheRowsItNames_only() throws SQLException {
        // GIVEN bob has three users cached
        alice.repository(DirectUserRepository.class).saveAll(List.of(user("usr_b1", "x"), user("usr_b2", "x"),
            user("usr_b3", "x")));
        assertThat(List.of(read("usr_b1"), read("usr_b2"), read("usr_b3"))).containsOnly("x:MISS");
        // WHEN alice renames two of them in one JDBC batch
        try (Connection connection = alice.direct().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE \"user\" SET name = ? WHERE id = ?")) {
            for (String id : List.of("usr_b1", "usr_b2")) {
                update.setString(1, "y");
                update.setString(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        // THEN those two miss with the new name, the third is still a hit
        assertThat(List.of(read("usr_b1"), read("usr_b2"), read("usr_b3")))
            .containsExactly("y:MISS", "y:MISS", "x:HIT");
    }

    @Test
    void pointRead_shouldMatchTheWrite_whenTheIntegerKeyIsBoundByAnotherSetter() throws SQLException {
        // GIVEN bob has counters 7 and 8 cached, read by a long key
        assertThat(List.of(counter(7), counter(7), counter(8), counter(8)))
            .containsExactly("1:MISS", "1:HIT", "1:MISS", "1:HIT");
        // WHEN alice updates counter 7, binding its key as an int
        try (Connection connection = alice.direct().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE counter SET n = ? WHERE id = ?")) {
            update.setInt(1, 2);
            update.setInt(2, 7);
            update.executeUpdate();
        }
        // THEN counter 7 misses with the new value, counter 8 is still a hit
        assertThat(List.of(counter(7), counter(8))).containsExactly("2:MISS", "1:HIT");
    }

    private static String counter(long id) throws SQLException {
        try (RequestContext ctx = bob.request(false); Connection connection = ctx.db().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT n FROM counter WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1) + ":" + ctx.cacheStatus().orElseThrow();
            }
        }
    }

    @Test
    void findById_shouldMiss_whenItsRowGenerationExpiredOrWasEvicted() {
        // GIVEN bob has a user cached, and row generations live in Redis with a time to live
        alice.repository(DirectUserRepository.class).save(user("usr_gone", "g"));
        assertThat(List.of(read("usr_gone"), read("usr_gone"))).containsExactly("g:MISS", "g:HIT");
        RedisClient client = RedisClient.create(TestRedis.url());
        List<Long> ttls = new ArrayList<>();
        try (var connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            List<String> rowKeys = redis.keys(prefix + "*:r:*");
            rowKeys.forEach(key -> ttls.add(redis.pttl(key)));
            // WHEN every row generation disappears (what expiry or eviction does)
            redis.del(rowKeys.toArray(String[]::new));
        } finally {
            client.shutdown();
        }
        // THEN the entry read against it is no longer valid: a miss, then hits again
        assertThat(ttls).isNotEmpty().allSatisfy(ttl -> assertThat(ttl).isBetween(1L, 150_000L));
        assertThat(List.of(read("usr_gone"), read("usr_gone"))).containsExactly("g:MISS", "g:HIT");
    }

    @Test
    void findById_shouldMiss_whenCodeThatKnowsNoRowGenerationsWritesTheTable() {
        // GIVEN bob has a user cached
        alice.repository(DirectUserRepository.class).save(user("usr_old", "o1"));
        assertThat(List.of(read("usr_old"), read("usr_old"))).containsExactly("o1:MISS", "o1:HIT");
        // WHEN code deployed before row generations renames it (during a deploy both run): its invalidation only
        // gives the user table a token of its own
        CacheTestDatabase.execute(url, "UPDATE \"user\" SET name = 'o2' WHERE id = 'usr_old'");
        RedisClient client = RedisClient.create(TestRedis.url());
        try (var connection = client.connect()) {
            for (String key : connection.sync().keys(prefix + "*:g:user")) {
                connection.sync().set(key, Long.toHexString(System.nanoTime()));
            }
        } finally {
            client.shutdown();
        }
        // THEN bob's point read misses with the new name
        assertThat(read("usr_old")).isEqualTo("o2:MISS");
    }
}
