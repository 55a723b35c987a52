package dev.starterkit.db.schema.organization;

import io.micronaut.data.model.Limit;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Organization memberships; sub-interfaces bind it to a data source. */
public interface MemberRepository extends CrudRepository<Member, String> {

    /** The memberships of a user. */
    List<Member> findByUserId(String userId);

    /** The members of an organization. */
    List<Member> findByOrganizationId(String organizationId);

    /** The members of any of these organizations, in one query. */
    List<Member> findByOrganizationIdIn(Collection<String> organizationIds);

    /** Members of an organization with ids after {@code afterId} in id order, at most {@code limit}. */
    List<Member> findByOrganizationIdAndIdGreaterThanOrderById(String organizationId, String afterId, Limit limit);

    /** A user's membership of an organization. */
    Optional<Member> findByUserIdAndOrganizationId(String userId, String organizationId);

    /** How many members of an organization have a role (e.g. to keep its last owner). */
    long countByOrganizationIdAndRole(String organizationId, String role);
}
