package dev.starterkit.db.schema.subscription;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Subscriptions; sub-interfaces bind it to a data source. */
public interface SubscriptionRepository extends CrudRepository<Subscription, String> {

    /** The subscriptions of a user or organization. */
    List<Subscription> findByReferenceId(String referenceId);

    /** The subscription with this Stripe subscription id. */
    Optional<Subscription> findByStripeSubscriptionId(String stripeSubscriptionId);

    /** The subscriptions of a Stripe customer. */
    List<Subscription> findByStripeCustomerId(String stripeCustomerId);
}
