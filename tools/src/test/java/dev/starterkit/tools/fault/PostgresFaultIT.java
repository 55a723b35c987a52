package dev.starterkit.tools.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bin/dev's server over a PostgreSQL of the test's own that loses connections: killed, restarted, closed by the
 * server's idle timeout, killed in the middle of a write and during its COMMIT. The next request always succeeds,
 * and a write is applied once or reported failed, never applied twice.
 */
class PostgresFaultIT {

    private static final String DB = "fault";
    private static final int ROUNDS = 3;
    private static final String API_SESSIONS = "datname = '" + DB + "' AND application_name LIKE '%Function'";
    private static RestartablePostgres postgres;
    private static FaultServer server;
    private static Http api;
    private static String token;

    @BeforeAll
    static void start() {
        postgres = RestartablePostgres.start();
        postgres.execute("CREATE DATABASE " + DB);
        server = FaultServer.start(FaultDatabase.prepare(postgres.url(DB)), Map.of("AUTH_BCRYPT_COST", "4"), 1);
        api = new Http(server);
        token = api.signIn("alice@example.com", "password123");
    }

    @AfterAll
    static void stop() {
        server.close();
        postgres.close();
    }

    @Test
    void nextRequest_shouldSucceed_whenEveryConnectionWasKilledBetweenRequests() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // GIVEN warm functions whose connections the server then ends
            assertThat(readAndWrite("warm-kill-" + round)).containsOnly(200, 201);
            assertThat(terminateApiSessions()).isBetween(2, 3);

            // WHEN the next read and write come
            // THEN both succeed on new connections
            assertThat(readAndWrite("kill-" + round)).containsOnly(200, 201);
        }
        assertThat(count("SELECT count(*) FROM organization WHERE slug LIKE 'kill-%'")).isEqualTo(ROUNDS);
        assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE " + API_SESSIONS)).isLessThanOrEqualTo(3);
    }

    @Test
    void nextRequest_shouldSucceed_whenTheServerWasRestarted() throws Exception {
        for (int round = 0; round < 2; round++) {
            assertThat(readAndWrite("warm-restart-" + round)).containsOnly(200, 201);

            postgres.restart();

            assertThat(readAndWrite("restart-" + round)).containsOnly(200, 201);
        }
        assertThat(count("SELECT count(*) FROM organization WHERE slug LIKE 'restart-%'")).isEqualTo(2);
    }

    @Test
    void nextRequest_shouldSucceed_whenTheServerClosedTheIdleConnection() throws Exception {
        // GIVEN sessions that the server ends after 100 ms idle
        postgres.execute("ALTER DATABASE " + DB + " SET idle_session_timeout = '100ms'");
        try {
            terminateApiSessions();
            for (int round = 0; round < ROUNDS; round++) {
                assertThat(readAndWrite("warm-idle-" + round)).containsOnly(200, 201);

                // WHEN the functions idle until the server closed all their connections
                awaitCount("SELECT count(*) FROM pg_stat_activity WHERE " + API_SESSIONS, 0);

                // THEN the next read and write succeed
                assertThat(readAndWrite("idle-" + round)).containsOnly(200, 201);
            }
        } finally {
            postgres.execute("ALTER DATABASE " + DB + " RESET idle_session_timeout");
            terminateApiSessions();
        }
        assertThat(count("SELECT count(*) FROM organization WHERE slug LIKE 'idle-%'")).isEqualTo(ROUNDS);
    }

    @Test
    void write_shouldBeAppliedOnce_whenItsConnectionIsKilledMidStatement() throws Exception {
        try (Connection admin = postgres.connect(DB); Statement s = admin.createStatement()) {
            // GIVEN a POST blocked on a lock held elsewhere
            admin.setAutoCommit(false);
            s.execute("LOCK TABLE organization IN SHARE MODE");
            CompletableFuture<HttpResponse<String>> post =
                api.sendAsync(createOrganization("inflight-co", "key-inflight"));
            awaitCount("SELECT count(*) FROM pg_stat_activity WHERE " + API_SESSIONS + " AND wait_event_type = 'Lock'",
                1);

            // WHEN its connection is killed in the middle of the INSERT, then the lock goes away
            assertThat(terminateApiSessions()).isPositive();
            admin.commit();
            HttpResponse<String> first = post.get();
            HttpResponse<String> retry = api.send(createOrganization("inflight-co", "key-inflight"));

            // THEN nothing had been committed, so the write ran again on a new connection; the client's retry
            // replays it; one row
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.headers().firstValue("idempotent-replayed")).contains("true");
        }
        assertThat(count("SELECT count(*) FROM organization WHERE slug = 'inflight-co'")).isEqualTo(1);
    }

    @Test
    void write_shouldBeReportedFailedAndAppliedOnceOnRetry_whenItsConnectionIsKilledDuringCommit() throws Exception {
        // GIVEN a deferred trigger that makes COMMIT of a 'commit-' slug wait
        try (Connection admin = postgres.connect(DB); Statement s = admin.createStatement()) {
            s.execute("CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.slug LIKE 'commit-%' THEN PERFORM pg_sleep(30); END IF; RETURN NULL; END $$");
            s.execute("CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON organization DEFERRABLE INITIALLY "
                + "DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()");
        }
        try {
            CompletableFuture<HttpResponse<String>> post =
                api.sendAsync(createOrganization("commit-co", "key-commit"));
            awaitCount("SELECT count(*) FROM pg_stat_activity WHERE " + API_SESSIONS + " AND wait_event = 'PgSleep'",
                1);

            // WHEN its connection is killed while COMMIT runs
            terminateApiSessions();
            HttpResponse<String> first = post.get();
            dropSlowCommit();
            HttpResponse<String> retry = api.send(createOrganization("commit-co", "key-commit"));

            // THEN the client was told it failed (the outcome of a lost COMMIT is unknown, so it is not re-run),
            // and its retry with the same key wrote the organization once
            assertThat(first.statusCode()).isEqualTo(500);
            assertThat(first.body()).contains("\"code\":\"internal\"").doesNotContain("commit-co");
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        } finally {
            dropSlowCommit();
        }
        assertThat(count("SELECT count(*) FROM organization WHERE slug = 'commit-co'")).isEqualTo(1);
    }

    private static List<Integer> readAndWrite(String slug) {
        return List.of(api.get("/users/usr_alice00000000000", token).statusCode(),
            api.send(createOrganization(slug, null)).statusCode());
    }

    /** {@code POST /organizations} with {@code slug} as name and slug, and an Idempotency-Key unless null. */
    private static HttpRequest createOrganization(String slug, String key) {
        HttpRequest.Builder request = api.request("POST", "/organizations", "{\"name\":\"" + slug
            + "\",\"slug\":\"" + slug + "\"}", token);
        return (key == null ? request : request.header("Idempotency-Key", key)).build();
    }

    private static int terminateApiSessions() throws Exception {
        return (int) count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
            + "WHERE " + API_SESSIONS);
    }

    private static void dropSlowCommit() {
        try (Connection admin = postgres.connect(DB); Statement s = admin.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS slow_commit ON organization");
            s.execute("DROP FUNCTION IF EXISTS slow_commit()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code sql} until it counts {@code expected}, at most 200 times 25 ms apart. */
    private static void awaitCount(String sql, long expected) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (count(sql) == expected) {
                return;
            }
            Thread.sleep(25);
        }
        assertThat(count(sql)).as(sql).isEqualTo(expected);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = postgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
