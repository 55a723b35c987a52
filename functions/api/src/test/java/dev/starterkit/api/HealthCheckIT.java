package dev.starterkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.users.UsersHandler;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.testing.TestDatabase;
import dev.starterkit.db.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /health} with the database up (200) and unreachable (503, the cause logged without the secret). */
class HealthCheckIT {

    @Test
    void health_shouldAnswer200_whenTheDatabaseAnswers() {
        // GIVEN a function over a reachable database
        String url = TestDatabase.seeded(HealthCheckIT.class).url();
        try (UsersHandler users = new UsersHandler(ApiRuntime.create(environment(url), "UsersFunction"))) {
            // WHEN the health route is called
            APIGatewayV2HTTPResponse response = users.handleRequest(Events.load("UsersFunction", "health", Map.of()),
                null);

            // THEN the database is ok, and the answer is never stored by a cache
            assertThat(response.getStatusCode()).isEqualTo(200);
            ObjectNode body = Events.json(response.getBody());
            assertThat(body.get("database").asString()).isEqualTo("ok");
            assertThat(body.get("status").asString()).isEqualTo("ok");
            assertThat(response.getHeaders()).containsEntry("cache-control", "no-store");
        } finally {
            TestPostgres.get().dropDatabase(url);
        }
    }

    @Test
    void health_shouldAnswer503AndLogWhy_whenTheDatabaseIsUnreachable() throws IOException {
        // GIVEN a function whose database refuses connections, with a password in its URL
        String url = "postgres://app:hunter2-do-not-log@127.0.0.1:" + closedPort() + "/nowhere";
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        APIGatewayV2HTTPResponse response;
        try (UsersHandler users = new UsersHandler(ApiRuntime.create(environment(url), "UsersFunction"))) {
            // WHEN the health route is called
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                response = users.handleRequest(Events.load("UsersFunction", "health", Map.of()), null);
            } finally {
                System.setErr(stderr);
            }
        }

        // THEN it answers 503 "unreachable" and the log line gives the cause, with neither password nor URL
        assertThat(response.getStatusCode()).isEqualTo(503);
        ObjectNode body = Events.json(response.getBody());
        assertThat(body.get("database").asString()).isEqualTo("unreachable");
        assertThat(body.get("status").asString()).isEqualTo("degraded");
        assertThat(response.getBody()).doesNotContain("hunter2").doesNotContain("127.0.0.1");
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("Health check: the database is unreachable (SQLState 08001)")
            .doesNotContain("hunter2");
    }

    private static ResolvedEnvironment environment(String url) {
        return EnvironmentLoader.load(Optional.of("test"), Map.of("DATABASE_URL", url, "AUTH_BCRYPT_COST", "4"),
            Path.of("target"));
    }

    /** A loopback port nobody listens on: one the kernel just handed out and that was closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
