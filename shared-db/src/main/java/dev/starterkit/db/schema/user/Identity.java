package dev.starterkit.db.schema.user;

import dev.starterkit.db.schema.SnakeCaseNames;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.ddl.DefaultSql;
import dev.starterkit.db.schema.ddl.ForeignKey;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.UniqueConstraint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a user signs in with one provider ({@code identity} table): an OAuth account with its tokens, or provider
 * {@code credential} with a password hash (PHC string). One row per provider and account.
 */
@MappedEntity(value = "identity", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "identity_provider_account_unique", columns = {"provider_id", "account_id"})
@Index(name = "identity_user_id_idx", columns = "user_id")
public record Identity(
    @Id String id,
    String accountId,
    String providerId,
    @ForeignKey(name = "identity_user_id_user_id_fk", references = User.class, onDelete = ReferentialAction.CASCADE)
    String userId,
    @Nullable String accessToken,
    @Nullable String refreshToken,
    @Nullable String idToken,
    @Nullable Instant accessTokenExpiresAt,
    @Nullable Instant refreshTokenExpiresAt,
    @Nullable String scope,
    @Nullable String password,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** The provider id of email-and-password identities. */
    public static final String CREDENTIAL_PROVIDER = "credential";

    /** A new identity of {@code userId} at a provider, without tokens or password, with a fresh id. */
    public static Identity create(String userId, String providerId, String accountId) {
        Instant now = Timestamps.now();
        return new Identity(Ids.next(IdPrefix.IDENTITY), accountId, providerId, userId, null, null, null, null, null,
            null, null, now, now);
    }

    /** This identity with another password hash (or none). */
    public Identity withPassword(@Nullable String passwordHash) {
        return new Identity(id, accountId, providerId, userId, accessToken, refreshToken, idToken,
            accessTokenExpiresAt, refreshTokenExpiresAt, scope, passwordHash, createdAt, updatedAt);
    }
}
