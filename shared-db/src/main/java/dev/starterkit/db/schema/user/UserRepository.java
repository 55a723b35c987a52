package dev.starterkit.db.schema.user;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.model.Limit;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Users; sub-interfaces bind it to a data source. */
public interface UserRepository extends CrudRepository<User, String> {

    /** The user with this email. */
    Optional<User> findByEmail(String email);

    /** Whether a user has this email. */
    boolean existsByEmail(String email);

    /** Users with ids after {@code afterId} in id order, at most {@code limit}: a page of a cursor listing. */
    List<User> findByIdGreaterThanOrderById(String afterId, Limit limit);

    /** The users with these ids. */
    List<User> findByIdIn(Collection<String> ids);

    /** Renames the user with this id in one {@code UPDATE} (no read first); {@code updatedAt} is set too. */
    void update(@Id String id, String name);
}
