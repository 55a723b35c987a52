package dev.starterkit.db.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestRedis;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RepositoriesOnBothDataSourcesIT {

    private static String url;
    private static DataLayer layer;

    @BeforeAll
    static void setUp() {
        url = CacheTestDatabase.create(RepositoriesOnBothDataSourcesIT.class);
        CacheConfig config = CacheConfig.redis(TestRedis.url())
            .withKeyPrefix(TestRedis.prefixFor(RepositoriesOnBothDataSourcesIT.class));
        layer = CacheTestDatabase.layer(url, "repos", config, new MutableClock(), null);
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        TestPostgres.get().dropDatabase(url);
    }

    private static User user(String id) {
        return new User(id, "Name " + id, id + "@example.com", true, null, false, "cus_" + id,
            Instant.now().truncatedTo(ChronoUnit.MICROS), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void findById_shouldReturnTheSameUserOnBothDataSources_whenReadTwiceThroughCached() {
        // GIVEN a user saved through the direct repository
        DirectUserRepository direct = layer.repository(DirectUserRepository.class);
        CachedUserRepository cached = layer.repository(CachedUserRepository.class);
        User saved = direct.save(user("usr_same"));
        Optional<User> fromDirect = direct.findById(saved.id());
        // WHEN read twice through the cached repository, each in its own request
        Optional<User> first;
        Optional<User> second;
        Optional<CacheStatus> firstStatus;
        Optional<CacheStatus> secondStatus;
        try (RequestContext ctx = layer.request(false)) {
            first = ctx.repository(CachedUserRepository.class).findById(saved.id());
            firstStatus = ctx.cacheStatus();
        }
        try (RequestContext ctx = layer.request(false)) {
            second = cached.findById(saved.id());
            secondStatus = ctx.cacheStatus();
        }
        // THEN both equal the direct read: the first from PostgreSQL, the second from the cache
        assertThat(fromDirect).isPresent();
        assertThat(first).isEqualTo(fromDirect);
        assertThat(second).isEqualTo(fromDirect);
        assertThat(firstStatus).contains(CacheStatus.MISS);
        assertThat(secondStatus).contains(CacheStatus.HIT);
    }

    @Test
    void finders_shouldAgreeWithDirect_whenServedFromCache() {
        // GIVEN users with and without nullable fields
        DirectUserRepository direct = layer.repository(DirectUserRepository.class);
        CachedUserRepository cached = layer.repository(CachedUserRepository.class);
        direct.save(user("usr_a"));
        direct.save(new User("usr_b", "B", "b@example.com", false, "https://img", true, null, null, null));
        // WHEN each finder runs twice through cached (miss, then hit)
        for (int round = 0; round < 2; round++) {
            // THEN every answer equals direct's
            assertThat(cached.findByEmail("b@example.com")).isEqualTo(direct.findByEmail("b@example.com"));
            assertThat(cached.findById("usr_a")).isEqualTo(direct.findById("usr_a"));
            assertThat(cached.count()).isEqualTo(direct.count());
            assertThat(List.copyOf(toList(cached.findAll()))).containsExactlyInAnyOrderElementsOf(
                toList(direct.findAll()));
            assertThat(cached.findById("usr_missing")).isEmpty();
        }
        assertThat(layer.cacheStats().hits()).isGreaterThanOrEqualTo(5);
    }

    private static List<User> toList(Iterable<User> users) {
        List<User> list = new java.util.ArrayList<>();
        users.forEach(list::add);
        return list;
    }
}
