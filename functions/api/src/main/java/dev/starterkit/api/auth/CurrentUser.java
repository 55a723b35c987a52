package dev.starterkit.api.auth;

import dev.starterkit.db.schema.user.User;

/**
 * The signed-in user of a request and the hash of the token they signed in with.
 *
 * @param user the user, read fresh
 * @param tokenHash the SHA-256 of the bearer token
 */
public record CurrentUser(User user, String tokenHash) {

    public String id() {
        return user.id();
    }
}
