package dev.starterkit.db.schema.organization;

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

/** An organization users belong to ({@code organization} table); its slug is unique. */
@MappedEntity(value = "organization", namingStrategy = SnakeCaseNames.class)
@UniqueConstraint(name = "organization_slug_unique", columns = "slug")
public record Organization(
    @Id String id,
    String name,
    String slug,
    @Nullable String logo,
    @Nullable String metadata,
    @Nullable String stripeCustomerId,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant createdAt,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @DefaultSql("now()") Instant updatedAt) {

    /** A new organization without logo or metadata, with a fresh id. */
    public static Organization create(String name, String slug) {
        Instant now = Timestamps.now();
        return new Organization(Ids.next(IdPrefix.ORGANIZATION), name, slug, null, null, null, now, now);
    }

    /** This organization with another name. */
    public Organization withName(String newName) {
        return new Organization(id, newName, slug, logo, metadata, stripeCustomerId, createdAt, updatedAt);
    }
}
