package dev.starterkit.db.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Secrets Manager endpoint of a test's own, on an ephemeral port, for the SDK's endpoint override
 * ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER}): it answers {@code GetSecretValue} in the service's JSON protocol with
 * {@code {"username", "password"}} secrets the test stores and rotates, and counts the calls per secret. It never
 * prints a secret.
 */
public final class FakeSecretsManager implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TARGET = "secretsmanager.GetSecretValue";

    private final HttpServer server;
    private final Map<String, Stored> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger unsigned = new AtomicInteger();

    private record Stored(String username, String password, String versionId) {
    }

    private FakeSecretsManager(HttpServer server) {
        this.server = server;
    }

    /** Starts the endpoint on 127.0.0.1 and a port the OS chose. */
    public static FakeSecretsManager start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeSecretsManager fake = new FakeSecretsManager(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Secrets Manager", e);
        }
    }

    /**
     * Gives the SDK's default credential chain dummy keys for this JVM (it reads the {@code aws.*} system properties
     * before the process environment, which a test cannot set); {@link #close()} removes them.
     */
    public FakeSecretsManager withDummyCredentials() {
        System.setProperty("aws.accessKeyId", "AKIDFAKESECRETSMANAGER");
        System.setProperty("aws.secretAccessKey", "fake-secret-access-key");
        return this;
    }

    /** The endpoint URL, for {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stores (or rotates: a new version replaces the current one) the credentials of {@code secretId}. */
    public void put(String secretId, String username, String password) {
        secrets.put(secretId, new Stored(username, password, UUID.randomUUID().toString()));
    }

    /** {@code GetSecretValue} calls made for {@code secretId} so far. */
    public int calls(String secretId) {
        AtomicInteger count = calls.get(secretId);
        return count == null ? 0 : count.get();
    }

    /** Requests that came without a SigV4 {@code Authorization} header (the SDK always signs). */
    public int unsignedRequests() {
        return unsigned.get();
    }

    @Override
    public void close() {
        server.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
                unsigned.incrementAndGet();
            }
            if (!TARGET.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                error(exchange, 400, "UnknownOperationException", "Only GetSecretValue is served here");
                return;
            }
            JsonNode request = JSON.readTree(in.readAllBytes());
            String secretId = request.path("SecretId").asString("");
            calls.computeIfAbsent(secretId, id -> new AtomicInteger()).incrementAndGet();
            Stored stored = secrets.get(secretId);
            if (stored == null) {
                error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                return;
            }
            respond(exchange, 200, secretValue(secretId, stored));
        }
    }

    private static ObjectNode secretValue(String secretId, Stored stored) {
        ObjectNode credentials = JSON.createObjectNode()
            .put("username", stored.username())
            .put("password", stored.password());
        ObjectNode body = JSON.createObjectNode()
            .put("ARN", secretId)
            .put("Name", secretId.substring(secretId.lastIndexOf(':') + 1))
            .put("VersionId", stored.versionId())
            .put("SecretString", JSON.writeValueAsString(credentials))
            .put("CreatedDate", System.currentTimeMillis() / 1000.0);
        body.putArray("VersionStages").add("AWSCURRENT");
        return body;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        respond(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
