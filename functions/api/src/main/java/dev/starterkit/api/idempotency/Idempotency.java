package dev.starterkit.api.idempotency;

import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.http.ApiRequest;
import dev.starterkit.api.http.ApiResponse;
import dev.starterkit.api.http.Json;
import dev.starterkit.api.http.RawJson;
import dev.starterkit.db.schema.idempotency.IdempotencyKey;
import dev.starterkit.db.schema.idempotency.IdempotencyKeyRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on {@code POST}: the first request with a key runs and its response is recorded in the
 * same transaction as its writes; a retry with the same key and request replays that response (with
 * {@code idempotent-replayed: true}); the same key with another request is refused with 422. A request that fails
 * leaves no record (its writes were rolled back too), so its retry runs again. Records live 24 hours.
 */
public final class Idempotency {

    /** How long a key is remembered. */
    public static final Duration TTL = Duration.ofHours(24);
    /** The request header. */
    public static final String HEADER = "idempotency-key";
    private static final int CLEANUP_EVERY = 128;
    private static final int CLEANUP_BATCH = 200;
    private static final String IN_PROGRESS = "A request with this Idempotency-Key is in progress; retry it";

    /** What is recorded of a response. */
    record Recorded(Map<String, String> headers, String body) {
    }

    private final Supplier<? extends IdempotencyKeyRepository> records;
    private final Clock clock;
    private int claims;

    public Idempotency(Supplier<? extends IdempotencyKeyRepository> records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Whether {@code request} asks for idempotency: a {@code POST} with the header. */
    public static boolean applies(ApiRequest request) {
        return "POST".equals(request.method()) && request.header(HEADER).isPresent();
    }

    /** Runs {@code route} once per key, or replays its recorded response. Call inside the request's transaction. */
    public ApiResponse run(ApiRequest request, Supplier<ApiResponse> route) {
        IdempotentRequest idempotent = IdempotentRequest.of(request, request.header(HEADER).orElseThrow());
        Instant now = clock.instant();
        IdempotencyKeyRepository repository = records.get();
        forgetExpired(repository, now);
        if (repository.claim(idempotent.id(), idempotent.requestHash(), now, now.plus(TTL)) == 0) {
            return replay(idempotent, repository.findById(idempotent.id()).orElseThrow(
                () -> ApiException.conflict(IN_PROGRESS)));
        }
        ApiResponse response = route.get();
        repository.complete(idempotent.id(), response.status(), idempotent.seal(record(response)));
        return response;
    }

    private static ApiResponse replay(IdempotentRequest idempotent, IdempotencyKey record) {
        if (!record.requestHash().equals(idempotent.requestHash())) {
            throw ApiException.validation("This Idempotency-Key was used for a different request");
        }
        if (record.statusCode() == 0 || record.response() == null) {
            throw ApiException.conflict(IN_PROGRESS);
        }
        Recorded recorded = read(idempotent.open(record.response()));
        return new ApiResponse(record.statusCode(), recorded.body() == null ? null : new RawJson(recorded.body()),
            recorded.headers()).withHeader("idempotent-replayed", "true");
    }

    private static byte[] record(ApiResponse response) {
        String body = response.body() == null ? null : Json.write(response.body());
        return Json.write(new Recorded(response.headers(), body)).getBytes(StandardCharsets.UTF_8);
    }

    private static Recorded read(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, Recorded.class);
        } catch (RuntimeException e) {
            throw new IdempotencyRecordException("The recorded response is not readable", e);
        }
    }

    private void forgetExpired(IdempotencyKeyRepository repository, Instant now) {
        if (claims++ % CLEANUP_EVERY == 0) {
            repository.deleteExpired(now, CLEANUP_BATCH);
        }
    }
}
