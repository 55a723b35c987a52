package dev.starterkit.tools.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.api.ApiRuntime;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.testing.TestDatabase;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.tools.template.Fixtures;
import dev.starterkit.tools.template.SamTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bin/dev's server with the real API handlers: HTTP in, API Gateway v2 events to the handlers, HTTP out. */
class LocalApiServerIT {

    private static String url;
    private static LocalApiServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        url = TestDatabase.seeded(LocalApiServerIT.class).url();
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.of("test"), Map.of("DATABASE_URL", url),
            Path.of("target"));
        server = new LocalApiServer(SamTemplate.read(Fixtures.template())
            .functions(), 2, f -> ApiRuntime.newHandler(f.handlerClass(),
                env.withDefaults(f.literalEnvironment(), "template.yaml"), f.logicalId()), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void server_shouldRouteLikeApiGateway_whenCalledOverHttp() throws Exception {
        HttpResponse<String> signIn = send("POST", "/auth/sign-in", "{\"email\":\"bob@example.com\","
            + "\"password\":\"password123\"}", "application/json");
        String token = signIn.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(uri("/me?x=1&x=2"))
            .header("Authorization", "Bearer " + token).header("Cookie", "a=1; b=2").build(),
            HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = send("GET", "/no/such/route", null, null);
        HttpResponse<String> wrongMethod = send("PUT", "/health", null, null);

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"bob@example.com\"");
        assertThat(me.headers().firstValue("x-request-id")).isPresent();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"not_found\"");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).contains("GET");
    }

    @Test
    void server_shouldRefuseTheBody_whenItIsNotUtf8() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/auth/sign-in"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid UTF-8");
    }

    @Test
    void server_shouldKeepOneConnectionPerEnvironment_whenRequestsRunConcurrently() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(uri("/users/usr_bob0000000000000")).build(),
                HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }

        assertThat(server.environmentsCreated().get("UsersFunction")).isBetween(1, 2);
        assertThat(sessions("UsersFunction")).isEqualTo(server.environmentsCreated().get("UsersFunction"));
    }

    @Test
    void server_shouldNotWaitForTheClientsDelayedAck_whenRequestsFollowEachOtherOnOneConnection() throws Exception {
        // GIVEN one keep-alive connection, warmed up
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 5; i++) {
            client.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        }

        // WHEN 30 requests follow each other on it
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(health.statusCode()).isEqualTo(200);
        }

        // THEN the typical one is well under the 40 ms delayed ACK that a body held back by Nagle's algorithm waits
        // for (headers and body are separate writes), which would put every response at 40 ms or more
        assertThat(millis.stream().sorted().toList().get(millis.size() / 2)).isLessThan(40L);
    }

    private static int sessions(String applicationName) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
                 + "WHERE datname = current_database() AND application_name = '"
                 + applicationName + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String type)
        throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("content-type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
