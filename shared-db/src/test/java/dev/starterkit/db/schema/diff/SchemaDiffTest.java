package dev.starterkit.db.schema.diff;

import static dev.starterkit.db.schema.diff.Schemas.fk;
import static dev.starterkit.db.schema.diff.Schemas.nullableText;
import static dev.starterkit.db.schema.diff.Schemas.schema;
import static dev.starterkit.db.schema.diff.Schemas.table;
import static dev.starterkit.db.schema.diff.Schemas.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.SchemaModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static final SchemaModel BASE = schema(
        table("person").column(text("name")).column(nullableText("nick")).build(),
        table("note").column(text("title")).column(text("author_id"))
            .fk(fk("note_author_id_fk", "author_id", "person")).index("note_author_id_idx", "author_id").build());

    @Test
    void between_should_findNothing_when_theSchemasAreEqual() {
        // GIVEN the same schema twice
        // WHEN they are compared
        SchemaDiff diff = SchemaDiff.between(BASE, BASE, Renames.none());
        // THEN there is nothing to do
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.statements()).isEmpty();
    }

    @Test
    void between_should_addAColumnAndAnIndex_when_theTargetHasThem() {
        // GIVEN a target whose note has a pinned flag with a default and an index on title
        SchemaModel target = schema(BASE.table("person").orElseThrow(),
            table("note").column(text("title")).column(text("author_id"))
                .column(new ColumnDef("pinned", "boolean", false, "false"))
                .fk(fk("note_author_id_fk", "author_id", "person")).index("note_author_id_idx", "author_id")
                .index("note_title_idx", "title").build());
        // WHEN the base is compared with it
        SchemaDiff diff = SchemaDiff.between(BASE, target, Renames.none());
        // THEN the column comes before the index, nothing is destructive, and the name says what was added
        assertThat(diff.statements()).containsExactly(
            "ALTER TABLE \"note\" ADD COLUMN \"pinned\" boolean DEFAULT false NOT NULL",
            "CREATE INDEX \"note_title_idx\" ON \"note\" USING btree (\"title\")");
        assertThat(diff.destructive()).isFalse();
        assertThat(diff.suggestedName()).isEqualTo("add_note_pinned");
    }

    @Test
    void between_should_dropForeignKeysBeforeTables_when_referencingTablesGoToo() {
        // GIVEN an empty target: both tables go, and note references person
        // WHEN the base is compared with it
        SchemaDiff diff = SchemaDiff.between(BASE, schema(), Renames.none());
        // THEN the foreign key is dropped first, then the tables in name order, each marked destructive
        assertThat(diff.statements()).containsExactly(
            "ALTER TABLE \"note\" DROP CONSTRAINT \"note_author_id_fk\"",
            "DROP TABLE \"note\"",
            "DROP TABLE \"person\"");
        assertThat(diff.changes()).filteredOn(SchemaChange::destructive).hasSize(2);
        assertThat(diff.script(List.of("test"))).contains("-- DESTRUCTIVE: - table note and its rows\n"
            + "DROP TABLE \"note\";\n");
    }

    @Test
    void between_should_createTablesBeforeTheirForeignKeysAndIndexes_when_startingEmpty() {
        // GIVEN an empty schema and the base as target
        // WHEN they are compared
        SchemaDiff diff = SchemaDiff.between(schema(), BASE, Renames.none());
        // THEN both tables come first, then indexes, then the foreign key; the file is named create_schema
        assertThat(diff.statements()).hasSize(4);
        assertThat(diff.statements().get(0)).startsWith("CREATE TABLE \"note\"");
        assertThat(diff.statements().get(1)).startsWith("CREATE TABLE \"person\"");
        assertThat(diff.statements().get(2)).startsWith("CREATE INDEX \"note_author_id_idx\"");
        assertThat(diff.statements().get(3)).startsWith("ALTER TABLE \"note\" ADD CONSTRAINT \"note_author_id_fk\"");
        assertThat(diff.suggestedName()).isEqualTo("create_schema");
    }

    @Test
    void between_should_dropTheDefaultAroundATypeChange_when_theColumnHasOne() {
        // GIVEN a counter that goes from text with a default to bigint with another, and becomes nullable
        SchemaModel from = schema(table("t").column(new ColumnDef("counter", "text", false, "'0'::text")).build());
        SchemaModel to = schema(table("t").column(new ColumnDef("counter", "bigint", true, "0")).build());
        // WHEN they are compared
        SchemaDiff diff = SchemaDiff.between(from, to, Renames.none());
        // THEN the old default goes first, then the type (destructive), then the new default and nullability
        assertThat(diff.statements()).containsExactly(
            "ALTER TABLE \"t\" ALTER COLUMN \"counter\" DROP DEFAULT",
            "ALTER TABLE \"t\" ALTER COLUMN \"counter\" TYPE bigint USING \"counter\"::bigint",
            "ALTER TABLE \"t\" ALTER COLUMN \"counter\" SET DEFAULT 0",
            "ALTER TABLE \"t\" ALTER COLUMN \"counter\" DROP NOT NULL");
        assertThat(diff.changes()).filteredOn(SchemaChange::destructive).hasSize(1);
    }

    @Test
    void between_should_failNamingTheColumns_when_aGoneColumnMayHaveBeenRenamed() {
        // GIVEN person.nick gone and person.nickname new, with no rename given and nobody to ask
        SchemaModel target = renamedNick();
        // WHEN they are compared
        Throwable thrown = catchThrowable(
            () -> SchemaDiff.between(BASE, target, Renames.none()));
        // THEN the diff refuses, naming the gone column and the candidate
        assertThat(thrown).isInstanceOf(SchemaDiffRenameException.class);
        assertThat(((SchemaDiffRenameException) thrown).undecided())
            .containsExactly("person.nick (new in person: nickname)");
    }

    @Test
    void between_should_renameAndKeepTheIndex_when_theRenameIsGiven() {
        // GIVEN note.title renamed to heading, its index following the column
        SchemaModel from = schema(table("note").column(text("title")).index("note_title_idx", "title").build());
        SchemaModel to = schema(table("note").column(text("heading")).index("note_title_idx", "heading").build());
        // WHEN compared with the rename given
        SchemaDiff diff = SchemaDiff.between(from, to, Renames.parse(List.of("note.title=heading")));
        // THEN one rename, no drop, no index rebuilt
        assertThat(diff.statements()).containsExactly("ALTER TABLE \"note\" RENAME COLUMN \"title\" TO \"heading\"");
        assertThat(diff.suggestedName()).isEqualTo("rename_note_title_to_heading");
    }

    @Test
    void between_should_dropAndAdd_when_toldTheColumnsAreNotRenamed() {
        // GIVEN person.nick gone and person.nickname new
        // WHEN compared without renames
        SchemaDiff diff = SchemaDiff.between(BASE, renamedNick(), Renames.dropAndAdd());
        // THEN the new column is added and the old one dropped, marked destructive
        assertThat(diff.statements()).containsExactly(
            "ALTER TABLE \"person\" DROP COLUMN \"nick\"",
            "ALTER TABLE \"person\" ADD COLUMN \"nickname\" text");
        assertThat(diff.destructive()).isTrue();
    }

    @Test
    void between_should_renameAsAnswered_when_aQuestionCanBeAsked() {
        // GIVEN a question that answers nickname
        RenameQuestion answers = new RenameQuestion() {
            @Override
            public boolean canAsk() {
                return true;
            }

            @Override
            public Optional<String> ask(String table, String column, List<String> candidates) {
                assertThat(table + "." + column + candidates).isEqualTo("person.nick[nickname]");
                return Optional.of("nickname");
            }
        };
        // WHEN compared asking it
        SchemaDiff diff = SchemaDiff.between(BASE, renamedNick(), Renames.none().askingWith(answers));
        // THEN the column is renamed
        assertThat(diff.statements()).containsExactly("ALTER TABLE \"person\" RENAME COLUMN \"nick\" TO \"nickname\"");
    }

    @Test
    void between_should_rebuildAForeignKey_when_theUniqueKeyItReferencesIsReplaced() {
        // GIVEN note.code referencing person.code, whose unique constraint is renamed
        ForeignKeyDef byCode = new ForeignKeyDef("note_code_fk", List.of("code"), "person", List.of("code"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
        SchemaModel from = schema(table("person").column(text("code")).unique("person_code_key", "code").build(),
            table("note").column(text("code")).fk(byCode).build());
        SchemaModel to = schema(table("person").column(text("code")).unique("person_code_unique", "code").build(),
            table("note").column(text("code")).fk(byCode).build());
        // WHEN they are compared
        SchemaDiff diff = SchemaDiff.between(from, to, Renames.none());
        // THEN the foreign key is dropped before the old constraint and added after the new one
        assertThat(diff.statements()).containsExactly(
            "ALTER TABLE \"note\" DROP CONSTRAINT \"note_code_fk\"",
            "ALTER TABLE \"person\" DROP CONSTRAINT \"person_code_key\"",
            "ALTER TABLE \"person\" ADD CONSTRAINT \"person_code_unique\" UNIQUE (\"code\")",
            "ALTER TABLE \"note\" ADD CONSTRAINT \"note_code_fk\" FOREIGN KEY (\"code\") REFERENCES \"person\" "
                + "(\"code\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    }

    @Test
    void parse_should_fail_when_aRenameIsNotTableDotOldEqualsNew() {
        // GIVEN malformed renames
        // WHEN each is parsed
        // THEN each fails with the expected form
        for (String spec : List.of("nick=nickname", "person.nick", "person.=x", "person.nick=")) {
            assertThat(catchThrowable(() -> Renames.parse(List.of(spec))))
                .as(spec).isInstanceOf(SchemaDiffException.class).hasMessageContaining("table.old=new");
        }
    }

    @Test
    void between_should_fail_when_aGivenRenameDoesNotFit() {
        // GIVEN a rename of a column the current schema does not have
        // WHEN compared with it
        Throwable thrown = catchThrowable(() -> SchemaDiff.between(BASE,
            renamedNick(), Renames.parse(List.of("person.nope=nickname"))));
        // THEN the diff says which rename does not fit
        assertThat(thrown).isInstanceOf(SchemaDiffException.class).hasMessageContaining("person.nope");
    }

    private static SchemaModel renamedNick() {
        return schema(table("person").column(text("name")).column(nullableText("nickname")).build(),
            BASE.table("note").orElseThrow());
    }
}
