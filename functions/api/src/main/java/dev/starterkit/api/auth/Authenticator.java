package dev.starterkit.api.auth;

import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.http.ApiRequest;
import dev.starterkit.api.internal.ApiData;
import dev.starterkit.db.schema.user.Session;
import java.time.Clock;
import java.util.Optional;

/** Checks {@code Authorization: Bearer <token>} against {@code session}, always through the direct data source. */
public final class Authenticator {

    private final ApiData data;
    private final Clock clock;

    public Authenticator(ApiData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** The signed-in user, or 401. */
    public CurrentUser require(ApiRequest request) {
        return find(request).orElseThrow(() -> ApiException.unauthorized("Sign in first: send Authorization: "
            + "Bearer <token>"));
    }

    /** The signed-in user if the request carries a valid token; a present but invalid token is still a 401. */
    public Optional<CurrentUser> find(ApiRequest request) {
        Optional<String> header = request.header("authorization");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || !SessionTokens.isWellFormed(value.substring(7))) {
            throw ApiException.unauthorized("The Authorization header must be Bearer <token>");
        }
        String hash = SessionTokens.hash(value.substring(7));
        Session session = data.direct().sessions().findByToken(hash)
            .filter(s -> s.expiresAt().isAfter(clock.instant()))
            .orElseThrow(() -> ApiException.unauthorized("The token is unknown or expired; sign in again"));
        return data.direct().users().findById(session.userId()).map(user -> new CurrentUser(user, hash))
            .or(() -> {
                throw ApiException.unauthorized("The token is unknown or expired; sign in again");
            });
    }
}
