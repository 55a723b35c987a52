package dev.starterkit.db.schema.user;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Sign-in identities; sub-interfaces bind it to a data source. */
public interface IdentityRepository extends CrudRepository<Identity, String> {

    /** The identity of an account at a provider. */
    Optional<Identity> findByProviderIdAndAccountId(String providerId, String accountId);

    /** The identities of a user. */
    List<Identity> findByUserId(String userId);

    /** A user's identity at one provider, e.g. {@link Identity#CREDENTIAL_PROVIDER}. */
    Optional<Identity> findByUserIdAndProviderId(String userId, String providerId);
}
