package dev.starterkit.tools.fault;

import dev.starterkit.api.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** A JSON-over-HTTP client of a {@link FaultServer}, with the calls the fault tests share. */
final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FaultServer server;

    Http(FaultServer server) {
        this.server = server;
    }

    /** Sends a request; {@code token} (may be null) goes into {@code Authorization: Bearer}. */
    HttpResponse<String> send(String method, String pathAndQuery, String jsonBody, String token) {
        return send(request(method, pathAndQuery, jsonBody, token).build());
    }

    /** Sends a request built by the caller, without waiting for the response. */
    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body (may be null) and a bearer token (may be null), for more headers. */
    HttpRequest.Builder request(String method, String pathAndQuery, String jsonBody, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(pathAndQuery)).timeout(TIMEOUT)
            .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return request;
    }

    /** Sends a request built by the caller. */
    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getRawPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    HttpResponse<String> get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, null, token);
    }

    HttpResponse<String> post(String pathAndQuery, String jsonBody, String token) {
        return send("POST", pathAndQuery, jsonBody, token);
    }

    /** Signs in and returns the bearer token; fails unless the server answers 200. */
    String signIn(String email, String password) {
        HttpResponse<String> response = post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\""
            + password + "\"}", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of " + email + " answered " + response.statusCode());
        }
        return json(response.body()).get("token").asString();
    }

    /** The error code of an error response, or null when the body is not the API's error JSON. */
    static String errorCode(HttpResponse<String> response) {
        try {
            JsonNode error = json(response.body()).get("error");
            return error == null || error.get("code") == null ? null : error.get("code").asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static JsonNode json(String body) {
        return Json.MAPPER.readTree(body);
    }
}
