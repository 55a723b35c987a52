package dev.starterkit.tools.fault;

import dev.starterkit.db.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads {@link RedisFaultIT} makes, in a fixed rotation: {@code GET /users/{id}} of the ten seeded users
 * (anonymous: one cacheable read each) alternating with Bob's {@code GET /users?limit=1..10} (three cacheable reads
 * each). Any {@link #DISTINCT} reads in a row make each of the twenty distinct requests once.
 */
final class CachedReads {

    /** Distinct requests in the rotation. */
    static final int DISTINCT = 20;

    private static final List<String> USERS = List.of("usr_alice00000000000", "usr_bob0000000000000",
        "usr_charlie000000000", "usr_diana00000000000", "usr_eve0000000000000", "usr_frank00000000000",
        "usr_grace00000000000", "usr_henry00000000000", "usr_ivy0000000000000", "usr_jack000000000000");
    private static final Pattern TOTAL = Pattern.compile("total;dur=([0-9.]+)");

    /**
     * One read's outcome.
     *
     * @param status the HTTP status
     * @param cache the {@code x-cache} header, or null
     * @param serverMillis the server's own time for the request ({@code server-timing: total})
     */
    record Read(int status, String cache, double serverMillis) {
    }

    private final Http http;
    private final MutableClock clock;
    private final String token;
    private int next;

    /** Reads through {@code http}; signs Bob in for the list reads. */
    CachedReads(Http http, MutableClock clock) {
        this.http = http;
        this.clock = clock;
        this.token = http.signIn("bob@example.com", "password123");
    }

    /** Makes each distinct read once, so that the cache holds all of them. */
    void warm() {
        run(DISTINCT, Duration.ZERO);
    }

    /** Makes the next {@code count} reads of the rotation, moving the cache's clock {@code step} after each. */
    List<Read> run(int count, Duration step) {
        List<Read> reads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reads.add(read(next++));
            clock.advance(step);
        }
        return reads;
    }

    /**
     * Up to {@code attempts} times: moves the clock {@code step} on and reads the first user, stopping at the first
     * {@code HIT}. Returns the {@code x-cache} values seen.
     */
    List<String> untilHit(int attempts, Duration step) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < attempts && !seen.contains("HIT"); i++) {
            clock.advance(step);
            seen.add(read(0).cache());
        }
        return seen;
    }

    private Read read(int index) {
        HttpResponse<String> response = index % 2 == 0
            ? http.get("/users/" + USERS.get(index / 2 % USERS.size()), null)
            : http.get("/users?limit=" + (1 + index / 2 % 10), token);
        Matcher total = TOTAL.matcher(response.headers().firstValue("server-timing").orElse(""));
        return new Read(response.statusCode(), response.headers().firstValue("x-cache").orElse(null),
            total.find() ? Double.parseDouble(total.group(1)) : 0);
    }
}
