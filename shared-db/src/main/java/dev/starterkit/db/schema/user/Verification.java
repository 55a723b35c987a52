package dev.starterkit.db.schema.user;

import dev.starterkit.db.schema.SnakeCaseNames;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Timestamps;
import dev.starterkit.db.schema.ddl.DefaultSql;
import dev.starterkit.db.schema.ddl.UniqueConstraint;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A short-lived verification value ({@code verification} table), e.g. an email-verification or password-reset
 * code for an identifier; expired rows can be deleted by {@code expires_at}.
 */
@MappedEntity(value = "verification", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "verification_identifier_value_unique", columns = {"identifier", "value"})
@Index(name = "verification_identifier_idx", columns = "identifier")
@Index(name = "verification_value_idx", columns = "value")
@Index(name = "verification_expires_at_idx", columns = "expires_at")
public record Verification(
    @Id String id,
    String identifier,
    String value,
    Instant expiresAt,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** A new verification value with a fresh id. */
    public static Verification create(String identifier, String value, Instant expiresAt) {
        Instant now = Timestamps.now();
        return new Verification(Ids.next(IdPrefix.VERIFICATION), identifier, value, expiresAt, now, now);
    }

    /** This verification with another expiry. */
    public Verification withExpiresAt(Instant newExpiresAt) {
        return new Verification(id, identifier, value, newExpiresAt, createdAt, updatedAt);
    }
}
