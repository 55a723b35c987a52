package dev.starterkit.api.internal;

import dev.starterkit.api.http.ApiPipeline;
import dev.starterkit.api.http.ApiRequest;
import dev.starterkit.api.http.ApiResponse;
import dev.starterkit.api.idempotency.Idempotency;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the API runs a request: reads as they are; every write request in one transaction on the direct data source
 * (all of it commits or none), with {@code Idempotency-Key} applied to {@code POST}s.
 */
public final class WriteRequests implements ApiPipeline.RequestRunner {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiData data;
    private final Idempotency idempotency;

    public WriteRequests(ApiData data, Idempotency idempotency) {
        this.data = data;
        this.idempotency = idempotency;
    }

    @Override
    public ApiResponse run(ApiRequest request, Supplier<ApiResponse> route) {
        if (READS.contains(request.method())) {
            return route.get();
        }
        boolean idempotent = Idempotency.applies(request);
        return data.inRequestTransaction(() -> idempotent ? idempotency.run(request, route) : route.get());
    }
}
