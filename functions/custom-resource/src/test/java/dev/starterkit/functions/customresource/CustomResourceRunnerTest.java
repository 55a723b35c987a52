package dev.starterkit.functions.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.starterkit.functions.customresource.testing.FakeLambdaContext;
import dev.starterkit.functions.customresource.testing.RecordingResponseServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomResourceRunnerTest {

    private static final Duration MARGIN = Duration.ofMillis(1_000);
    private static final String STACK = "arn:aws:cloudformation:eu-west-1:123456789012:stack/app-dev/0a1b2c3d";

    private RecordingResponseServer responseUrl;

    @BeforeEach
    void startResponseUrl() {
        responseUrl = new RecordingResponseServer();
    }

    @AfterEach
    void stopResponseUrl() {
        responseUrl.close();
    }

    @Test
    void create_shouldAnswerSuccessWithDataAndAStablePhysicalId_whenTheStepSucceeds() {
        // GIVEN
        StubStep step = new StubStep(() -> Map.of("SchemaVersion", "3", "Applied", "2,3"));

        // WHEN
        runner(step).handleRequest(event("Create", null), new FakeLambdaContext("MigrateFunction", 60_000));

        // THEN
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("database-migrations-dev");
        assertThat(response.get("StackId").asText()).isEqualTo(STACK);
        assertThat(response.get("RequestId").asText()).isEqualTo("req-1");
        assertThat(response.get("LogicalResourceId").asText()).isEqualTo("DatabaseMigration");
        assertThat(response.get("Data").get("SchemaVersion").asText()).isEqualTo("3");
        assertThat(response.get("Reason").asText()).contains("Migration succeeded").contains("SchemaVersion=3");
    }

    @Test
    void create_shouldAnswerFailedWithAReasonWithoutSecrets_whenTheStepThrows() {
        // GIVEN a failure whose message carries a connection URL with a password
        StubStep step = new StubStep(() -> {
            throw new IllegalStateException("Unable to connect to postgres://app:hunter2@db:5432/app",
                new IllegalArgumentException("password=hunter2 rejected\nFATAL: too many connections"));
        });

        // WHEN
        runner(step).handleRequest(event("Create", null), new FakeLambdaContext("MigrateFunction", 60_000));

        // THEN
        JsonNode response = responseUrl.onlyResponse();
        String reason = response.get("Reason").asText();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("database-migrations-dev");
        assertThat(reason).contains("Migration failed: Unable to connect to postgres://app:***@db:5432/app")
            .contains("too many connections").contains("log stream").doesNotContain("hunter2")
            .doesNotContain("\n");
    }

    @Test
    void delete_shouldAnswerSuccessWithoutRunningTheStep_whenTheCreateHadFailed() {
        // GIVEN a Delete that CloudFormation sends to roll back a failed Create
        StubStep step = new StubStep(() -> Map.of());

        // WHEN
        runner(step).handleRequest(event("Delete", "database-migrations-dev"),
            new FakeLambdaContext("MigrateFunction", 60_000));

        // THEN
        JsonNode response = responseUrl.onlyResponse();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("database-migrations-dev");
        assertThat(step.runs).hasValue(0);
    }

    @Test
    void create_shouldAnswerFailedBeforeTheLambdaTimeout_whenTheStepHangs() {
        // GIVEN a step that blocks until it is aborted, and 1.5 s left of which 1 s is kept for the answer
        CountDownLatch aborted = new CountDownLatch(1);
        StubStep step = new StubStep(() -> {
            try {
                aborted.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("connection aborted");
        }, aborted::countDown);

        // WHEN
        runner(step).handleRequest(event("Update", "database-migrations-dev"),
            new FakeLambdaContext("MigrateFunction", 1_500));

        // THEN the step was aborted and CloudFormation heard FAILED while the function was still running
        JsonNode response = responseUrl.onlyResponse();
        assertThat(step.aborts).hasValue(1);
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("Reason").asText()).contains("did not finish within 500 ms and was stopped");
    }

    @Test
    void update_shouldAnswerFailedWithoutStarting_whenLessTimeIsLeftThanTheMargin() {
        StubStep step = new StubStep(() -> Map.of());

        runner(step).handleRequest(event("Update", "database-migrations-dev"),
            new FakeLambdaContext("MigrateFunction", 900));

        assertThat(step.runs).hasValue(0);
        assertThat(responseUrl.onlyResponse().get("Reason").asText()).contains("did not start");
    }

    @Test
    void create_shouldKeepTheResponseWithin4096Bytes_whenDataAndReasonAreHuge() {
        // GIVEN 2,000 applied versions in the data, then a failure message of 20,000 characters
        String versions = String.join(",", java.util.Collections.nCopies(2_000, "1234"));
        StubStep big = new StubStep(() -> Map.of("SchemaVersion", "1234", "Applied", versions));
        StubStep failing = new StubStep(() -> {
            throw new IllegalStateException("x".repeat(20_000));
        });

        // WHEN
        runner(big).handleRequest(event("Create", null), new FakeLambdaContext("MigrateFunction", 60_000));
        runner(failing).handleRequest(event("Create", null), new FakeLambdaContext("MigrateFunction", 60_000));

        // THEN both bodies fit, and what was cut is marked
        assertThat(responseUrl.bodies()).hasSize(2).allSatisfy(body -> assertThat(body.length).isLessThan(4096));
        String first = new String(responseUrl.bodies().get(0), java.nio.charset.StandardCharsets.UTF_8);
        String second = new String(responseUrl.bodies().get(1), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(first).contains("\"SchemaVersion\":\"1234\"").contains("\"Truncated\":\"true\"");
        assertThat(second).contains("\"Status\":\"FAILED\"").contains("...");
    }

    @Test
    void send_shouldRetry_whenTheFirstTwoAttemptsAreCutOff() {
        responseUrl.dropNext(2);

        runner(new StubStep(() -> Map.of("SchemaVersion", "1"))).handleRequest(event("Create", null),
            new FakeLambdaContext("MigrateFunction", 60_000));

        assertThat(responseUrl.attempts()).isEqualTo(3);
        assertThat(responseUrl.onlyResponse().get("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void send_shouldRetry_whenTheUrlAnswers503AndNotWhenItAnswers403() {
        responseUrl.answerNext(1, 503);
        runner(new StubStep(() -> Map.of())).handleRequest(event("Create", null),
            new FakeLambdaContext("MigrateFunction", 60_000));
        assertThat(responseUrl.attempts()).isEqualTo(2);
        assertThat(responseUrl.bodies()).hasSize(1);

        responseUrl.answerNext(1, 403);
        runner(new StubStep(() -> Map.of())).handleRequest(event("Create", null),
            new FakeLambdaContext("MigrateFunction", 60_000));
        assertThat(responseUrl.attempts()).isEqualTo(3);
        assertThat(responseUrl.bodies()).hasSize(1);
    }

    private CustomResourceRunner runner(DeployStep step) {
        return new CustomResourceRunner(step, "database-migrations",
            ResponseClients.retrying(3, Duration.ofMillis(10)), MARGIN);
    }

    private CloudFormationCustomResourceEvent event(String type, String physicalId) {
        return CloudFormationCustomResourceEvent.builder().withRequestType(type).withResponseUrl(responseUrl.url())
            .withStackId(STACK).withRequestId("req-1").withLogicalResourceId("DatabaseMigration")
            .withPhysicalResourceId(physicalId).withResourceType("Custom::DatabaseMigration")
            .withResourceProperties(Map.of("Stage", "dev", "FunctionVersion", "7")).build();
    }

    /** A step whose work is given; counts runs and aborts. */
    private static final class StubStep implements DeployStep {
        private final Supplier<Map<String, String>> work;
        private final Runnable onAbort;
        private final AtomicInteger runs = new AtomicInteger();
        private final AtomicInteger aborts = new AtomicInteger();

        StubStep(Supplier<Map<String, String>> work) {
            this(work, () -> { });
        }

        StubStep(Supplier<Map<String, String>> work, Runnable onAbort) {
            this.work = work;
            this.onAbort = onAbort;
        }

        @Override
        public String name() {
            return "Migration";
        }

        @Override
        public Map<String, String> run() {
            runs.incrementAndGet();
            return work.get();
        }

        @Override
        public void abort() {
            aborts.incrementAndGet();
            onAbort.run();
        }
    }
}
