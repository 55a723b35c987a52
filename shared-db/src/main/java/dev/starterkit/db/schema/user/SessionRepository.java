package dev.starterkit.db.schema.user;

import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions; sub-interfaces bind it to a data source. */
public interface SessionRepository extends CrudRepository<Session, String> {

    /** The session whose token hash is {@code token}. */
    Optional<Session> findByToken(String token);

    /** The sessions of a user. */
    List<Session> findByUserId(String userId);

    /** Ends the session with this token hash; returns the rows deleted. */
    long deleteByToken(String token);

    /** Ends every session of a user; returns the rows deleted. */
    long deleteByUserId(String userId);

    /** Deletes sessions that expired before {@code cutoff}; returns the rows deleted. */
    long deleteByExpiresAtLessThan(Instant cutoff);
}
