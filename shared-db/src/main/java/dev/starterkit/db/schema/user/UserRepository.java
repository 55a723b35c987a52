package dev.starterkit.db.schema.user;

import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Users. */
public interface UserRepository extends CrudRepository<User, String> {

    /** The user with this email. */
    Optional<User> findByEmail(String email);
}
