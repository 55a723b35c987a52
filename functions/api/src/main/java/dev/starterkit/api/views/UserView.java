package dev.starterkit.api.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.starterkit.db.schema.user.User;
import java.time.Instant;

/** A user as the API shows it; {@code email} only to the user and fellow organization members. */
public record UserView(String id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String email,
                       boolean emailVerified, String image, Instant createdAt) {

    /** The view with or without the email. */
    public static UserView of(User user, boolean withEmail) {
        return new UserView(user.id(), user.name(), withEmail ? user.email() : null, user.emailVerified(),
            user.image(), user.createdAt());
    }
}
