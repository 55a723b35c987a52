package dev.starterkit.db.schema.passkey;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Passkeys; sub-interfaces bind it to a data source. */
public interface PasskeyRepository extends CrudRepository<Passkey, String> {

    /** The passkey with this WebAuthn credential id. */
    Optional<Passkey> findByCredentialId(String credentialId);

    /** The passkeys of a user. */
    List<Passkey> findByUserId(String userId);
}
