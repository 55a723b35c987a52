package dev.starterkit.db.schema.organization;

import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Organizations; sub-interfaces bind it to a data source. */
public interface OrganizationRepository extends CrudRepository<Organization, String> {

    /** The organization with this slug. */
    Optional<Organization> findBySlug(String slug);

    /** Whether an organization has this slug. */
    boolean existsBySlug(String slug);

    /** The organizations with these ids, by name. */
    List<Organization> findByIdInOrderByName(Collection<String> ids);
}
