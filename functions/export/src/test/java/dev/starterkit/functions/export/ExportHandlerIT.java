package dev.starterkit.functions.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.export.ExportException;
import dev.starterkit.db.export.ExportTimeoutException;
import dev.starterkit.db.export.s3.ExportConfig;
import dev.starterkit.db.export.s3.ExportMetadata;
import dev.starterkit.db.export.s3.MultipartUploadStream;
import dev.starterkit.db.export.s3.ScheduledExport;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestS3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ExportHandlerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T04:00:07Z"), ZoneOffset.UTC);
    private static final int FIFTEEN_MINUTES = 15 * 60 * 1000;
    private static String url;
    private static String bucket;
    private static S3Client s3;

    @BeforeAll
    static void setUp() throws Exception {
        url = TestPostgres.get().createDatabase(ExportHandlerIT.class);
        new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "it"), Connector.jdbc())).migrate();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"user\" (id, name, email) SELECT 'usr_' || g, 'User ' || g, g || '@example.com'"
                + " FROM generate_series(1, 500) g");
        }
        bucket = TestS3.get().createBucket(ExportHandlerIT.class);
        s3 = TestS3.get().client();
    }

    @AfterAll
    static void tearDown() {
        TestPostgres.get().dropDatabase(url);
        s3.close();
    }

    @Test
    void handleRequest_shouldStoreTheDumpUnderTheStagePrefix_whenTheScheduleFires() throws IOException {
        // GIVEN the handler wired from an environment like the template's
        ExportHandler handler = handler(Map.of("DATABASE_URL", url));

        // WHEN
        Map<String, Object> response = handler.handleRequest(event("schedule.json"), new FakeContext(FIFTEEN_MINUTES));

        // THEN
        assertThat(response).containsEntry("key", "staging/dump-staging-full-2026-03-01T04-00-07.sql.gz")
            .containsEntry("bucket", bucket).containsEntry("schemaVersion", MigrationCatalog.latestVersion());
        assertThat((Long) response.get("rows")).isEqualTo(500 + MigrationCatalog.files().size());
        Map<String, String> metadata = s3.headObject(b -> b.bucket(bucket).key((String) response.get("key")))
            .metadata();
        assertThat(metadata).containsEntry("stage", "staging")
            .containsEntry(ExportMetadata.SQL_SHA256, (String) response.get("sqlSha256"));
        assertThat(metadata.get(ExportMetadata.TABLE_ROWS)).contains("public.\"user\"=500");
    }

    @Test
    void handleRequest_shouldThrowAndStoreNothing_whenTheDatabaseIsUnreachable() throws IOException {
        ExportHandler handler = handler(Map.of("DATABASE_URL", "postgres://app:secret@127.0.0.1:1/app",
            "STAGE", "prod"));

        assertThatThrownBy(() -> handler.handleRequest(event("schedule.json"), new FakeContext(FIFTEEN_MINUTES)))
            .isInstanceOf(ExportException.class).hasMessageNotContaining("secret");

        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("prod/")).contents()).isEmpty();
    }

    @Test
    void handleRequest_shouldAbortAndStoreNothing_whenTheFunctionHasLessTimeLeftThanTheMargin() throws IOException {
        ExportHandler handler = handler(Map.of("DATABASE_URL", url, "STAGE", "dev"));

        assertThatThrownBy(() -> handler.handleRequest(event("schedule.json"), new FakeContext(10_000)))
            .isInstanceOf(ExportTimeoutException.class);

        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("dev/")).contents()).isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    private static ExportHandler handler(Map<String, String> variables) {
        Map<String, String> process = new HashMap<>(TestS3.get().environment());
        process.put("STAGE", "staging");
        process.put("EXPORT_BUCKET", bucket);
        process.putAll(variables);
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(), process, Path.of("target"));
        ExportConfig config = ExportConfig.fromEnvironment(env);
        ScheduledExport export = new ScheduledExport(config,
            TestPostgres.settings(env.require("DATABASE_URL").value(), ExportHandler.FUNCTION_NAME), Connector.jdbc(),
            config.s3().client(), MultipartUploadStream.MIN_PART_SIZE, CLOCK);
        return new ExportHandler(export, CLOCK);
    }

    private static Map<String, Object> event(String name) throws IOException {
        try (InputStream in = ExportHandlerIT.class.getResourceAsStream("/events/ExportFunction/" + name)) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, Object>>() { });
        }
    }
}
