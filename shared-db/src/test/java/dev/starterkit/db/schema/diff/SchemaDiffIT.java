package dev.starterkit.db.schema.diff;

import static dev.starterkit.db.schema.diff.Schemas.fk;
import static dev.starterkit.db.schema.diff.Schemas.nullableText;
import static dev.starterkit.db.schema.diff.Schemas.schema;
import static dev.starterkit.db.schema.diff.Schemas.table;
import static dev.starterkit.db.schema.diff.Schemas.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.schema.ddl.CatalogReader;
import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Diffs applied to real PostgreSQL: the statements run in the order given, and the database they leave reads back
 * as the target schema. One database; each test empties its {@code public} schema first.
 */
class SchemaDiffIT {

    private static final ForeignKeyDef BY_CODE = new ForeignKeyDef("note_person_code_fk", List.of("person_code"),
        "person", List.of("code"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    private static final SchemaModel FROM = schema(
        table("person").column(text("name")).column(nullableText("nick")).column(text("code"))
            .unique("person_code_key", "code").build(),
        table("note").column(text("title")).column(text("body"))
            .column(new ColumnDef("counter", "text", false, "'0'::text")).column(text("author_id"))
            .column(nullableText("person_code")).fk(fk("note_author_id_fk", "author_id", "person")).fk(BY_CODE)
            .index("note_author_id_idx", "author_id").build(),
        table("tag").column(text("label")).column(text("note_id")).fk(fk("tag_note_id_fk", "note_id", "note"))
            .build(),
        table("legacy").column(text("person_id")).fk(fk("legacy_person_id_fk", "person_id", "person")).build());
    private static final SchemaModel TO = schema(
        table("person").column(text("name")).column(nullableText("nickname")).column(text("code"))
            .unique("person_code_unique", "code").build(),
        table("note").column(text("title")).column(nullableText("body"))
            .column(new ColumnDef("counter", "bigint", false, "0")).column(text("author_id"))
            .column(nullableText("person_code")).column(new ColumnDef("pinned", "boolean", false, "false"))
            .fk(new ForeignKeyDef("note_author_id_fk", List.of("author_id"), "person", List.of("id"),
                ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION)).fk(BY_CODE)
            .index("note_title_idx", "title").build(),
        table("comment").column(text("note_id")).column(text("said")).fk(fk("comment_note_id_fk", "note_id", "note"))
            .index("comment_note_id_idx", "note_id").build());

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.empty(SchemaDiffIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptySchema() throws SQLException {
        run(List.of("DROP SCHEMA public CASCADE", "CREATE SCHEMA public"));
    }

    @Test
    void statements_should_turnTheDatabaseIntoTheTarget_when_everyKindOfChangeIsApplied() throws SQLException {
        // GIVEN the target as PostgreSQL writes it back, then the starting schema with one person and one note
        run(TO.statements());
        SchemaModel target = read();
        run(List.of("DROP SCHEMA public CASCADE", "CREATE SCHEMA public"));
        run(FROM.statements());
        run(List.of("INSERT INTO person VALUES ('p1', 'Ada', 'ada', 'A1')",
            "INSERT INTO note VALUES ('n1', 'Hello', 'text', '42', 'p1', 'A1')"));
        // WHEN the diff, with person.nick renamed, runs in one transaction
        SchemaDiff diff = SchemaDiff.between(read(), target, Renames.parse(List.of("person.nick=nickname")));
        runInTransaction(diff.statements());
        // THEN the database reads back as the target, and the rows kept their values through the rename and cast
        assertThat(SchemaDiff.between(read(), target, Renames.none()).descriptions()).isEmpty();
        assertThat(query("SELECT nickname || ':' || counter || ':' || pinned FROM person, note"))
            .isEqualTo("ada:42:false");
        assertThat(diff.destructive()).isTrue();
    }

    @Test
    void statements_should_runInReverse_when_theTargetIsTheStartingSchema() throws SQLException {
        // GIVEN the starting schema as PostgreSQL writes it back, then the target applied
        run(FROM.statements());
        SchemaModel original = read();
        run(List.of("DROP SCHEMA public CASCADE", "CREATE SCHEMA public"));
        run(TO.statements());
        // WHEN the diff back to the original runs, nickname renamed back to nick
        SchemaDiff diff = SchemaDiff.between(read(), original, Renames.parse(List.of("person.nickname=nick")));
        runInTransaction(diff.statements());
        // THEN the database reads back as the original
        assertThat(SchemaDiff.between(read(), original, Renames.none()).descriptions()).isEmpty();
    }

    @Test
    void statements_should_createEverything_when_theDatabaseIsEmpty() throws SQLException {
        // GIVEN an empty database
        // WHEN the diff from nothing to the target runs
        runInTransaction(SchemaDiff.between(schema(), TO, Renames.none()).statements());
        // THEN it reads back as what the model's own DDL creates
        SchemaModel created = read();
        run(List.of("DROP SCHEMA public CASCADE", "CREATE SCHEMA public"));
        run(TO.statements());
        assertThat(created).isEqualTo(read());
    }

    private static SchemaModel read() throws SQLException {
        try (Connection connection = database.connect()) {
            return CatalogReader.read(connection);
        }
    }

    private static void run(List<String> statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void runInTransaction(List<String> statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }

    private static String query(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
