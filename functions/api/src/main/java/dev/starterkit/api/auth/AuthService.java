package dev.starterkit.api.auth;

import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.internal.ApiData;
import dev.starterkit.api.views.AuthResult;
import dev.starterkit.api.views.UserView;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.user.Identity;
import dev.starterkit.db.schema.user.Session;
import dev.starterkit.db.schema.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Sign-up, sign-in, sign-out and profile changes. Passwords live in {@code identity} as bcrypt hashes. */
public final class AuthService {

    private final ApiData data;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionTtl;

    public AuthService(ApiData data, PasswordHasher hasher, Clock clock, Duration sessionTtl) {
        this.data = data;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    /** Creates the user, their password identity and a session, in one transaction. */
    public AuthResult signUp(String name, String email, String password) {
        String hash = hasher.hash(password);
        return data.inTransaction(() -> {
            User user = data.direct().users().save(User.create(name, email));
            Identity identity = Identity.create(user.id(), Identity.CREDENTIAL_PROVIDER, user.id());
            data.direct().identities().save(identity.withPassword(hash));
            return newSession(user);
        });
    }

    /** Checks the password and opens a session; the same 401 whether the email or the password was wrong. */
    public AuthResult signIn(String email, String password) {
        Optional<User> user = data.direct().users().findByEmail(email);
        Optional<String> stored = user.flatMap(u -> data.direct().identities()
            .findByUserIdAndProviderId(u.id(), Identity.CREDENTIAL_PROVIDER)).map(Identity::password);
        if (stored.isEmpty()) {
            hasher.burn(password);
            throw ApiException.unauthorized("Wrong email or password");
        }
        if (!hasher.matches(password, stored.get())) {
            throw ApiException.unauthorized("Wrong email or password");
        }
        return newSession(user.get());
    }

    /** Ends the session of the token the request was made with. */
    public void signOut(CurrentUser current) {
        data.direct().sessions().deleteByToken(current.tokenHash());
    }

    /** Changes the signed-in user's name and image; {@code clearImage} removes the image. */
    public UserView updateProfile(CurrentUser current, Optional<String> name, Optional<String> image,
                                  boolean clearImage) {
        User user = current.user();
        User changed = new User(user.id(), name.orElse(user.name()),
            user.email(), user.emailVerified(), clearImage ? null : image.orElse(user.image()), user.isAnonymous(),
            user.stripeCustomerId(), user.createdAt(), Timestamps.now());
        return UserView.of(data.direct().users().update(changed), true);
    }

    private AuthResult newSession(User user) {
        String token = SessionTokens.newToken();
        Instant expiresAt = Timestamps.truncate(clock.instant().plus(sessionTtl));
        data.direct().sessions().save(Session.create(user.id(), SessionTokens.hash(token), expiresAt));
        return new AuthResult(UserView.of(user, true), token, expiresAt);
    }
}
