package dev.starterkit.db.export.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.export.DumpListener;
import dev.starterkit.db.export.DumpNames;
import dev.starterkit.db.export.DumpRestorer;
import dev.starterkit.db.export.DumpSnapshot;
import dev.starterkit.db.export.ExportException;
import dev.starterkit.db.export.ExportTimeoutException;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestS3;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Exports to a real S3 API (LocalStack or S3Mock): whole objects with their metadata, or nothing at all. */
class S3DumpExporterIT {

    private static final Instant NOW = Instant.parse("2026-03-01T04:05:06Z");
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int PART = MultipartUploadStream.MIN_PART_SIZE;
    private static String source;
    private static S3Client s3;
    private static String bucket;
    private static final AtomicInteger DUMP_PID = new AtomicInteger();

    @BeforeAll
    static void setUp() {
        source = TestPostgres.get().createDatabase(S3DumpExporterIT.class);
        dev.starterkit.db.export.DumpFixtureAccess.load(source);
        // About 13 MB of SQL that gzip cannot shrink below two 5 MiB parts.
        dev.starterkit.db.export.DumpFixtureAccess.execute(source, "CREATE TABLE public.noise AS SELECT g AS id,"
            + " md5(random()::text) || md5(random()::text) AS hex FROM generate_series(1, 200000) g");
        s3 = TestS3.get().client();
        bucket = TestS3.get().createBucket(S3DumpExporterIT.class);
    }

    @AfterAll
    static void tearDown() {
        TestPostgres.get().dropDatabase(source);
        s3.close();
    }

    @Test
    void export_shouldUploadTheWholeDumpWithItsMetadata_whenNothingFails() throws Exception {
        // GIVEN
        String key = DumpNames.objectKey("test", NOW);

        // WHEN
        S3ExportResult result = export(s3, key, FAR, CLOCK);

        // THEN the object is there, in several parts, with metadata that matches its content
        assertThat(key).isEqualTo("test/dump-test-full-2026-03-01T04-05-06.sql.gz");
        assertThat(result.parts()).isGreaterThanOrEqualTo(2);
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        assertThat(head.contentLength()).isEqualTo(result.objectBytes()).isGreaterThan(PART);
        Map<String, String> metadata = head.metadata();
        assertThat(metadata).containsEntry(ExportMetadata.SCHEMA_VERSION, MigrationCatalog.latestVersion())
            .containsEntry("stage", "test")
            .containsEntry(ExportMetadata.TOTAL_ROWS, Long.toString(result.dump().totalRows()));
        assertThat(metadata.get(ExportMetadata.TABLE_ROWS)).contains("public.noise=200000")
            .contains("public.scratch=3000").contains("billing.\"Invoice%20Line\"=3");
        byte[] sql;
        try (InputStream in = new GZIPInputStream(s3.getObject(b -> b.bucket(bucket).key(key)))) {
            sql = in.readAllBytes();
        }
        assertThat(metadata.get(ExportMetadata.SQL_SHA256))
            .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql)));
        assertThat(restoredRows(sql)).isEqualTo(200_000);
    }

    @Test
    void export_shouldLeaveNoObjectAndNoUpload_whenS3FailsOnTheSecondPart() {
        FailingS3Client failing = new FailingS3Client(TestS3.get().client(), 2);
        String key = "test/fails-on-part-2.sql.gz";

        assertThatThrownBy(() -> export(failing, key, FAR, CLOCK)).hasMessageContaining("simulated");

        assertThat(failing.parts.get()).isEqualTo(2);
        assertThat(failing.aborts.get()).isEqualTo(1);
        assertNothingVisible(key);
    }

    @Test
    void export_shouldLeaveNoObjectAndNoUpload_whenTheDatabaseSessionIsKilledMidDump() {
        // GIVEN a listener that, once the upload pass has written its first table, kills the dump's session
        String key = "test/killed-session.sql.gz";
        AtomicInteger tables = new AtomicInteger();
        DumpListener killer = p -> {
            if (tables.incrementAndGet() == 1) {
                dev.starterkit.db.export.DumpFixtureAccess.execute(source, "SELECT pg_terminate_backend("
                    + DUMP_PID.get() + ")");
            }
        };

        // WHEN / THEN
        assertThatThrownBy(() -> exportWith(s3, key, FAR, CLOCK, killer)).isInstanceOf(ExportException.class);
        assertNothingVisible(key);
    }

    @Test
    void export_shouldAbort_whenTheDeadlineComesBeforeTheEnd() {
        // GIVEN a clock that passes the deadline on its 12th reading (the first pass reads it once per table)
        AtomicInteger readings = new AtomicInteger();
        Clock late = new Clock() {
            @Override
            public Instant instant() {
                return readings.incrementAndGet() < 12 ? NOW : NOW.plusSeconds(3600);
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        String key = "test/too-late.sql.gz";

        assertThatThrownBy(() -> export(s3, key, NOW.plusSeconds(60), late))
            .isInstanceOf(ExportTimeoutException.class).hasMessageContaining("deadline");
        assertThat(readings.get()).isEqualTo(12);
        assertNothingVisible(key);
    }

    private static S3ExportResult export(S3Client client, String key, Instant deadline, Clock clock)
        throws SQLException {
        return exportWith(client, key, deadline, clock, DumpListener.none());
    }

    private static S3ExportResult exportWith(S3Client client, String key, Instant deadline, Clock clock,
                                             DumpListener listener) throws SQLException {
        try (Connection c = TestPostgres.connect(source)) {
            DUMP_PID.set(c.unwrap(org.postgresql.PGConnection.class).getBackendPID());
            try (DumpSnapshot snapshot = DumpSnapshot.open(c)) {
                return new S3DumpExporter(client, bucket, PART, clock).export(snapshot, key,
                    Map.of("stage", "test"), deadline, listener);
            }
        }
    }

    private static void assertNothingVisible(String key) {
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents()).isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads())
            .noneMatch(u -> u.key().equals(key));
    }

    private static long restoredRows(byte[] sql) throws SQLException {
        String target = TestPostgres.get().createDatabase(S3DumpExporterIT.class);
        try (Connection c = TestPostgres.connect(target)) {
            new DumpRestorer(c).restore(new ByteArrayInputStream(sql), false);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM public.noise")) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            TestPostgres.get().dropDatabase(target);
        }
    }
}
