package dev.starterkit.tools.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.db.testing.TestS3;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class ExportRestoreCommandIT {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}";

    @TempDir
    Path project;

    private String source;
    private String target;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createDatabases() throws Exception {
        source = TestPostgres.get().createDatabase(ExportRestoreCommandIT.class);
        target = TestPostgres.get().createDatabase(ExportRestoreCommandIT.class);
        new Migrator(new UnpooledDataSource(TestPostgres.settings(source, "it"), Connector.jdbc())).migrate();
        execute(source, "INSERT INTO \"user\" (id, name, email) SELECT 'usr_' || g, 'User ' || g, g || '@ex.com'"
            + " FROM generate_series(1, 250) g");
    }

    @AfterEach
    void dropDatabases() {
        TestPostgres.get().dropDatabase(source);
        TestPostgres.get().dropDatabase(target);
    }

    @Test
    void export_shouldWriteAPrivateSchemaDumpToBackups_whenNoKindIsGiven() throws Exception {
        // WHEN
        int code = run(source, "export:test");

        // THEN
        Path dump = onlyBackup();
        assertThat(code).isZero();
        assertThat(dump.getFileName().toString()).matches("dump-test-schema-" + TIMESTAMP + "\\.sql\\.gz");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).isEqualTo("rw-------");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote backups/" + dump.getFileName())
            .contains("schema dump");
        try (Stream<Path> files = Files.list(project.resolve("backups"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".partial"))).isEmpty();
        }
    }

    @Test
    void exportThenRestore_shouldBringTheDataAndSchemaVersionOver_whenTheTargetIsEmpty() throws Exception {
        // GIVEN a full dump
        assertThat(run(source, "export", "--env", "test", "--data")).isZero();
        Path dump = onlyBackup();
        assertThat(dump.getFileName().toString()).startsWith("dump-test-full-");

        // WHEN it is restored, then info runs
        int restored = run(target, "restore:test", dump.toString());
        int info = run(target, "info:test");

        // THEN
        assertThat(restored).isZero();
        assertThat(info).isZero();
        assertThat(count(target, "SELECT count(*) FROM \"user\"")).isEqualTo(250);
        assertThat(out.toString(StandardCharsets.UTF_8))
            .contains("Schema version: " + MigrationCatalog.latestVersion())
            .contains("Schema:       version " + MigrationCatalog.latestVersion());
    }

    @Test
    void export_shouldNameTheKindAndTable_whenDataOnlyForOneTable() throws Exception {
        assertThat(run(source, "export:test", "--data-only", "--table", "user")).isZero();

        assertThat(onlyBackup().getFileName().toString()).matches("dump-test-data-user-" + TIMESTAMP + "\\.sql\\.gz");
    }

    @Test
    void export_shouldPrintAProgressLinePerTable_whenOnATerminal() throws Exception {
        // GIVEN
        Map<String, String> env = Map.of("DATABASE_URL", source);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CliArgs args = CliArgs.parse(new String[] {"export:test", "--data"});

        // WHEN
        try (CliContext context = new CliContext(args, EnvironmentLoader.load(args.env(), env, project), project,
            print, Confirmer.yes())) {
            assertThat(new ExportCommand(() -> true).run(context)).isZero();
        }

        // THEN
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("\\s+public\\.\"user\"\\s+250 rows\\s+\\S+ \\S*B\\s+\\(\\d+/\\d+\\)"))
            .anyMatch(l -> l.matches("\\s+public\\.flyway_schema_history\\s+\\d+ rows.*"));
    }

    @Test
    void export_shouldStopWithUsage_whenTwoKindsAreGiven() {
        assertThat(run(source, "export:test", "--data", "--data-only")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("choose one of");
        assertThat(project.resolve("backups")).doesNotExist();
    }

    @Test
    void restore_shouldRefuseANonEmptyDatabase_unlessClean() throws Exception {
        // GIVEN a full dump, and a target that already has a table
        assertThat(run(source, "export:test", "--data")).isZero();
        String dump = onlyBackup().toString();
        execute(target, "CREATE TABLE keep_me (x int)");

        // WHEN / THEN
        assertThat(run(target, "restore:test", dump)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty").contains("keep_me");
        assertThat(run(target, "restore:test", dump, "--clean", "--yes")).isZero();
        assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE tablename = 'keep_me'")).isZero();
        assertThat(count(target, "SELECT count(*) FROM \"user\"")).isEqualTo(250);
    }

    @Test
    void restore_shouldChangeNothingOnProd_whenYesIsNotGiven() throws Exception {
        assertThat(run(source, "export:test", "--data")).isZero();

        assertThat(run(target, "restore:prod", onlyBackup().toString())).isEqualTo(3);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs --yes");
        assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
    }

    @Test
    void restore_shouldReadTheDumpFromS3_whenGivenAnS3Location() throws Exception {
        // GIVEN an exported dump stored in a bucket
        assertThat(run(source, "export:test", "--data")).isZero();
        String bucket = TestS3.get().createBucket(ExportRestoreCommandIT.class);
        try (S3Client s3 = TestS3.get().client()) {
            s3.putObject(b -> b.bucket(bucket).key("test/dump.sql.gz"), RequestBody.fromFile(onlyBackup()));
        }

        // WHEN
        int code = run(target, "restore:test", "s3://" + bucket + "/test/dump.sql.gz");

        // THEN
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(count(target, "SELECT count(*) FROM \"user\"")).isEqualTo(250);
    }

    private int run(String databaseUrl, String... argv) {
        Map<String, String> env = new HashMap<>(TestS3Environment.of(argv));
        env.put("DATABASE_URL", databaseUrl);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new DbCli(o, new PrintStream(err, true, StandardCharsets.UTF_8), Confirmer.ask(null, o))
            .run(argv, env, project);
    }

    private Path onlyBackup() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("backups"))) {
            List<Path> dumps = files.filter(f -> f.getFileName().toString().startsWith("dump-")).toList();
            assertThat(dumps).hasSize(1);
            return dumps.get(0);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(String url, String sql) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The S3 server's variables only for commands that read from S3, so the others never start it. */
    private static final class TestS3Environment {
        static Map<String, String> of(String... argv) {
            boolean s3 = Stream.of(argv).anyMatch(a -> a.startsWith("s3://"));
            return s3 ? TestS3.get().environment() : Map.of();
        }
    }
}
