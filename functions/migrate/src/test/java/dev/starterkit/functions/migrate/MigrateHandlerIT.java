package dev.starterkit.functions.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.functions.customresource.ResponseClients;
import dev.starterkit.functions.customresource.testing.CustomResourceEvents;
import dev.starterkit.functions.customresource.testing.FakeLambdaContext;
import dev.starterkit.functions.customresource.testing.RecordingResponseServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrate function driven by CloudFormation's events, against PostgreSQL, answering a local ResponseURL. */
class MigrateHandlerIT {

    private static final String PACKAGED = MigrationCatalog.LOCATION;
    private static final Duration MARGIN = Duration.ofMillis(1_000);
    private static final FakeLambdaContext PLENTY_OF_TIME = new FakeLambdaContext("MigrateFunction", 300_000);

    private String url;
    private RecordingResponseServer responseUrl;

    @BeforeEach
    void setUp() {
        url = TestPostgres.get().createDatabase(MigrateHandlerIT.class);
        responseUrl = new RecordingResponseServer();
    }

    @AfterEach
    void tearDown() {
        responseUrl.close();
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void create_shouldApplyEveryMigrationAndAnswerSuccess_whenTheDatabaseIsEmpty() throws Exception {
        // WHEN
        handler(settings()).handleRequest(event("create"), PLENTY_OF_TIME);

        // THEN
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("database-migrations-dev");
        assertThat(response.get("LogicalResourceId").asText()).isEqualTo("DatabaseMigration");
        assertThat(response.get("Data").get("SchemaVersion").asText()).isEqualTo(MigrationCatalog.latestVersion());
        assertThat(response.get("Data").get("AppliedCount").asInt()).isEqualTo(MigrationCatalog.files().size());
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"))
            .isEqualTo(MigrationCatalog.files().size());
    }

    @Test
    void update_shouldApplyNothingAndSucceed_whenTheSchemaIsAlreadyCurrent() throws Exception {
        handler(settings()).handleRequest(event("create"), PLENTY_OF_TIME);

        handler(settings()).handleRequest(event("update"), PLENTY_OF_TIME);

        JsonNode second = json(responseUrl.bodies().get(1));
        assertThat(second.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(second.get("Data").get("AppliedCount").asInt()).isZero();
        assertThat(second.get("PhysicalResourceId").asText()).isEqualTo("database-migrations-dev");
    }

    @Test
    void create_shouldApplyEachMigrationOnce_whenTwoStacksMigrateTheSameDatabaseAtOnce() throws Exception {
        // GIVEN two deploys (two stacks, or a retry) sending Create at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Object>> creates = List.of(
            () -> handler(settings()).handleRequest(event("create"), PLENTY_OF_TIME),
            () -> handler(settings()).handleRequest(event("create"), PLENTY_OF_TIME));

        // WHEN
        for (Future<Object> done : pool.invokeAll(creates)) {
            done.get();
        }
        pool.shutdown();

        // THEN both succeed, and between them each migration was applied once
        int applied = 0;
        for (byte[] body : responseUrl.bodies()) {
            assertThat(json(body).get("Status").asText()).isEqualTo("SUCCESS");
            applied += json(body).get("Data").get("AppliedCount").asInt();
        }
        assertThat(responseUrl.bodies()).hasSize(2);
        assertThat(applied).isEqualTo(MigrationCatalog.files().size());
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"))
            .isEqualTo(MigrationCatalog.files().size());
    }

    @Test
    void create_shouldAnswerFailedAndKeepTheLastGoodMigration_whenAMigrationFails() throws Exception {
        // GIVEN the packaged migrations plus one that fails half-way
        MigrateHandler handler = handler(settings(), PACKAGED, "classpath:db/test-migrations/broken");

        // WHEN
        handler.handleRequest(event("create"), PLENTY_OF_TIME);

        // THEN CloudFormation hears why, and the database is at the last fully applied migration
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("Reason").asText()).startsWith("Migration failed: Failed to execute script V1000__create_half_applied.sql")
            .contains("this_function_does_not_exist");
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'half_applied'")).isZero();
        assertThat(count("SELECT max(version::int) FROM flyway_schema_history WHERE success"))
            .isEqualTo(Integer.parseInt(MigrationCatalog.latestVersion()));
    }

    @Test
    void create_shouldAnswerFailedWithoutThePassword_whenTheDatabaseIsUnreachable() throws Exception {
        // GIVEN a database address nobody listens on
        ConnectionSettings nowhere = TestPostgres.settings("postgres://app:hunter2@127.0.0.1:" + closedPort()
            + "/app", "MigrateFunction");

        // WHEN
        handler(nowhere).handleRequest(event("create"), PLENTY_OF_TIME);

        // THEN
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("database-migrations-dev");
        assertThat(response.get("Reason").asText()).contains("Migration failed").contains("refused")
            .doesNotContain("hunter2");
    }

    @Test
    void delete_shouldSucceedWithoutTouchingTheDatabase_whenTheCreateHadFailed() throws Exception {
        // GIVEN a Create that failed against an unreachable database, and a migrated database
        ConnectionSettings nowhere = TestPostgres.settings("postgres://app@127.0.0.1:" + closedPort() + "/app",
            "MigrateFunction");
        handler(nowhere).handleRequest(event("create"), PLENTY_OF_TIME);
        new Migrator(new UnpooledDataSource(settings(), Connector.jdbc())).migrate();
        int tables = count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");

        // WHEN CloudFormation rolls the Create back, even with an unreachable database
        handler(nowhere).handleRequest(event("delete"), PLENTY_OF_TIME);
        handler(settings()).handleRequest(event("delete"), PLENTY_OF_TIME);

        // THEN both Deletes succeed and every table is still there
        assertThat(responseUrl.bodies()).hasSize(3);
        assertThat(json(responseUrl.bodies().get(1)).get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(json(responseUrl.bodies().get(2)).get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(json(responseUrl.bodies().get(2)).get("PhysicalResourceId").asText())
            .isEqualTo("database-migrations-dev");
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo(tables);
    }

    @Test
    void rollbackUpdate_shouldSucceed_whenTheDatabaseHasMoreMigrationsThanTheRestoredCode() throws Exception {
        // GIVEN a newer deploy applied V1000, then failed later, and CloudFormation restores the previous version
        new Migrator(new UnpooledDataSource(settings(), Connector.jdbc()), PACKAGED,
            "classpath:db/test-migrations/future").migrate();

        // WHEN the previous code receives the rollback's Update
        handler(settings()).handleRequest(event("rollback-update"), PLENTY_OF_TIME);

        // THEN it succeeds, applies nothing and reports the version it does not know
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("Data").get("AppliedCount").asInt()).isZero();
        assertThat(response.get("Data").get("AheadOfCode").asText()).contains("1000");
    }

    @Test
    void create_shouldKeepTheAnswerWithin4096Bytes_whenHundredsOfMigrationsAreApplied(@TempDir Path dir)
        throws Exception {
        // GIVEN 400 migrations with long version numbers: their list alone is over 4 KB
        for (int i = 1; i <= 400; i++) {
            Files.writeString(dir.resolve("V" + (1_000_000_000L + i) + "__select_" + i + ".sql"), "SELECT 1;\n");
        }

        // WHEN
        handler(settings(), "filesystem:" + dir).handleRequest(event("create"), PLENTY_OF_TIME);

        // THEN the answer fits, keeps the schema version and says it was cut
        assertThat(responseUrl.bodies().get(0).length).isLessThan(4096);
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("Data").get("SchemaVersion").asText()).isEqualTo("1000000400");
        assertThat(response.get("Data").get("AppliedCount").asText()).isEqualTo("400");
        assertThat(response.get("Data").get("Truncated").asText()).isEqualTo("true");
    }

    @Test
    void update_shouldAnswerFailedBeforeTheTimeoutAndReleaseTheDatabase_whenMigrationIsBlocked() throws Exception {
        // GIVEN a migrated database whose history table another session holds locked
        new Migrator(new UnpooledDataSource(settings(), Connector.jdbc())).migrate();
        try (Connection holder = TestPostgres.connect(url); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");

            // WHEN the function has 2 s left, 1 s of which is kept for answering
            handler(settings()).handleRequest(event("update"), new FakeLambdaContext("MigrateFunction", 2_000));
            holder.rollback();
        }

        // THEN CloudFormation heard FAILED, and the aborted migration left no session behind
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("Reason").asText()).contains("did not finish within 1000 ms");
        assertThat(sessionsOf("MigrateFunction")).isZero();
    }

    private MigrateHandler handler(ConnectionSettings settings, String... locations) {
        return new MigrateHandler(new MigrationStep(() -> settings, locations),
            ResponseClients.retrying(3, Duration.ofMillis(10)), MARGIN);
    }

    private ConnectionSettings settings() {
        return TestPostgres.settings(url, "MigrateFunction");
    }

    private com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent event(String name) {
        return CustomResourceEvents.read("events/MigrateFunction/" + name + ".json", responseUrl.url());
    }

    private int count(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Sessions of {@code application}, checked up to 100 times: a backend exits shortly after its socket closes. */
    private int sessionsOf(String application) throws SQLException, InterruptedException {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'";
        int sessions = count(sql);
        for (int attempt = 0; attempt < 100 && sessions > 0; attempt++) {
            Thread.sleep(10);
            sessions = count(sql);
        }
        return sessions;
    }

    private static JsonNode json(byte[] body) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
