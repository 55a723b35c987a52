package dev.starterkit.api;

import dev.starterkit.api.http.Json;
import dev.starterkit.api.views.UserView;
import io.micronaut.core.async.publisher.Publishers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cold start: while the handler's constructor starts the data layer (single-threaded class loading), a daemon
 * thread loads what the first request needs besides it: Jackson's serializers for a view and for the log line,
 * its tree reader, the PostgreSQL driver and Micronaut's reactive-type lookup. Side-effect free: nothing here
 * touches the database, the cache or any state a request reads. See bench/README.md, "Cold start".
 */
final class ColdStartWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(ColdStartWarmup.class);

    private ColdStartWarmup() {
    }

    /** Starts the warm-up on its own daemon thread and returns at once. */
    static void startInBackground() {
        Thread thread = new Thread(ColdStartWarmup::run, "cold-start-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            Json.write(new UserView("usr_warmup", "warm-up", null, false, null, Instant.EPOCH));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("message", "warm-up");
            line.put("durationMs", 0.0);
            line.put("cache", null);
            Json.write(line);
            Json.MAPPER.readTree("{\"name\": \"warm-up\", \"n\": [1, 2.5, true, null]}");
            Class.forName("org.postgresql.Driver");
            Publishers.isConvertibleToPublisher(Object.class);
        } catch (ClassNotFoundException | RuntimeException e) {
            // only a lost head start: the request path loads the same classes itself
            LOG.debug("Cold-start warm-up stopped early: {}", e.toString());
        }
    }
}
