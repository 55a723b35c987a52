package dev.starterkit.tools.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** A client of bin/dev's server for fault tests: the calls a user's app makes, over real HTTP. */
final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs a seeded user in (password {@code password123}) and returns the session token. */
    String signIn(String email) throws Exception {
        HttpResponse<String> response = http.send(post("/auth/sign-in", null, null,
            "{\"email\":\"" + email + "\",\"password\":\"password123\"}"), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** {@code GET path} with the token. */
    HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /organizations} with {@code slug} as name and slug, and an Idempotency-Key unless null. */
    HttpResponse<String> createOrganization(String token, String slug, String key) throws Exception {
        return createOrganizationAsync(token, slug, key).get();
    }

    /** The same, without waiting for the response. */
    CompletableFuture<HttpResponse<String>> createOrganizationAsync(String token, String slug, String key) {
        return http.sendAsync(post("/organizations", token, key, "{\"name\":\"" + slug + "\",\"slug\":\"" + slug
            + "\"}"), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String token, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }
}
