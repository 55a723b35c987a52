package dev.starterkit.tools.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.schema.Entities;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/db check} on real PostgreSQL: the fixture model against a temporary {@code migrations/}, and the
 * migrations a test database applied against the files.
 */
class CheckCommandIT {

    @TempDir
    Path project;

    private String url;
    private SchemaCli cli;

    @BeforeEach
    void createDatabase() throws Exception {
        url = TestPostgres.get().createDatabase(CheckCommandIT.class);
        cli = new SchemaCli(url, project);
        assertThat(cli.run(SchemaFixtures.base(), "generate")).as(cli.output()).isZero();
    }

    @AfterEach
    void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void check_should_pass_when_theModelTheFilesAndTheDatabaseAgree() {
        // GIVEN V1 generated from the base model and applied
        cli.migrate();
        // WHEN check runs
        int code = cli.run(SchemaFixtures.base(), "check");
        // THEN every part passes
        String output = cli.output();
        assertThat(code).as(output).isZero();
        assertThat(output).contains("Migration files: ok, 1 versioned", "Entity model vs migrations/: ok",
            "Applied migrations: ok, 1 applied", "Schema check passed.");
    }

    @Test
    void check_should_failWithTheDifference_when_theModelChangedWithoutAMigration() {
        // GIVEN V1 for the base model, applied
        cli.migrate();
        // WHEN the model gains note.pinned and loses tag, and check runs
        int code = cli.run(SchemaFixtures.withPinned(), "check");
        // THEN it fails and prints what a migration would have to do
        String output = cli.output();
        assertThat(code).isEqualTo(1);
        assertThat(output).contains("Entity model vs migrations/: they differ",
            "  + column note.pinned boolean NOT NULL DEFAULT false", "Schema check failed: 1 problem(s).");
    }

    @Test
    void check_should_fail_when_anAppliedMigrationWasEdited() throws Exception {
        // GIVEN V1 applied, then edited in the folder
        cli.migrate();
        Files.writeString(cli.migrations().resolve("V1__create_schema.sql"), "-- an afterthought\n",
            StandardOpenOption.APPEND);
        // WHEN check runs
        int code = cli.run(SchemaFixtures.base(), "check");
        // THEN it names the edited migration, though the model still agrees
        String output = cli.output();
        assertThat(code).isEqualTo(1);
        assertThat(output).contains("Entity model vs migrations/: ok",
            "V1 create schema: edited after it was applied (checksum");
    }

    @Test
    void check_should_fail_when_anAppliedMigrationWasRemoved() throws Exception {
        // GIVEN V1 and V2 applied, then V2 deleted
        assertThat(cli.run(SchemaFixtures.withPinned(), "generate")).isZero();
        cli.migrate();
        Files.delete(cli.migrations().resolve("V2__add_note_pinned.sql"));
        // WHEN check runs with the base model, which V1 alone matches
        int code = cli.run(SchemaFixtures.base(), "check");
        // THEN it says the database applied a migration the folder no longer has
        assertThat(code).isEqualTo(1);
        assertThat(cli.output()).contains("V2 add note pinned: applied, but migrations/ has no file for it");
    }

    @Test
    void check_should_fail_when_migrationVersionsCollide() throws Exception {
        // GIVEN a second file with version 1
        Files.writeString(cli.migrations().resolve("V1.0__create_extra.sql"), "CREATE TABLE extra (id text);\n");
        Files.writeString(cli.migrations().resolve("v2_lowercase.sql"), "SELECT 1;\n");
        // WHEN check runs
        int code = cli.run(SchemaFixtures.base(), "check");
        // THEN both file problems are listed
        String output = cli.output();
        assertThat(code).isEqualTo(1);
        assertThat(output).contains("version 1 is used by 2 files: V1.0__create_extra.sql, V1__create_schema.sql",
            "v2_lowercase.sql: not a migration name", "Schema check failed: 2 problem(s).");
    }

    @Test
    void check_should_pass_when_runOnTheProjectsOwnModelAndMigrations() {
        // GIVEN the repository's migrations/ applied to the test database, and the real entity model
        Path root = Path.of(System.getenv("PROJECT_ROOT"));
        SchemaCli real = new SchemaCli(url, root);
        real.migrate();
        // WHEN check runs as CI runs it
        int code = real.run(Entities.schemaModel(), "check");
        // THEN the model, the files and the database agree
        String output = real.output();
        assertThat(code).as(output).isZero();
        assertThat(output).contains("Schema check passed.");
    }
}
