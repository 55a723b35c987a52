package dev.starterkit.db.cache;

import static dev.starterkit.db.cache.CacheTestDatabase.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestRedis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two execution environments (two data layers, one Redis): each reads the other's writes and its own. */
class InvalidationIT {

    private static final int ROUNDS = 200;

    private static String url;
    private static DataLayer alice;
    private static DataLayer bob;

    @BeforeAll
    static void setUp() {
        url = CacheTestDatabase.create(InvalidationIT.class);
        CacheConfig config = CacheConfig.redis(TestRedis.url()).withKeyPrefix(TestRedis.prefixFor(InvalidationIT.class));
        alice = CacheTestDatabase.layer(url, "alice", config, new MutableClock(), null);
        bob = CacheTestDatabase.layer(url, "bob", config, new MutableClock(), null);
    }

    @AfterAll
    static void tearDown() {
        alice.close();
        bob.close();
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void findById_shouldSeeTheOtherClientsWrite_whenItsEntryWasCached() {
        // GIVEN bob has the user cached
        alice.repository(DirectUserRepository.class).save(user("usr_x", "before"));
        CachedUserRepository bobCached = bob.repository(CachedUserRepository.class);
        bobCached.findById("usr_x");
        assertThat(bobCached.findById("usr_x")).map(User::name).contains("before");
        long hits = bob.cacheStats().hits();
        assertThat(hits).isPositive();
        // WHEN alice renames the user through direct
        alice.repository(DirectUserRepository.class).update(user("usr_x", "after"));
        // THEN bob's next cached read sees it
        assertThat(bobCached.findById("usr_x")).map(User::name).contains("after");
    }

    @Test
    void reads_shouldNeverBeStale_whenBothClientsWriteThenReadThroughCached() throws SQLException {
        // GIVEN a user both clients read through cached, by id (a point read) and by email (a table read)
        alice.repository(DirectUserRepository.class).save(user("usr_ryow", "v0"));
        List<DataLayer> clients = List.of(alice, bob);
        int stale = 0;
        // WHEN, ROUNDS times, one client writes (by id through direct or cached, by email, by id in a transaction)
        // and both read through cached
        for (int i = 1; i <= ROUNDS; i++) {
            DataLayer writer = clients.get(i % 2);
            String name = "v" + i;
            write(writer, i % 4, name);
            for (DataLayer reader : clients) {
                CachedUserRepository cached = reader.repository(CachedUserRepository.class);
                for (int read = 0; read < 2; read++) {
                    stale += name.equals(cached.findById("usr_ryow").map(User::name).orElse(null)) ? 0 : 1;
                    stale += name.equals(cached.findByEmail("usr_ryow@example.com").map(User::name).orElse(null))
                        ? 0 : 1;
                }
            }
        }
        // THEN no read was stale, and the cache did serve hits in between
        assertThat(stale).isZero();
        assertThat(alice.cacheStats().hits() + bob.cacheStats().hits()).isGreaterThanOrEqualTo(4L * ROUNDS);
    }

    /** Renames usr_ryow: 0 by id through direct, 1 through cached, 2 by email, 3 by id inside a transaction. */
    private static void write(DataLayer writer, int kind, String name) throws SQLException {
        switch (kind) {
            case 0 -> writer.repository(DirectUserRepository.class).update(user("usr_ryow", name));
            case 1 -> writer.repository(CachedUserRepository.class).update(user("usr_ryow", name));
            default -> {
                String sql = "UPDATE \"user\" SET name = ? WHERE " + (kind == 2 ? "email" : "id") + " = ?";
                try (Connection connection = writer.direct().getConnection();
                     PreparedStatement update = connection.prepareStatement(sql)) {
                    connection.setAutoCommit(kind == 2);
                    update.setString(1, name);
                    update.setString(2, kind == 2 ? "usr_ryow@example.com" : "usr_ryow");
                    update.executeUpdate();
                    if (kind == 3) {
                        connection.commit();
                    }
                }
            }
        }
    }

    @Test
    void notes_shouldBeGone_whenTheirUserIsDeletedAndTheCascadeReachesThem() throws SQLException {
        // GIVEN a user with notes, whose notes bob has cached
        alice.repository(DirectUserRepository.class).save(user("usr_casc", "c"));
        execute(alice.direct(), "INSERT INTO note VALUES ('n1', 'usr_casc', 'hello'), ('n2', 'usr_casc', 'bye')");
        assertThat(notes(bob.cached(), "usr_casc")).containsExactly("bye", "hello");
        assertThat(notes(bob.cached(), "usr_casc")).containsExactly("bye", "hello");
        // WHEN alice deletes the user (the foreign key deletes the notes)
        alice.repository(DirectUserRepository.class).deleteById("usr_casc");
        // THEN bob's cached read of note sees no notes
        assertThat(notes(bob.cached(), "usr_casc")).isEmpty();
    }

    @Test
    void reads_shouldSeeTransactionWrites_onlyOnceCommitted() throws SQLException {
        // GIVEN bob has the user cached
        alice.repository(DirectUserRepository.class).save(user("usr_tx", "old"));
        CachedUserRepository bobCached = bob.repository(CachedUserRepository.class);
        bobCached.findById("usr_tx");
        // WHEN alice renames it inside a transaction, and bob reads before and after the commit
        String beforeCommit;
        try (Connection connection = alice.direct().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE \"user\" SET name = ? WHERE id = ?")) {
                update.setString(1, "new");
                update.setString(2, "usr_tx");
                update.executeUpdate();
            }
            beforeCommit = bobCached.findById("usr_tx").map(User::name).orElseThrow();
            connection.commit();
        }
        String afterCommit = bobCached.findById("usr_tx").map(User::name).orElseThrow();
        // THEN bob sees the old name before and the new one right after
        assertThat(beforeCommit).isEqualTo("old");
        assertThat(afterCommit).isEqualTo("new");
    }

    @Test
    void cacheStatus_shouldBeAbsent_whenRequestMadeOnlyUncacheableReads() throws SQLException {
        // GIVEN / WHEN a request that reads now() and random() through cached
        try (RequestContext ctx = alice.request(false)) {
            query(ctx.db(), "SELECT now()");
            query(ctx.db(), "SELECT random() FROM \"user\"");
            query(ctx.dbDirect(), "SELECT count(*) FROM \"user\"");
            // THEN it has no cache status
            assertThat(ctx.cacheStatus()).isEmpty();
        }
    }

    @Test
    void cacheStatus_shouldBeBypass_whenRequestOrCallBypasses() throws SQLException {
        // GIVEN a cached read
        query(alice.cached(), "SELECT count(*) FROM \"user\" WHERE name <> 'bypass'");
        // WHEN a no-cache request reads, and a normal request bypasses one call
        CacheStatus noCache;
        CacheStatus perCall;
        try (RequestContext ctx = alice.request(true)) {
            query(ctx.db(), "SELECT count(*) FROM \"user\" WHERE name <> 'bypass'");
            noCache = ctx.cacheStatus().orElseThrow();
        }
        try (RequestContext ctx = alice.request(false)) {
            query(ctx.db(), "SELECT count(*) FROM \"user\" WHERE name <> 'bypass'");
            ctx.bypassingCache(() -> query(ctx.db(), "SELECT count(*) FROM \"user\" WHERE name <> 'bypass'"));
            perCall = ctx.cacheStatus().orElseThrow();
        }
        // THEN both report BYPASS, the worst status winning over the HIT
        assertThat(noCache).isEqualTo(CacheStatus.BYPASS);
        assertThat(perCall).isEqualTo(CacheStatus.BYPASS);
    }

    static List<String> notes(DataSource source, String userId) throws SQLException {
        try (Connection connection = source.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT body FROM note WHERE user_id = ? ORDER BY body")) {
            select.setString(1, userId);
            List<String> bodies = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    bodies.add(rs.getString("body"));
                }
            }
            return bodies;
        }
    }

    static long query(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            long rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        }
    }

    static void execute(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
