package dev.starterkit.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.users.UsersHandler;
import java.util.Arrays;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warm per-request overhead of the handler, event to response, without a database query: {@code GET /users/{id}}
 * answered from the (in-process) query cache. Baseline, interleaved call by call: Jackson alone reading the same
 * event JSON into the event class and writing the same response as JSON.
 */
final class WarmOverhead {

    private static final int WARMUP = 2_000;
    private static final int ITERATIONS = 5_000;
    private static final int ROUNDS = 5;

    private WarmOverhead() {
    }

    static void run(UsersHandler handler, String id) {
        APIGatewayV2HTTPEvent event = FirstRequest.getUser(id);
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        String eventJson = mapper.writeValueAsString(event);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        if (!response.getHeaders().getOrDefault("x-cache", "").equals("HIT")) {
            throw new IllegalStateException("expected a cache hit, got " + response.getHeaders());
        }
        long sink = 0;
        long[] subject = new long[ITERATIONS];
        long[] baseline = new long[ITERATIONS];
        for (int round = -1; round < ROUNDS; round++) {
            int n = round < 0 ? WARMUP : ITERATIONS;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                APIGatewayV2HTTPResponse out = handler.handleRequest(event, null);
                long t1 = System.nanoTime();
                APIGatewayV2HTTPEvent parsed = mapper.readValue(eventJson, APIGatewayV2HTTPEvent.class);
                String written = mapper.writeValueAsString(response);
                long t2 = System.nanoTime();
                sink += out.getStatusCode() + written.length() + parsed.getRawPath().length();
                if (round >= 0) {
                    subject[i] = t1 - t0;
                    baseline[i] = t2 - t1;
                }
            }
            if (round >= 0) {
                System.out.printf("warm %d %d%n", p50(subject), p50(baseline));
            }
        }
        System.out.println("sink " + sink);
    }

    private static long p50(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
