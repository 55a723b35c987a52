package dev.starterkit.db.schema.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.RoundTrip;
import dev.starterkit.db.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Passkey rows through their direct repository on a migrated database. */
class PasskeyRepositoryIT {

    private static TestDatabase database;
    private static DataLayer layer;
    private static DirectUserRepository users;
    private static DirectPasskeyRepository passkeys;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.migrated(PasskeyRepositoryIT.class);
        layer = database.openDataLayer();
        users = layer.repository(DirectUserRepository.class);
        passkeys = layer.repository(DirectPasskeyRepository.class);
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        database.close();
    }

    @Test
    void save_should_roundTripAPasskey_when_aUserRegistersOne() {
        // GIVEN a user and a new passkey of it
        User user = users.save(User.create("Pat Passkey", "pat@example.com"));
        Passkey fresh = Passkey.create(user.id(), "cred-1", "pk-base64", "multiDevice", true);
        // WHEN it is saved and looked up by credential id and by user
        Passkey saved = passkeys.save(fresh);
        // THEN it starts at counter 0 and both finders return it
        assertThat(Ids.isValid(IdPrefix.PASSKEY, saved.id())).isTrue();
        assertThat(saved.counter()).isZero();
        assertThat(passkeys.findByCredentialId("cred-1")).contains(saved);
        assertThat(passkeys.findByUserId(user.id())).containsExactly(saved);
        passkeys.deleteById(saved.id());
        Instant usedAt = Timestamps.now();
        Passkey stored = RoundTrip.check(passkeys, fresh, p -> p.used(7, usedAt));
        assertThat(stored.counter()).isEqualTo(7);
        assertThat(stored.lastUsedAt()).isEqualTo(usedAt);
    }
}
