package dev.starterkit.tools.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.schema.Entities;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/db generate} round trips on real PostgreSQL: the fixture model changes, generate writes the next
 * migration, the migration is applied, and {@code check} finds nothing left to do.
 */
class GenerateCommandIT {

    @TempDir
    Path project;

    private String url;
    private SchemaCli cli;

    @BeforeEach
    void createDatabase() {
        url = TestPostgres.get().createDatabase(GenerateCommandIT.class);
        cli = new SchemaCli(url, project);
    }

    @AfterEach
    void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void generate_should_writeTheFirstMigration_when_theFolderIsEmpty() throws Exception {
        // GIVEN the base fixture model and no migrations
        // WHEN generate runs
        int code = cli.run(SchemaFixtures.base(), "generate");
        // THEN V1__create_schema.sql creates the three tables, applies, and check passes
        assertThat(code).as(cli.output()).isZero();
        assertThat(cli.files()).containsExactly("V1__create_schema.sql");
        assertThat(cli.read("V1__create_schema.sql")).contains("CREATE TABLE \"note\"", "CREATE TABLE \"person\"",
            "CREATE TABLE \"tag\"", "-- 6 statements, none destructive");
        cli.migrate();
        assertThat(cli.run(SchemaFixtures.base(), "check")).as(cli.output()).isZero();
    }

    @Test
    void generate_should_writeWhatTheMigrationsCreate_when_theFolderIsEmptyAndTheModelIsTheProjects() throws Exception {
        // GIVEN the catalog that the project's migrations create, read from the test database and then removed
        new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "generate-test"), Connector.jdbc())).migrate();
        SchemaModel migrated = cli.schema();
        cli.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        // WHEN generate runs on the entity model with no migrations, and its file is applied
        int code = cli.run(Entities.schemaModel(), "generate");
        String output = cli.output();
        cli.migrate();
        // THEN the file is V1__create_schema.sql, and the catalog it creates is the migrations': tables, columns in order,
        // types, defaults, keys, foreign keys and indexes
        assertThat(code).as(output).isZero();
        assertThat(cli.files()).containsExactly("V1__create_schema.sql");
        assertThat(cli.schema()).isEqualTo(migrated);
        assertThat(migrated.tables()).hasSize(10);
    }

    static Stream<Arguments> oneChange() {
        return Stream.of(
            Arguments.of("add a column", (Supplier<SchemaModel>) SchemaFixtures::withPinned,
                "V2__add_note_pinned.sql", "ALTER TABLE \"note\" ADD COLUMN \"pinned\" boolean DEFAULT false NOT NULL;"),
            Arguments.of("make one nullable", (Supplier<SchemaModel>) SchemaFixtures::withNullableBody,
                "V2__make_note_body_nullable.sql", "ALTER TABLE \"note\" ALTER COLUMN \"body\" DROP NOT NULL;"),
            Arguments.of("add an index", (Supplier<SchemaModel>) SchemaFixtures::withTitleIndex,
                "V2__create_note_title_idx.sql", "CREATE INDEX \"note_title_idx\" ON \"note\" USING btree (\"title\");"),
            Arguments.of("drop a table", (Supplier<SchemaModel>) SchemaFixtures::withoutTag,
                "V2__drop_tag.sql", "-- DESTRUCTIVE: - table tag and its rows\nDROP TABLE \"tag\";"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneChange")
    void generate_should_writeAMigrationThatCheckAccepts_when_theModelChanges(String change,
            Supplier<SchemaModel> changed, String file, String statement) throws Exception {
        // GIVEN the base model generated and applied
        baseApplied();
        // WHEN the model changes and generate runs
        int code = cli.run(changed.get(), "generate");
        // THEN the next file holds the change, it applies, and check passes against the changed model
        assertThat(code).as(cli.output()).isZero();
        assertThat(cli.files()).containsExactly("V1__create_schema.sql", file);
        assertThat(cli.read(file)).contains(statement);
        assertThat(cli.migrate().applied()).containsExactly("2");
        assertThat(cli.run(changed.get(), "check")).as(cli.output()).isZero();
    }

    @Test
    void generate_should_renameAndKeepTheValues_when_renameIsGiven() throws Exception {
        // GIVEN the base applied with one person
        baseApplied();
        cli.execute("INSERT INTO person VALUES ('p1', 'Ada', 'ada')");
        // WHEN person.nick becomes nickname and generate runs with --rename
        int code = cli.run(SchemaFixtures.withNickname(), "generate", "--rename", "person.nick=nickname");
        // THEN the migration renames the column; applied, the value is still there and check passes
        assertThat(code).as(cli.output()).isZero();
        assertThat(cli.files()).contains("V2__rename_person_nick_to_nickname.sql");
        assertThat(cli.read("V2__rename_person_nick_to_nickname.sql"))
            .contains("ALTER TABLE \"person\" RENAME COLUMN \"nick\" TO \"nickname\";").doesNotContain("DROP");
        cli.migrate();
        assertThat(cli.query("SELECT nickname FROM person WHERE id = 'p1'")).isEqualTo("ada");
        assertThat(cli.run(SchemaFixtures.withNickname(), "check")).as(cli.output()).isZero();
    }

    @Test
    void generate_should_rename_when_theTerminalAnswersWithTheNewName() throws Exception {
        // GIVEN the base applied
        baseApplied();
        // WHEN generate asks about person.nick and the user types nickname
        int code = cli.runAnswering(SchemaFixtures.withNickname(), "nickname\n", "generate");
        // THEN the question named the candidates and the migration renames
        assertThat(code).isZero();
        assertThat(cli.output()).contains("Column person.nick is gone and person has new columns: nickname.");
        assertThat(cli.read("V2__rename_person_nick_to_nickname.sql")).contains("RENAME COLUMN");
    }

    @Test
    void generate_should_failAndWriteNothing_when_aPossibleRenameIsUnanswered() throws Exception {
        // GIVEN the base applied, and the shadow databases on the server counted
        baseApplied();
        int shadows = cli.shadowDatabases();
        // WHEN person.nick becomes nickname and generate runs without a terminal or --rename
        int code = cli.run(SchemaFixtures.withNickname(), "generate");
        // THEN it refuses, says how to answer, writes no file and leaves no shadow database behind
        assertThat(code).isEqualTo(3);
        assertThat(cli.output()).contains("person.nick (new in person: nickname)", "--rename table.old=new",
            "--no-rename");
        assertThat(cli.files()).containsExactly("V1__create_schema.sql");
        assertThat(cli.shadowDatabases()).isEqualTo(shadows);
    }

    @Test
    void generate_should_dropAndAdd_when_noRenameIsGiven() throws Exception {
        // GIVEN the base applied
        baseApplied();
        // WHEN generate runs with --no-rename
        int code = cli.run(SchemaFixtures.withNickname(), "generate", "--no-rename", "--name", "replace nick");
        // THEN the old column is dropped, marked destructive, and the new one added
        assertThat(code).as(cli.output()).isZero();
        assertThat(cli.read("V2__replace_nick.sql")).contains(
            "-- DESTRUCTIVE: - column person.nick and its values\nALTER TABLE \"person\" DROP COLUMN \"nick\";",
            "ALTER TABLE \"person\" ADD COLUMN \"nickname\" text;");
    }

    @Test
    void generate_should_sayNoSchemaChangesAndWriteNothing_when_theModelMatches() throws Exception {
        // GIVEN the base applied, and the shadow databases counted
        baseApplied();
        int shadows = cli.shadowDatabases();
        // WHEN generate runs again with the same model
        int code = cli.run(SchemaFixtures.base(), "generate");
        // THEN nothing to do, no file, no shadow database left
        assertThat(code).isZero();
        assertThat(cli.output()).contains("No schema changes");
        assertThat(cli.files()).containsExactly("V1__create_schema.sql");
        assertThat(cli.shadowDatabases()).isEqualTo(shadows).isZero();
    }

    @Test
    void generate_should_slugTheGivenName_when_nameIsGiven() throws Exception {
        // GIVEN the base applied
        baseApplied();
        // WHEN generate runs with a name in words
        int code = cli.run(SchemaFixtures.withPinned(), "generate", "--name=Pin notes to the top");
        // THEN the file takes the name in snake_case
        assertThat(code).as(cli.output()).isZero();
        assertThat(cli.files()).containsExactly("V1__create_schema.sql", "V2__pin_notes_to_the_top.sql");
    }

    @Test
    void generate_should_refuse_when_migrationVersionsCollide() throws Exception {
        // GIVEN two files with version 1
        Files.createDirectories(cli.migrations());
        Files.writeString(cli.migrations().resolve("V1__create_a.sql"), "CREATE TABLE a (id text PRIMARY KEY);\n");
        Files.writeString(cli.migrations().resolve("V01__create_b.sql"), "CREATE TABLE b (id text PRIMARY KEY);\n");
        // WHEN generate runs
        int code = cli.run(SchemaFixtures.base(), "generate");
        // THEN it names the collision and writes nothing
        assertThat(code).isEqualTo(1);
        assertThat(cli.output()).contains("version 1 is used by 2 files");
        assertThat(cli.files()).hasSize(2);
    }

    private void baseApplied() throws Exception {
        assertThat(cli.run(SchemaFixtures.base(), "generate")).as(cli.output()).isZero();
        assertThat(cli.migrate().applied()).containsExactly("1");
        cli.output();
        assertThat(cli.files()).isEqualTo(List.of("V1__create_schema.sql"));
    }
}
