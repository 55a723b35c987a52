package dev.starterkit.tools.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/db push} on real PostgreSQL: a test database at the base fixture schema, pushed to variants. */
class PushCommandIT {

    @TempDir
    Path project;

    private String url;
    private SchemaCli cli;

    @BeforeEach
    void createDatabase() {
        url = TestPostgres.get().createDatabase(PushCommandIT.class);
        cli = new SchemaCli(url, project);
        assertThat(cli.run(SchemaFixtures.base(), "push", "--env", "dev")).as(cli.output()).isZero();
    }

    @AfterEach
    void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void push_should_applyWithoutAsking_when_nothingIsDestructiveOnDev() throws Exception {
        // GIVEN the base schema pushed to an empty database (setUp)
        // WHEN the model gains note.pinned and push runs without a terminal
        int code = cli.run(SchemaFixtures.withPinned(), "push:dev");
        // THEN the statement is shown and applied, no migration is written, and the database is the model
        String output = cli.output();
        assertThat(code).as(output).isZero();
        assertThat(output).contains("ALTER TABLE \"note\" ADD COLUMN \"pinned\" boolean DEFAULT false NOT NULL;",
            "Applied 1 statement to", "No migration was written");
        assertThat(cli.files()).isEmpty();
        assertThat(cli.schema().table("note").orElseThrow().column("pinned")).isPresent();
        assertThat(cli.run(SchemaFixtures.withPinned(), "push:dev")).isZero();
        assertThat(cli.output()).contains("No schema changes");
    }

    @Test
    void push_should_askFirst_when_aStatementIsDestructive() throws Exception {
        // GIVEN a tag row, and a model without the tag table
        cli.execute("INSERT INTO person VALUES ('p1', 'Ada', NULL)", "INSERT INTO note VALUES ('n1', 'T', 'B', 'p1')",
            "INSERT INTO tag VALUES ('t1', 'x', 'n1')");
        // WHEN push runs without a terminal, then declined, then confirmed
        int noTerminal = cli.run(SchemaFixtures.withoutTag(), "push:dev");
        int declined = cli.runAnswering(SchemaFixtures.withoutTag(), "n\n", "push:dev");
        String refusals = cli.output();
        int confirmed = cli.runAnswering(SchemaFixtures.withoutTag(), "y\n", "push:dev");
        // THEN nothing changes until the user agrees; the question says how much is destructive
        assertThat(noTerminal).isEqualTo(3);
        assertThat(declined).isEqualTo(3);
        assertThat(refusals).contains("-- DESTRUCTIVE: - table tag and its rows", "1 of them destructive");
        assertThat(confirmed).isZero();
        assertThat(cli.schema().table("tag")).isEmpty();
        assertThat(cli.query("SELECT count(*) FROM note")).isEqualTo("1");
    }

    @Test
    void push_should_askOnProd_when_nothingIsDestructive() throws Exception {
        // GIVEN the base schema (setUp)
        // WHEN an additive change is pushed to prod without a terminal, then with --yes
        int noTerminal = cli.run(SchemaFixtures.withTitleIndex(), "push:prod");
        boolean before = cli.schema().table("note").orElseThrow().indexes().stream()
            .anyMatch(i -> i.name().equals("note_title_idx"));
        int yes = cli.run(SchemaFixtures.withTitleIndex(), "push:prod", "--yes");
        // THEN prod refuses without an answer and applies with one
        assertThat(noTerminal).isEqualTo(3);
        assertThat(before).isFalse();
        assertThat(yes).as(cli.output()).isZero();
        assertThat(cli.schema().table("note").orElseThrow().indexes()).extracting(i -> i.name())
            .contains("note_title_idx");
    }

    @Test
    void push_should_renameKeepingTheValues_when_renameIsGiven() throws Exception {
        // GIVEN a person with a nick
        cli.execute("INSERT INTO person VALUES ('p1', 'Ada', 'ada')");
        // WHEN person.nick becomes nickname and push runs with --rename
        int code = cli.run(SchemaFixtures.withNickname(), "push:dev", "--rename=person.nick=nickname");
        // THEN the column is renamed, the value kept
        assertThat(code).as(cli.output()).isZero();
        assertThat(cli.query("SELECT nickname FROM person")).isEqualTo("ada");
    }
}
