package dev.starterkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.auth.AuthHandler;
import dev.starterkit.api.organizations.OrganizationsHandler;
import dev.starterkit.db.DataLayer;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.testing.MutableClock;
import dev.starterkit.db.testing.TestDatabase;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on POSTs: one write per key, replays of the first response, refusal of reuse. */
class IdempotencyIT {

    private static final int CONCURRENT = 6;
    private static TestDatabase database;
    private static String url;
    private static final MutableClock CLOCK = new MutableClock();
    private static ResolvedEnvironment env;
    private static AuthHandler auth;
    private static final List<OrganizationsHandler> ORGS = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestDatabase.seeded(IdempotencyIT.class);
        url = database.url();
        env = EnvironmentLoader.load(Optional.of("test"), Map.of("DATABASE_URL", url, "AUTH_BCRYPT_COST", "4"),
            Path.of("target"));
        auth = new AuthHandler(ApiRuntime.create(env, "AuthFunction"));
        for (int i = 0; i < CONCURRENT; i++) {
            ORGS.add(new OrganizationsHandler(new ApiRuntime(ApiConfig.from(env),
                DataLayer.fromEnvironment(env, "OrganizationsFunction"), CLOCK.withZone(ZoneOffset.UTC))));
        }
    }

    @AfterAll
    static void stop() {
        auth.close();
        ORGS.forEach(OrganizationsHandler::close);
        database.close();
    }

    @Test
    void post_shouldReplayTheFirstResponse_whenRetriedWithTheSameKeyAndBody() throws Exception {
        // GIVEN a created organization
        String token = Events.signIn(auth, "alice@example.com");
        APIGatewayV2HTTPResponse first = ORGS.get(0).handleRequest(create(token, "key-replay", "replay-co"), null);

        // WHEN the client retries, through another execution environment
        APIGatewayV2HTTPResponse retry = ORGS.get(1).handleRequest(create(token, "key-replay", "replay-co"), null);

        // THEN the retry replays the first status and body, and the organization exists once
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(first.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true")
            .containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(count("SELECT count(*) FROM organization WHERE slug = 'replay-co'")).isEqualTo(1);
    }

    @Test
    void post_shouldAnswer422_whenTheKeyIsReusedForAnotherBody() throws Exception {
        // GIVEN a key already used
        String token = Events.signIn(auth, "bob@example.com");
        assertThat(ORGS.get(0).handleRequest(create(token, "key-reuse", "reuse-one"), null).getStatusCode())
            .isEqualTo(201);

        // WHEN the same key comes with another body
        APIGatewayV2HTTPResponse reused = ORGS.get(0).handleRequest(create(token, "key-reuse", "reuse-two"), null);

        // THEN it is refused and nothing is written
        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(reused.getBody()).contains("\"code\":\"validation_failed\"").contains("Idempotency-Key");
        assertThat(count("SELECT count(*) FROM organization WHERE slug = 'reuse-two'")).isZero();
    }

    @Test
    void post_shouldRunOnce_whenRetriesOfOneKeyArriveTogether() throws Exception {
        // GIVEN one request sent at once through every execution environment
        String token = Events.signIn(auth, "charlie@example.com");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (OrganizationsHandler handler : ORGS) {
            APIGatewayV2HTTPEvent event = create(token, "key-race", "race-co");
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return handler.handleRequest(event, null);
            }));
        }

        // WHEN they race
        go.countDown();
        List<APIGatewayV2HTTPResponse> responses = calls.stream().map(CompletableFuture::join).toList();

        // THEN one ran and the others replayed its response: same status and body, one row
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(201);
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getBody).containsOnly(responses.get(0).getBody());
        assertThat(responses).filteredOn(r -> r.getHeaders().containsKey("idempotent-replayed"))
            .hasSize(CONCURRENT - 1);
        assertThat(count("SELECT count(*) FROM organization WHERE slug = 'race-co'")).isEqualTo(1);
    }

    @Test
    void post_shouldRunAgain_whenTheFirstFailedOrTheKeyExpired() throws Exception {
        // GIVEN a request that failed (slug taken): it leaves no record behind
        String token = Events.signIn(auth, "diana@example.com");
        long recordsBefore = count("SELECT count(*) FROM idempotency_key");
        APIGatewayV2HTTPResponse taken = ORGS.get(0).handleRequest(create(token, "key-retry", "acme"), null);
        long recordsAfterFailure = count("SELECT count(*) FROM idempotency_key");

        // WHEN a record is older than a day
        assertThat(ORGS.get(0).handleRequest(create(token, "key-old", "old-co"), null).getStatusCode())
            .isEqualTo(201);
        CLOCK.advance(Duration.ofHours(25));
        APIGatewayV2HTTPResponse late = ORGS.get(0).handleRequest(create(token, "key-old", "old-co"), null);

        // THEN the failure was not recorded, and the expired key runs the request again (the slug now conflicts)
        assertThat(taken.getStatusCode()).isEqualTo(409);
        assertThat(recordsAfterFailure).isEqualTo(recordsBefore);
        assertThat(late.getStatusCode()).isEqualTo(409);
        assertThat(late.getHeaders()).doesNotContainKey("idempotent-replayed");
    }

    @Test
    void table_shouldHoldNeitherTheKeyNorTheToken_whenAResponseIsRecorded() throws Exception {
        // GIVEN a sign-up with a key: its response carries a session token
        APIGatewayV2HTTPEvent signUp = Events.withHeader(Events.load("AuthFunction", "sign-up", Map.of()),
            "idempotency-key", "key-sign-up-0001");
        signUp = Events.withBody(signUp, "{\"name\":\"Ida\",\"email\":\"ida@example.com\",\"password\":\"pw-123456\"}");
        APIGatewayV2HTTPResponse created = auth.handleRequest(signUp, null);
        String token = Events.json(created.getBody()).get("token").asString();

        // WHEN the table is read as a database leak would read it
        String dump = text("SELECT string_agg(id || request_hash || encode(response, 'escape'), ',') "
            + "FROM idempotency_key");

        // THEN neither the key nor the token appears, and a retry still replays the same token
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(dump).doesNotContain("key-sign-up-0001").doesNotContain(token);
        assertThat(auth.handleRequest(signUp, null).getBody()).isEqualTo(created.getBody());
    }

    @Test
    void post_shouldAnswer400_whenTheKeyIsMalformed() {
        String token = Events.signIn(auth, "eve@example.com");
        APIGatewayV2HTTPResponse blank = ORGS.get(0).handleRequest(create(token, " ", "blank-key"), null);
        APIGatewayV2HTTPResponse tooLong = ORGS.get(0).handleRequest(create(token, "k".repeat(256), "long-key"), null);

        assertThat(blank.getStatusCode()).isEqualTo(400);
        assertThat(tooLong.getStatusCode()).isEqualTo(400);
        assertThat(tooLong.getBody()).contains("\"code\":\"bad_request\"");
    }

    private static APIGatewayV2HTTPEvent create(String token, String key, String slug) {
        APIGatewayV2HTTPEvent event = Events.load("OrganizationsFunction", "create-organization",
            Map.of("TOKEN", token));
        event = Events.withBody(event, "{\"name\":\"" + slug + "\",\"slug\":\"" + slug + "\"}");
        return Events.withHeader(event, "idempotency-key", key);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
