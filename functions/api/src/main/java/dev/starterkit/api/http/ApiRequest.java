package dev.starterkit.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API (payload 2.0) request in the terms handlers use: method, path, lower-cased headers, query
 * parameters, the body as text (base64 bodies decoded, invalid UTF-8 refused), and the request id.
 *
 * @param method upper-case HTTP method
 * @param path the raw path
 * @param headers header values by lower-case name
 * @param query query parameters (the last value wins for repeated names)
 * @param body the body, or null
 * @param requestId API Gateway's request id, or a generated one
 */
public record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                         String body, String requestId) {

    public ApiRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    /** Reads an API Gateway v2 event. */
    public static ApiRequest from(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        String path = event.getRawPath() != null ? event.getRawPath()
            : context != null && context.getHttp() != null ? context.getHttp().getPath() : "/";
        String requestId = context != null && context.getRequestId() != null ? context.getRequestId()
            : java.util.UUID.randomUUID().toString();
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
            : event.getQueryStringParameters();
        return new ApiRequest(method == null ? "GET" : method.toUpperCase(Locale.ROOT), path, headers(event), query,
            decodeBody(event.getBody(), event.getIsBase64Encoded()), requestId);
    }

    /** The headers by lower-case name; API Gateway already sends them so, and then they are copied only once. */
    private static Map<String, String> headers(APIGatewayV2HTTPEvent event) {
        Map<String, String> given = event.getHeaders();
        if (given == null) {
            return Map.of();
        }
        boolean canonical = true;
        for (Map.Entry<String, String> header : given.entrySet()) {
            String name = header.getKey();
            if (header.getValue() == null || !name.equals(name.toLowerCase(Locale.ROOT))) {
                canonical = false;
                break;
            }
        }
        if (canonical) {
            return given;
        }
        Map<String, String> headers = new HashMap<>();
        given.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
        return headers;
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether the client asked for fresh data ({@code Cache-Control: no-cache}). */
    public boolean wantsFreshReads() {
        return header("cache-control").map(v -> v.toLowerCase(Locale.ROOT).contains("no-cache")).orElse(false);
    }

    private static String decodeBody(String body, boolean base64) {
        if (body == null || !base64) {
            return body;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The body is not valid base64");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The body is not valid UTF-8");
        }
    }
}
