package dev.starterkit.api.views;

import java.time.Instant;

/** The answer to sign-up and sign-in: the user, the bearer token (shown once) and its expiry. */
public record AuthResult(UserView user, String token, Instant expiresAt) {
}
