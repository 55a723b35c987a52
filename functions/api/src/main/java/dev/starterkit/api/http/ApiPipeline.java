package dev.starterkit.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event in, response out, for every API function: reads the request, enforces body limits, routes, maps errors in
 * one place, and adds {@code x-request-id}, {@code server-timing} and {@code x-cache}. Logs one JSON line a request.
 */
public final class ApiPipeline {

    /** Largest request body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);
    private static final Pattern JSON_TYPE = Pattern.compile("application/json\\s*(;.*)?");

    /** Called around each request; the API's request context implements it. */
    public interface RequestHooks {
        /** Starts a request; {@code freshReads} when the client sent {@code Cache-Control: no-cache}. */
        void begin(ApiRequest request);

        /** Ends it and returns the {@code x-cache} value, if any cacheable read was made. */
        Optional<String> end();

        /** Time spent in the database during the request, in milliseconds. */
        double databaseMillis();
    }

    /** Runs a routed request; the API wraps writes in one transaction around it. */
    @FunctionalInterface
    public interface RequestRunner {
        /** The response of {@code route} for {@code request}. */
        ApiResponse run(ApiRequest request, java.util.function.Supplier<ApiResponse> route);
    }

    /** The error body: {@code {"error": {"code", "message"}}}. */
    record ErrorBody(Detail error) {
        record Detail(String code, String message) {
        }
    }

    private final Router router;
    private final ErrorMapper errors;
    private final RequestHooks hooks;
    private final RequestRunner runner;

    public ApiPipeline(Router router, ErrorMapper errors, RequestHooks hooks) {
        this(router, errors, hooks, (request, route) -> route.get());
    }

    public ApiPipeline(Router router, ErrorMapper errors, RequestHooks hooks, RequestRunner runner) {
        this.router = router;
        this.errors = errors;
        this.hooks = hooks;
        this.runner = runner;
    }

    /** Handles one event. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        long start = System.nanoTime();
        String requestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
            ? event.getRequestContext().getRequestId() : java.util.UUID.randomUUID().toString();
        ApiResponse response;
        ApiRequest request = null;
        boolean begun = false;
        try {
            request = ApiRequest.from(event);
            checkBody(request);
            hooks.begin(request);
            begun = true;
            ApiRequest routed = request;
            response = runner.run(routed, () -> router.dispatch(routed));
        } catch (Throwable e) {
            response = errorResponse(errors.toApiException(e, requestId));
        }
        Optional<String> cache = begun ? hooks.end() : Optional.empty();
        double totalMs = (System.nanoTime() - start) / 1e6;
        APIGatewayV2HTTPResponse out = toEvent(response, requestId, cache, totalMs, begun ? hooks.databaseMillis() : 0);
        log(request, requestId, out.getStatusCode(), totalMs, cache);
        return out;
    }

    private static void checkBody(ApiRequest request) {
        String body = request.body();
        if (body == null || body.isEmpty()) {
            return;
        }
        if (body.length() > MAX_BODY_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiException(413, "payload_too_large", "The body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        String type = request.header("content-type").orElse("");
        if (!JSON_TYPE.matcher(type.toLowerCase(java.util.Locale.ROOT)).matches()) {
            throw new ApiException(415, "unsupported_media_type", "Send the body as application/json");
        }
    }

    private static ApiResponse errorResponse(ApiException e) {
        ApiResponse response = new ApiResponse(e.status(), new ErrorBody(new ErrorBody.Detail(e.code(),
            e.getMessage())), Map.of());
        if (e instanceof Router.MethodNotAllowedException notAllowed) {
            response = response.withHeader("allow", String.join(", ", notAllowed.allowed()));
        }
        return response;
    }

    private static APIGatewayV2HTTPResponse toEvent(ApiResponse response, String requestId, Optional<String> cache,
                                                   double totalMs, double dbMs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", requestId);
        headers.put("server-timing", RequestText.serverTiming(dbMs, totalMs));
        cache.ifPresent(value -> headers.put("x-cache", value));
        headers.putAll(response.headers());
        String body = null;
        if (response.body() != null) {
            headers.put("content-type", "application/json; charset=utf-8");
            body = Json.write(response.body());
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(headers)
            .withBody(body).withIsBase64Encoded(false).build();
    }

    private static void log(ApiRequest request, String requestId, int status, double ms, Optional<String> cache) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.info(RequestText.logLine(requestId, request == null ? null : request.method(),
            request == null ? null : request.path(), status, ms, cache.orElse(null)));
    }
}
