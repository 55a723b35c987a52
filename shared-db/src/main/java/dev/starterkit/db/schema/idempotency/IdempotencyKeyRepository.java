package dev.starterkit.db.schema.idempotency;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Idempotency records; only ever on the direct data source, since a replay must see the latest state. */
public interface IdempotencyKeyRepository extends GenericRepository<IdempotencyKey, String> {

    /**
     * Claims {@code id} for a new request: inserts it, or takes over a record that expired. Blocks while another
     * transaction holds an uncommitted claim on the same id.
     *
     * @return 1 when claimed, 0 when a live record exists
     */
    @Query("INSERT INTO idempotency_key (id, request_hash, status_code, response, created_at, expires_at) "
        + "VALUES (:id, :requestHash, 0, NULL, :now, :expiresAt) ON CONFLICT (id) DO UPDATE SET "
        + "request_hash = EXCLUDED.request_hash, status_code = 0, response = NULL, "
        + "created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at "
        + "WHERE idempotency_key.expires_at <= EXCLUDED.created_at")
    int claim(String id, String requestHash, Instant now, Instant expiresAt);

    /** The record with this id. */
    Optional<IdempotencyKey> findById(String id);

    /** Records the response of the request that claimed {@code id}. */
    @Query("UPDATE idempotency_key SET status_code = :statusCode, response = :response WHERE id = :id")
    int complete(String id, int statusCode, byte[] response);

    /** Forgets up to {@code limit} records that expired before {@code now}. */
    @Query("DELETE FROM idempotency_key WHERE id IN "
        + "(SELECT id FROM idempotency_key WHERE expires_at <= :now LIMIT :limit)")
    int deleteExpired(Instant now, int limit);
}
