package dev.starterkit.db.schema.idempotency;

import dev.starterkit.db.schema.SnakeCaseNames;
import dev.starterkit.db.schema.ddl.DefaultSql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A write request made with an {@code Idempotency-Key} ({@code idempotency_key} table), kept 24 hours so that a
 * retry replays the first response instead of writing again. The client's key is never stored: {@code id} is a
 * SHA-256 of the key and its caller, and the response is sealed with a key derived from them.
 *
 * @param id hex SHA-256 of the caller's credentials and the key
 * @param requestHash hex SHA-256 of the method, path and body, to refuse the key's reuse for another request
 * @param statusCode the recorded response's status; 0 while the first request runs
 * @param response the recorded response, sealed; null while the first request runs
 * @param createdAt when the first request came
 * @param expiresAt when the record may be forgotten
 */
@MappedEntity(value = "idempotency_key", namingStrategy = SnakeCaseNames.class)
@Index(name = "idempotency_key_expires_at_idx", columns = "expires_at")
public record IdempotencyKey(
    @Id String id,
    String requestHash,
    @DefaultSql("0") int statusCode,
    @Nullable byte[] response,
    @DefaultSql("now()") Instant createdAt,
    Instant expiresAt) {
}
