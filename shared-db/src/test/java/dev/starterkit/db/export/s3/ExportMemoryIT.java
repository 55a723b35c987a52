package dev.starterkit.db.export.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestS3;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Streaming, proven by count: a dump several times larger than the heap of the JVM that uploads it. */
class ExportMemoryIT {

    private static final int HEAP_MB = 32;
    private static String url;
    private static String bucket;

    @BeforeAll
    static void setUp() throws Exception {
        url = TestPostgres.get().createDatabase(ExportMemoryIT.class);
        // About 130 MB of SQL, about 70 MB compressed: random hex does not shrink much.
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE noise AS SELECT g AS id, md5(random()::text) || md5(random()::text) AS a,"
                + " md5(random()::text) AS b FROM generate_series(1, 1200000) g");
        }
        bucket = TestS3.get().createBucket(ExportMemoryIT.class);
    }

    @AfterAll
    static void tearDown() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void export_shouldStreamADumpLargerThanTheHeap_whenTheJvmHasOnly32Megabytes() throws Exception {
        // GIVEN a JVM with a 32 MB heap
        Path log = Files.createTempFile("small-heap", ".log");
        ProcessBuilder child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-cp", classPath(),
            ExportInSmallHeap.class.getName(), "test/small-heap.sql.gz"))
            .redirectErrorStream(true).redirectOutput(log.toFile());
        child.environment().putAll(TestS3.get().environment());
        child.environment().put("DATABASE_URL", url);
        child.environment().put("EXPORT_BUCKET", bucket);

        // WHEN it exports
        Process process = child.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);

        // THEN it succeeded with a dump several times its heap, and the object is there whole
        assertThat(ended).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Matcher sizes = Pattern.compile("sqlBytes=(\\d+) objectBytes=(\\d+)").matcher(output);
        assertThat(sizes.find()).as(output).isTrue();
        long heap = HEAP_MB * 1024L * 1024L;
        assertThat(Long.parseLong(sizes.group(1))).isGreaterThan(3 * heap);
        assertThat(Long.parseLong(sizes.group(2))).isGreaterThan(heap);
        try (S3Client s3 = TestS3.get().client()) {
            assertThat(s3.headObject(b -> b.bucket(bucket).key("test/small-heap.sql.gz")).contentLength())
                .isEqualTo(Long.parseLong(sizes.group(2)));
        }
    }

    /** The test class path: Surefire and Failsafe publish it, the JVM's own may be a manifest-only jar. */
    private static String classPath() {
        String full = System.getProperty("surefire.test.class.path");
        return full != null && !full.isBlank() ? full : System.getProperty("java.class.path", "") + File.pathSeparator;
    }
}
