package dev.starterkit.db.schema.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.testing.RoundTrip;
import dev.starterkit.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscription rows through their direct repository on a migrated database. */
class SubscriptionRepositoryIT {

    private static TestDatabase database;
    private static DataLayer layer;
    private static DirectSubscriptionRepository subscriptions;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.migrated(SubscriptionRepositoryIT.class);
        layer = database.openDataLayer();
        subscriptions = layer.repository(DirectSubscriptionRepository.class);
    }

    @AfterAll
    static void tearDown() {
        layer.close();
        database.close();
    }

    @Test
    void save_should_roundTripASubscription_when_createdForAReferenceWithoutForeignKey() {
        // GIVEN a new subscription of an organization id that has no row (reference_id has no foreign key)
        Subscription fresh = Subscription.create("org_0000000000000000", "pro");
        // WHEN it is saved, linked to Stripe, and looked up
        Subscription saved = subscriptions.save(fresh);
        // THEN it starts incomplete, not canceling, and the finders return it
        assertThat(Ids.isValid(IdPrefix.SUBSCRIPTION, saved.id())).isTrue();
        assertThat(saved.status()).isEqualTo(Subscription.INCOMPLETE);
        assertThat(saved.cancelAtPeriodEnd()).isFalse();
        assertThat(subscriptions.findByReferenceId("org_0000000000000000")).containsExactly(saved);
        subscriptions.deleteById(saved.id());
        Subscription stored = RoundTrip.check(subscriptions, fresh, s -> s.linked("cus_123", "sub_123", "active"));
        assertThat(stored.status()).isEqualTo("active");
        Subscription linked = subscriptions.save(stored);
        assertThat(subscriptions.findByStripeSubscriptionId("sub_123")).contains(linked);
        assertThat(subscriptions.findByStripeCustomerId("cus_123")).containsExactly(linked);
    }
}
