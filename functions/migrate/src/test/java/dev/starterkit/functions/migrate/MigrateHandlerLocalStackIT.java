package dev.starterkit.functions.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.functions.customresource.ResponseClients;
import dev.starterkit.functions.customresource.testing.CustomResourceEvents;
import dev.starterkit.functions.customresource.testing.FakeLambdaContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The answer PUT to a real S3 pre-signed URL, as CloudFormation hands out: LocalStack through Testcontainers, with a
 * pinned image (recent {@code latest} images need an auth token). Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class MigrateHandlerLocalStackIT {

    @Container
    private static final LocalStackContainer LOCALSTACK =
        new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4.0")).withServices("s3");
    private static final String BUCKET = "cloudformation-custom-resource-response";

    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestPostgres.get().createDatabase(MigrateHandlerLocalStackIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void create_shouldLeaveTheAnswerInS3_whenTheResponseUrlIsAPresignedPut() throws Exception {
        // GIVEN a pre-signed PUT URL for the answer, like the one in CloudFormation's event
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Region region = Region.of(LOCALSTACK.getRegion());
        try (S3Client s3 = S3Client.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
                 .credentialsProvider(credentials).forcePathStyle(true).build();
             S3Presigner presigner = S3Presigner.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
                 .credentialsProvider(credentials)
                 .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                     .pathStyleAccessEnabled(true).build()).build()) {
            s3.createBucket(b -> b.bucket(BUCKET));
            String put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                .putObjectRequest(o -> o.bucket(BUCKET).key("answer"))).url().toString();
            CloudFormationCustomResourceEvent event = CustomResourceEvents.read("events/MigrateFunction/create.json",
                put);

            // WHEN
            new MigrateHandler(new MigrationStep(() -> TestPostgres.settings(url, "MigrateFunction")),
                ResponseClients.retrying(), Duration.ofSeconds(1))
                .handleRequest(event, new FakeLambdaContext("MigrateFunction", 300_000));

            // THEN S3 accepted it, and it says SUCCESS with the schema version
            ResponseBytes<GetObjectResponse> stored = s3.getObjectAsBytes(g -> g.bucket(BUCKET).key("answer"));
            JsonNode answer = new ObjectMapper().readTree(stored.asByteArray());
            assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
            assertThat(answer.get("Data").get("SchemaVersion").asText()).isEqualTo(MigrationCatalog.latestVersion());
        }
    }
}
