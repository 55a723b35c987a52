package dev.starterkit.db.schema.organization;

import io.micronaut.data.repository.CrudRepository;
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
}
