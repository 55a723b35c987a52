package dev.starterkit.db.schema.subscription;

import dev.starterkit.db.schema.SnakeCaseNames;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.ddl.DefaultSql;
import dev.starterkit.db.schema.ddl.UniqueConstraint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A Stripe subscription to a plan ({@code subscription} table). {@code referenceId} is the subscribing user or
 * organization id and deliberately has no foreign key; the Stripe subscription id is unique.
 */
@MappedEntity(value = "subscription", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "subscription_stripeSubscriptionId_unique", columns = "stripe_subscription_id")
@Index(name = "subscription_reference_id_idx", columns = "reference_id")
@Index(name = "subscription_stripe_customer_id_idx", columns = "stripe_customer_id")
public record Subscription(
    @Id String id,
    String plan,
    String referenceId,
    @Nullable String stripeCustomerId,
    @Nullable String stripeSubscriptionId,
    @DefaultSql("'incomplete'") String status,
    @Nullable Instant periodStart,
    @Nullable Instant periodEnd,
    @Nullable Instant trialStart,
    @Nullable Instant trialEnd,
    @DefaultSql("false") @Nullable Boolean cancelAtPeriodEnd,
    @Nullable Instant cancelAt,
    @Nullable Instant canceledAt,
    @Nullable Instant endedAt,
    @Nullable Integer seats,
    @Nullable String billingInterval,
    @Nullable String groupId,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** The status of a subscription whose first payment has not succeeded yet. */
    public static final String INCOMPLETE = "incomplete";

    /** A new incomplete subscription of {@code referenceId} to {@code plan}, with a fresh id. */
    public static Subscription create(String referenceId, String plan) {
        Instant now = Timestamps.now();
        return new Subscription(Ids.next(IdPrefix.SUBSCRIPTION), plan, referenceId, null, null, INCOMPLETE, null, null,
            null, null, false, null, null, null, null, null, null, now, now);
    }

    /** This subscription linked to its Stripe customer and subscription, with a new status. */
    public Subscription linked(String customerId, String subscriptionId, String newStatus) {
        return new Subscription(id, plan, referenceId, customerId, subscriptionId, newStatus, periodStart, periodEnd,
            trialStart, trialEnd, cancelAtPeriodEnd, cancelAt, canceledAt, endedAt, seats, billingInterval, groupId,
            createdAt, updatedAt);
    }
}
