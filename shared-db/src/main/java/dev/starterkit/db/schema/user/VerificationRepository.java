package dev.starterkit.db.schema.user;

import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Verification values; sub-interfaces bind it to a data source. */
public interface VerificationRepository extends CrudRepository<Verification, String> {

    /** The verification of {@code identifier} with this value. */
    Optional<Verification> findByIdentifierAndValue(String identifier, String value);

    /** The verifications of an identifier. */
    List<Verification> findByIdentifier(String identifier);

    /** Deletes verifications that expired before {@code cutoff}; returns the rows deleted. */
    long deleteByExpiresAtLessThan(Instant cutoff);
}
