package dev.starterkit.db.schema.user;

import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A user account. */
@MappedEntity("user")
public record User(@Id String id, String name, String email, boolean emailVerified, @Nullable String image,
                   boolean isAnonymous, @Nullable String stripeCustomerId,
                   @DateCreated @Nullable Instant createdAt, @DateUpdated @Nullable Instant updatedAt) {
}
