package dev.starterkit.db.schema.organization;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invitations; sub-interfaces bind it to a data source. */
public interface InvitationRepository extends CrudRepository<Invitation, String> {

    /** The invitation of an email address to an organization. */
    Optional<Invitation> findByOrganizationIdAndEmail(String organizationId, String email);

    /** The invitations of an organization. */
    List<Invitation> findByOrganizationId(String organizationId);

    /** The invitations of an email address with a status, e.g. {@link Invitation#PENDING}. */
    List<Invitation> findByEmailAndStatus(String email, String status);

    /**
     * Moves a pending, unexpired invitation to {@code status} (accepted or rejected) at {@code at}, atomically: of
     * concurrent callers exactly one sees 1; the others see 0.
     */
    @Query("UPDATE invitation SET status = :status, updated_at = :at,"
        + " accepted_at = CASE WHEN :status = 'accepted' THEN :at ELSE accepted_at END,"
        + " rejected_at = CASE WHEN :status = 'rejected' THEN :at ELSE rejected_at END"
        + " WHERE id = :id AND status = 'pending' AND expires_at > :at")
    long respond(String id, String status, Instant at);
}
