package dev.starterkit.db.schema.user;

import dev.starterkit.db.schema.SnakeCaseNames;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.ddl.DefaultSql;
import dev.starterkit.db.schema.ddl.UniqueConstraint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A user account ({@code user} table); its email is unique. */
@MappedEntity(value = "user", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "user_email_unique", columns = "email")
public record User(
    @Id String id,
    String name,
    String email,
    @DefaultSql("false") boolean emailVerified,
    @Nullable String image,
    @DefaultSql("false") boolean isAnonymous,
    @Nullable String stripeCustomerId,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** A new, unverified, non-anonymous user with a fresh id. */
    public static User create(String name, String email) {
        Instant now = Timestamps.now();
        return new User(Ids.next(IdPrefix.USER), name, email, false, null, false, null, now, now);
    }

    /** This user with another name. */
    public User withName(String newName) {
        return new User(id, newName, email, emailVerified, image, isAnonymous, stripeCustomerId, createdAt,
            updatedAt);
    }

    /** This user with the email marked verified or not. */
    public User withEmailVerified(boolean verified) {
        return new User(id, name, email, verified, image, isAnonymous, stripeCustomerId, createdAt, updatedAt);
    }
}
