package dev.starterkit.db.schema.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.testing.RoundTrip;
import dev.starterkit.db.testing.TestDatabase;
import io.micronaut.data.model.Limit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** User, session, identity and verification rows through their direct repositories on a migrated database. */
class UserRepositoriesIT {

    private static TestDatabase database;
    private static DataLayer layer;
    private static DirectUserRepository users;
    private static DirectSessionRepository sessions;
    private static DirectIdentityRepository identities;
    private static DirectVerificationRepository verifications;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.migrated(UserRepositoriesIT.class);
        layer = database.openDataLayer();
        users = layer.repository(DirectUserRepository.class);
        sessions = layer.repository(DirectSessionRepository.class);
        identities = layer.repository(DirectIdentityRepository.class);
        verifications = layer.repository(DirectVerificationRepository.class);
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        database.close();
    }

    @Test
    void save_should_roundTripAUser_when_createdWithTheFactory() {
        // GIVEN a new user from the factory
        User fresh = User.create("Ada Lovelace", "ada@example.com");
        // WHEN it is saved, read, renamed, verified and deleted
        User stored = RoundTrip.check(users, fresh, u -> u.withName("Ada King").withEmailVerified(true));
        // THEN its id has the user prefix and the change was kept until the delete
        assertThat(Ids.isValid(IdPrefix.USER, fresh.id())).isTrue();
        assertThat(stored.name()).isEqualTo("Ada King");
        assertThat(stored.emailVerified()).isTrue();
    }

    @Test
    void findByEmail_should_returnTheUser_when_theEmailIsTaken() {
        // GIVEN a saved user
        User saved = users.save(User.create("Grace Hopper", "grace.hopper@example.com"));
        // WHEN it is looked up by email
        // THEN it is found, and an unknown email finds nothing
        assertThat(users.findByEmail("grace.hopper@example.com")).contains(saved);
        assertThat(users.existsByEmail("grace.hopper@example.com")).isTrue();
        assertThat(users.findByEmail("nobody@example.com")).isEmpty();
        assertThat(users.findByIdIn(List.of(saved.id(), "usr_0000000000000000"))).containsExactly(saved);
    }

    @Test
    void findByIdGreaterThanOrderById_should_pageThroughEveryUserOnce_when_followingTheCursor() {
        // GIVEN seven more users
        IntStream.range(0, 7).forEach(i -> users.save(User.create("Page " + i, "page" + i + "@example.com")));
        List<String> all = new ArrayList<>();
        users.findAll().forEach(u -> all.add(u.id()));
        // WHEN pages of three are read, each after the last id of the one before
        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<User> page = users.findByIdGreaterThanOrderById("", Limit.of(3, 0));
        while (!page.isEmpty()) {
            sizes.add(page.size());
            page.forEach(u -> paged.add(u.id()));
            page = users.findByIdGreaterThanOrderById(page.get(page.size() - 1).id(), Limit.of(3, 0));
        }
        // THEN every user came exactly once, in id order, in full pages but the last
        assertThat(paged).hasSize(all.size()).containsExactlyInAnyOrderElementsOf(all).isSorted();
        assertThat(sizes).hasSize((all.size() + 2) / 3);
        assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(3);
    }

    @Test
    void save_should_roundTripASession_when_createdForAUser() {
        // GIVEN a user and a new session of it
        User user = users.save(User.create("Sam Session", "sam@example.com"));
        Session fresh = Session.create(user.id(), "a".repeat(64), Timestamps.now().plus(7, ChronoUnit.DAYS));
        // WHEN the session is saved and found by token hash and by user
        sessions.save(fresh);
        Session byToken = sessions.findByToken("a".repeat(64)).orElseThrow();
        // THEN it is the same row, and it round-trips like every entity
        assertThat(byToken.id()).isEqualTo(fresh.id());
        assertThat(sessions.findByUserId(user.id())).containsExactly(byToken);
        sessions.deleteById(fresh.id());
        Session stored = RoundTrip.check(sessions, fresh, s -> s.withActiveOrganizationId("org_0123456789abcdef"));
        assertThat(stored.activeOrganizationId()).isEqualTo("org_0123456789abcdef");
    }

    @Test
    void deleteByToken_should_endOnlyThatSession_when_aUserHasTwo() {
        // GIVEN a user with two sessions
        User user = users.save(User.create("Two Sessions", "two.sessions@example.com"));
        Instant expiry = Timestamps.now().plus(1, ChronoUnit.DAYS);
        sessions.save(Session.create(user.id(), "b".repeat(64), expiry));
        Session kept = sessions.save(Session.create(user.id(), "c".repeat(64), expiry));
        // WHEN one is deleted by token hash
        long deleted = sessions.deleteByToken("b".repeat(64));
        // THEN one row went and the other stayed
        assertThat(deleted).isEqualTo(1);
        assertThat(sessions.findByUserId(user.id())).containsExactly(kept);
    }

    @Test
    void save_should_roundTripAnIdentity_when_createdForAUser() {
        // GIVEN a user and its password identity
        User user = users.save(User.create("Ida Identity", "ida@example.com"));
        Identity fresh = Identity.create(user.id(), Identity.CREDENTIAL_PROVIDER, user.id());
        // WHEN it is saved and found by provider and account, and by user
        Identity saved = identities.save(fresh);
        // THEN each finder returns it
        assertThat(identities.findByProviderIdAndAccountId(Identity.CREDENTIAL_PROVIDER, user.id())).contains(saved);
        assertThat(identities.findByUserId(user.id())).containsExactly(saved);
        assertThat(identities.findByUserIdAndProviderId(user.id(), "github")).isEmpty();
        identities.deleteById(saved.id());
        Identity stored = RoundTrip.check(identities, fresh, i -> i.withPassword("$argon2id$v=19$m=19456,t=2,p=1$x"));
        assertThat(stored.password()).startsWith("$argon2id$");
    }

    @Test
    void save_should_roundTripAVerification_when_created() {
        // GIVEN a new verification value
        Instant expiry = Timestamps.now().plus(10, ChronoUnit.MINUTES);
        Verification fresh = Verification.create("email-verification:ada@example.com", "123456", expiry);
        // WHEN it round-trips with a later expiry
        Verification stored = RoundTrip.check(verifications, fresh, v -> v.withExpiresAt(expiry.plusSeconds(60)));
        // THEN the later expiry was stored
        assertThat(stored.expiresAt()).isEqualTo(expiry.plusSeconds(60));
    }

    @Test
    void deleteByExpiresAtLessThan_should_removeOnlyExpiredVerifications_when_someHaveExpired() {
        // GIVEN one expired and one live verification of the same identifier
        Instant now = Timestamps.now();
        verifications.save(Verification.create("reset:eve@example.com", "old", now.minusSeconds(60)));
        Verification live = verifications.save(Verification.create("reset:eve@example.com", "new",
            now.plusSeconds(600)));
        // WHEN expired ones are deleted
        long deleted = verifications.deleteByExpiresAtLessThan(now);
        // THEN only the live one is left and it is found by identifier and value
        assertThat(deleted).isEqualTo(1);
        assertThat(verifications.findByIdentifier("reset:eve@example.com")).containsExactly(live);
        assertThat(verifications.findByIdentifierAndValue("reset:eve@example.com", "new")).contains(live);
    }
}
