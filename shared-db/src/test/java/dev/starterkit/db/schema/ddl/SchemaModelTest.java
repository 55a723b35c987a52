package dev.starterkit.db.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.starterkit.db.schema.ddl.ModelFixtures.BadDefinition;
import dev.starterkit.db.schema.ddl.ModelFixtures.BrokenIndex;
import dev.starterkit.db.schema.ddl.ModelFixtures.Owner;
import dev.starterkit.db.schema.ddl.ModelFixtures.Widget;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaModelTest {

    private static final SchemaModel MODEL = SchemaModel.fromEntities(List.of(Widget.class, Owner.class));

    @Test
    void fromEntities_should_describeColumnsInDeclarationOrder_when_readingAnEntity() {
        // GIVEN the widget entity with a type override, a default, a LocalDateTime and nullable columns
        // WHEN its table is read
        TableDef widget = MODEL.table("widget").orElseThrow();
        // THEN its columns come in record order with snake_case names, SQL types, nullability and defaults
        assertThat(widget.columns()).containsExactly(
            new ColumnDef("id", "text", false, null),
            new ColumnDef("code", "text", false, null),
            new ColumnDef("label", "text", true, null),
            new ColumnDef("data", "jsonb", true, null),
            new ColumnDef("revision", "bigint", false, "1"),
            new ColumnDef("local_at", "timestamp without time zone", true, null),
            new ColumnDef("owner_id", "text", true, null));
    }

    @Test
    void fromEntities_should_readKeysConstraintsAndIndexes_when_theEntityDeclaresThem() {
        // GIVEN the widget entity
        // WHEN its table is read
        TableDef widget = MODEL.table("widget").orElseThrow();
        // THEN the primary key, unique constraint, foreign key and index are described with their names
        assertThat(widget.primaryKey()).isEqualTo(new PrimaryKeyDef("widget_pkey", List.of("id")));
        assertThat(widget.uniques()).containsExactly(new UniqueDef("widget_code_unique", List.of("code")));
        assertThat(widget.foreignKeys()).containsExactly(new ForeignKeyDef("widget_owner_id_owner_id_fk",
            List.of("owner_id"), "owner", List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION));
        assertThat(widget.indexes()).containsExactly(
            new IndexDef("widget_label_code_idx", List.of("label", "code"), false, "btree"));
    }

    @Test
    void fromEntities_should_giveEqualModels_when_theEntitiesComeInAnotherOrder() {
        // GIVEN the same entities listed the other way round
        // WHEN both models are built
        SchemaModel reversed = SchemaModel.fromEntities(List.of(Owner.class, Widget.class));
        // THEN they are equal, tables sorted by name
        assertThat(reversed).isEqualTo(MODEL);
        assertThat(reversed.tableNames()).containsExactly("owner", "widget");
    }

    @Test
    void statements_should_createTablesThenForeignKeysThenIndexes_when_rendered() {
        // GIVEN the widget and owner model
        // WHEN it is rendered
        List<String> statements = MODEL.statements();
        // THEN tables come first, then foreign keys, then indexes, every identifier quoted
        assertThat(statements).containsExactly(
            "CREATE TABLE \"owner\" (\n    \"id\" text NOT NULL,\n    \"name\" text NOT NULL,\n"
                + "    CONSTRAINT \"owner_pkey\" PRIMARY KEY (\"id\")\n)",
            "CREATE TABLE \"widget\" (\n    \"id\" text NOT NULL,\n    \"code\" text NOT NULL,\n    \"label\" text,\n"
                + "    \"data\" jsonb,\n    \"revision\" bigint DEFAULT 1 NOT NULL,\n"
                + "    \"local_at\" timestamp without time zone,\n    \"owner_id\" text,\n"
                + "    CONSTRAINT \"widget_pkey\" PRIMARY KEY (\"id\"),\n"
                + "    CONSTRAINT \"widget_code_unique\" UNIQUE (\"code\")\n)",
            "ALTER TABLE \"widget\" ADD CONSTRAINT \"widget_owner_id_owner_id_fk\" FOREIGN KEY (\"owner_id\") "
                + "REFERENCES \"owner\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION",
            "CREATE INDEX \"widget_label_code_idx\" ON \"widget\" USING btree (\"label\", \"code\")");
        assertThat(MODEL.script()).startsWith(statements.get(0) + ";\n").endsWith(statements.get(3) + ";\n");
    }

    @Test
    void fromEntities_should_fail_when_anIndexNamesAnUnknownColumn() {
        // GIVEN an entity whose index names a column it does not have
        // WHEN its model is built
        Throwable thrown = catchThrowable(() -> SchemaModel.fromEntities(List.of(BrokenIndex.class)));
        // THEN the error names the entity, the index and the column
        assertThat(thrown).isInstanceOf(SchemaModelException.class)
            .hasMessageContaining("BrokenIndex").hasMessageContaining("broken_index_nope_idx")
            .hasMessageContaining("nope");
    }

    @Test
    void fromEntities_should_fail_when_aDefinitionIsMoreThanAType() {
        // GIVEN an entity whose @MappedProperty definition carries NOT NULL
        // WHEN its model is built
        Throwable thrown = catchThrowable(() -> SchemaModel.fromEntities(List.of(BadDefinition.class)));
        // THEN the error says a definition must be a type only
        assertThat(thrown).isInstanceOf(SchemaModelException.class).hasMessageContaining("SQL type only");
    }

    @Test
    void fromEntities_should_fail_when_aForeignKeyTargetIsNotInTheList() {
        // GIVEN the widget entity without the owner it references
        // WHEN its model is built
        Throwable thrown = catchThrowable(() -> SchemaModel.fromEntities(List.of(Widget.class)));
        // THEN the error names the foreign key and its missing target
        assertThat(thrown).isInstanceOf(SchemaModelException.class)
            .hasMessageContaining("widget_owner_id_owner_id_fk").hasMessageContaining("owner");
    }

    @Test
    void fromEntities_should_fail_when_theClassIsNotAnEntity() {
        // GIVEN a class that is not a @MappedEntity
        // WHEN a model is built from it
        Throwable thrown = catchThrowable(() -> SchemaModel.fromEntities(List.of(String.class)));
        // THEN the error names the class
        assertThat(thrown).isInstanceOf(SchemaModelException.class).hasMessageContaining("java.lang.String");
    }
}
