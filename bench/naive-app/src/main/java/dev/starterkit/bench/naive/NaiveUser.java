package dev.starterkit.bench.naive;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The columns of {@code "user"} that the API's public profile shows. */
@MappedEntity("user")
public record NaiveUser(@Id String id, String name, String email, @Nullable String image) {
}
