package dev.starterkit.db.schema.passkey;

import dev.starterkit.db.schema.SnakeCaseNames;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.ddl.DefaultSql;
import dev.starterkit.db.schema.ddl.ForeignKey;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.UniqueConstraint;
import dev.starterkit.db.schema.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A WebAuthn credential of a user ({@code passkey} table). The credential id is unique; the constraint keeps the
 * original's name {@code passkey_credentialID_unique}.
 */
@MappedEntity(value = "passkey", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "passkey_credentialID_unique", columns = "credential_id")
@Index(name = "passkey_user_id_idx", columns = "user_id")
public record Passkey(
    @Id String id,
    @Nullable String name,
    String publicKey,
    @ForeignKey(name = "passkey_user_id_user_id_fk", references = User.class, onDelete = ReferentialAction.CASCADE)
    String userId,
    String credentialId,
    @DefaultSql("0") int counter,
    String deviceType,
    boolean backedUp,
    @Nullable String transports,
    @Nullable String aaguid,
    @Nullable Instant lastUsedAt,
    @Nullable String deviceName,
    @Nullable String platform,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** A new passkey of {@code userId} with counter 0 and a fresh id. */
    public static Passkey create(String userId, String credentialId, String publicKey, String deviceType,
                                 boolean backedUp) {
        Instant now = Timestamps.now();
        return new Passkey(Ids.next(IdPrefix.PASSKEY), null, publicKey, userId, credentialId, 0, deviceType, backedUp,
            null, null, null, null, null, now, now);
    }

    /** This passkey after a sign-in that reported {@code newCounter} at {@code when}. */
    public Passkey used(int newCounter, Instant when) {
        return new Passkey(id, name, publicKey, userId, credentialId, newCounter, deviceType, backedUp, transports,
            aaguid, when, deviceName, platform, createdAt, updatedAt);
    }
}
