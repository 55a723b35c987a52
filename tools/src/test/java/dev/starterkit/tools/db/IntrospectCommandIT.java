package dev.starterkit.tools.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.tools.schema.PrintEntityModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/db introspect} on a database migrated with the project's {@code migrations/}. */
class IntrospectCommandIT {

    private static final String PACKAGE = "test.introspected";

    private static String url;

    @TempDir
    Path project;

    @BeforeAll
    static void createDatabase() {
        url = TestPostgres.get().createDatabase(IntrospectCommandIT.class);
        new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "introspect-test"), Connector.jdbc()))
            .migrate();
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void introspect_should_printTablesColumnsKeysAndIndexes_when_run() {
        // GIVEN the migrated database
        SchemaCli cli = new SchemaCli(url, project);
        // WHEN introspect runs
        int code = cli.run(null, "introspect:test");
        // THEN every table is printed in the model's terms, Flyway's history left out
        String output = cli.output();
        assertThat(code).as(output).isZero();
        assertThat(output).contains("10 tables", "\ntable user\n", "unique passkey_credentialID_unique (credential_id)",
            "foreign key member_user_id_user_id_fk (user_id) -> user (id) ON DELETE CASCADE ON UPDATE NO ACTION",
            "index verification_expires_at_idx (expires_at)").doesNotContain("flyway_schema_history");
        assertThat(output).containsPattern("\n  status +text +NOT NULL +DEFAULT 'pending'::text\n");
    }

    @Test
    void introspect_should_writeEntitiesWhoseModelIsTheLiveSchema_when_writeIsGiven() throws Exception {
        // GIVEN the migrated database and an empty folder
        SchemaCli cli = new SchemaCli(url, project);
        Path sources = project.resolve("src");
        // WHEN introspect writes entity records, which are then compiled with Micronaut's processors
        int code = cli.run(null, "introspect:test", "--write=" + sources, "--package", PACKAGE);
        String output = cli.output();
        Path classes = compile(sources.resolve(PACKAGE.replace('.', '/')), project.resolve("classes"));
        // THEN the ten records and their list are written, and the model they describe is the live schema
        assertThat(code).as(output).isZero();
        assertThat(output).contains("Wrote 10 entity records and IntrospectedEntities.java to " + sources);
        assertThat(Files.readString(sources.resolve("test/introspected/Passkey.java")))
            .contains("@UniqueConstraint(name = \"passkey_credentialID_unique\", columns = \"credential_id\")");
        assertThat(modelOf(classes)).isEqualTo(cli.schema().script());
    }

    @Test
    void introspect_should_replaceNothing_when_aFileExistsAndForceIsNotGiven() throws Exception {
        // GIVEN a User.java already where the records would go
        SchemaCli cli = new SchemaCli(url, project);
        Path existing = project.resolve("out/test/introspected/User.java");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "// mine\n");
        // WHEN introspect writes there without --force, then with it
        int refused = cli.run(null, "introspect:test", "--write=" + project.resolve("out"), "--package=" + PACKAGE);
        String refusal = cli.output();
        String kept = Files.readString(existing);
        long files;
        try (Stream<Path> written = Files.list(existing.getParent())) {
            files = written.count();
        }
        int forced = cli.run(null, "introspect:test", "--write=" + project.resolve("out"), "--package=" + PACKAGE,
            "--force");
        // THEN the first run writes nothing and says why; the second replaces the file
        assertThat(refused).isEqualTo(1);
        assertThat(refusal).contains("User.java exists; nothing was written (--force replaces it)");
        assertThat(kept).isEqualTo("// mine\n");
        assertThat(files).isEqualTo(1);
        assertThat(forced).isZero();
        assertThat(Files.readString(existing)).contains("public record User(");
    }

    private static Path compile(Path sourceDir, Path classes) throws Exception {
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-parameters",
            "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.list(sourceDir)) {
            files.map(Path::toString).forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return classes;
    }

    /** The DDL of the compiled records' model, printed by a fresh JVM that has them on its class path. */
    private static String modelOf(Path classes) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
            PrintEntityModel.class.getName(), PACKAGE + ".IntrospectedEntities")
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return printed;
    }
}
