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
 * A signed-in session of a user ({@code session} table). {@code token} holds the SHA-256 (hex) of the bearer
 * token, never the token; {@code activeOrganizationId} deliberately has no foreign key.
 */
@MappedEntity(value = "session", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "session_token_unique", columns = "token")
@Index(name = "session_user_id_idx", columns = "user_id")
@Index(name = "session_active_org_id_idx", columns = "active_organization_id")
public record Session(
    @Id String id,
    Instant expiresAt,
    String token,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt,
    @Nullable String ipAddress,
    @Nullable String userAgent,
    @ForeignKey(name = "session_user_id_user_id_fk", references = User.class, onDelete = ReferentialAction.CASCADE)
    String userId,
    @Nullable String activeOrganizationId) {

    /** A new session of {@code userId} with a fresh id, no active organization and no client details. */
    public static Session create(String userId, String tokenHash, Instant expiresAt) {
        Instant now = Timestamps.now();
        return new Session(Ids.next(IdPrefix.SESSION), expiresAt, tokenHash, now, now, null, null, userId, null);
    }

    /** This session with another active organization (or none). */
    public Session withActiveOrganizationId(@Nullable String organizationId) {
        return new Session(id, expiresAt, token, createdAt, updatedAt, ipAddress, userAgent, userId, organizationId);
    }
}
