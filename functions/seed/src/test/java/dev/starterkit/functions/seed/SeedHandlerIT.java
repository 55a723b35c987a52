package dev.starterkit.functions.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.functions.customresource.ResponseClients;
import dev.starterkit.functions.customresource.testing.CustomResourceEvents;
import dev.starterkit.functions.customresource.testing.FakeLambdaContext;
import dev.starterkit.functions.customresource.testing.RecordingResponseServer;
import java.io.IOException;
import java.net.ServerSocket;
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

/** The seed function driven by CloudFormation's events, against PostgreSQL, answering a local ResponseURL. */
class SeedHandlerIT {

    private static final Duration MARGIN = Duration.ofMillis(1_000);
    private static final FakeLambdaContext PLENTY_OF_TIME = new FakeLambdaContext("SeedFunction", 300_000);
    private static final String SEEDED = "SELECT count(*) FROM \"user\" WHERE email LIKE '%@seed.test'";

    private String url;
    private RecordingResponseServer responseUrl;

    @BeforeEach
    void setUp() {
        url = TestPostgres.get().createDatabase(SeedHandlerIT.class);
        new Migrator(new UnpooledDataSource(settings(), Connector.jdbc())).migrate();
        responseUrl = new RecordingResponseServer();
    }

    @AfterEach
    void tearDown() {
        responseUrl.close();
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void create_shouldLoadTheStagesSeedsAndAnswerSuccess_whenTheSchemaIsMigrated() throws Exception {
        handler(settings(), Stage.DEV).handleRequest(event("create"), PLENTY_OF_TIME);

        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("database-seed-dev");
        assertThat(response.get("Data").get("Stage").asText()).isEqualTo("dev");
        assertThat(response.get("Data").get("Files").asText()).contains("common/01-test-probe.sql")
            .contains("sample/01-test-sample.sql");
        assertThat(count(SEEDED)).isEqualTo(2);
    }

    @Test
    void create_shouldLoadNoSampleData_whenTheStageIsProd() throws Exception {
        handler(settings(), Stage.PROD).handleRequest(event("create"), PLENTY_OF_TIME);

        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("Data").get("Files").asText()).doesNotContain("sample/");
        assertThat(count("SELECT count(*) FROM \"user\" WHERE email = 'sample@seed.test'")).isZero();
    }

    @Test
    void update_shouldChangeNothing_whenTheSeedsWereAlreadyLoaded() throws Exception {
        handler(settings(), Stage.DEV).handleRequest(event("create"), PLENTY_OF_TIME);

        handler(settings(), Stage.DEV).handleRequest(event("update"), PLENTY_OF_TIME);

        JsonNode second = new ObjectMapper().readTree(responseUrl.bodies().get(1));
        assertThat(second.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(second.get("Data").get("Rows").asInt()).isZero();
        assertThat(count(SEEDED)).isEqualTo(2);
    }

    @Test
    void create_shouldLoadEachRowOnce_whenTwoDeploysSeedAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Object>> creates = List.of(
            () -> handler(settings(), Stage.DEV).handleRequest(event("create"), PLENTY_OF_TIME),
            () -> handler(settings(), Stage.DEV).handleRequest(event("create"), PLENTY_OF_TIME));

        for (Future<Object> done : pool.invokeAll(creates)) {
            done.get();
        }
        pool.shutdown();

        assertThat(responseUrl.bodies()).hasSize(2).allSatisfy(body ->
            assertThat(new ObjectMapper().readTree(body).get("Status").asText()).isEqualTo("SUCCESS"));
        assertThat(count(SEEDED)).isEqualTo(2);
    }

    @Test
    void create_shouldAnswerFailed_whenTheDatabaseIsUnreachable() throws Exception {
        ConnectionSettings nowhere = TestPostgres.settings("postgres://app:hunter2@127.0.0.1:" + closedPort()
            + "/app", "SeedFunction");

        handler(nowhere, Stage.DEV).handleRequest(event("create"), PLENTY_OF_TIME);

        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("database-seed-dev");
        assertThat(response.get("Reason").asText()).contains("Seeding dev failed").doesNotContain("hunter2");
    }

    @Test
    void delete_shouldSucceedAndKeepTheData_whenTheStackIsDeleted() throws Exception {
        handler(settings(), Stage.DEV).handleRequest(event("create"), PLENTY_OF_TIME);

        handler(settings(), Stage.DEV).handleRequest(event("delete"), PLENTY_OF_TIME);

        JsonNode second = new ObjectMapper().readTree(responseUrl.bodies().get(1));
        assertThat(second.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(second.get("PhysicalResourceId").asText()).isEqualTo("database-seed-dev");
        assertThat(count(SEEDED)).isEqualTo(2);
    }

    @Test
    void create_shouldAnswerFailedBeforeTheTimeoutAndLoadNothing_whenAnotherSeedRunHoldsTheLock() throws Exception {
        // GIVEN another seed run holding the seed lock
        try (Connection other = TestPostgres.connect(url); Statement lock = other.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + 0x73656564L + ")");

            // WHEN the function has 2 s left, 1 s of which is kept for answering
            handler(settings(), Stage.DEV).handleRequest(event("create"), new FakeLambdaContext("SeedFunction", 2_000));
        }

        // THEN CloudFormation heard FAILED and nothing was half loaded
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("Reason").asText()).contains("Seeding did not finish within 1000 ms");
        assertThat(count(SEEDED)).isZero();
    }

    private SeedHandler handler(ConnectionSettings settings, Stage stage) {
        return new SeedHandler(new SeedStep(() -> new SeedStep.Target(settings, stage)),
            ResponseClients.retrying(3, Duration.ofMillis(10)), MARGIN);
    }

    private ConnectionSettings settings() {
        return TestPostgres.settings(url, "SeedFunction");
    }

    private CloudFormationCustomResourceEvent event(String name) {
        return CustomResourceEvents.read("events/SeedFunction/" + name + ".json", responseUrl.url());
    }

    private int count(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
