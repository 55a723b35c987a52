package dev.starterkit.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route returns: a status and a JSON body (or none).
 *
 * @param status the HTTP status
 * @param body the object to serialize as JSON, or null for no body
 * @param headers extra headers
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    /** A copy with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }
}
