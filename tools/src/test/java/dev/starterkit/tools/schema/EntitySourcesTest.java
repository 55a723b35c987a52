package dev.starterkit.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.IndexDef;
import dev.starterkit.db.schema.ddl.PrimaryKeyDef;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import dev.starterkit.db.schema.ddl.UniqueDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitySourcesTest {

    private static final TableDef ACCOUNT = new TableDef("account", List.of(
        new ColumnDef("id", "uuid", false, null),
        new ColumnDef("handleID", "character varying(40)", false, null),
        new ColumnDef("class", "text", true, null),
        new ColumnDef("balance", "numeric(12,2)", false, "0")),
        new PrimaryKeyDef("account_pkey", List.of("id")),
        List.of(new UniqueDef("account_handle_unique", List.of("handleID"))), List.of(),
        List.of(new IndexDef("account_class_idx", List.of("class"), false, "hash")));
    private static final TableDef GRANT = new TableDef("grant", List.of(
        new ColumnDef("account_id", "uuid", false, null),
        new ColumnDef("role", "text", false, "'reader'::text")),
        new PrimaryKeyDef("grant_pkey", List.of("account_id", "role")), List.of(),
        List.of(new ForeignKeyDef("grant_account_fk", List.of("account_id"), "account", List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)), List.of());
    private static final TableDef ENTRY = new TableDef("ledger_entry", List.of(
        new ColumnDef("id", "bigint", false, null),
        new ColumnDef("account_id", "uuid", true, null),
        new ColumnDef("handle", "character varying(40)", true, null)),
        new PrimaryKeyDef("ledger_entry_pkey", List.of("id")), List.of(),
        List.of(new ForeignKeyDef("entry_account_fk", List.of("account_id"), "account", List.of("id"),
                ReferentialAction.SET_NULL, ReferentialAction.CASCADE),
            new ForeignKeyDef("entry_handle_fk", List.of("handle"), "account", List.of("handleID"),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)), List.of());

    private final EntitySources sources = EntitySources.of(new SchemaModel(List.of(ACCOUNT, GRANT, ENTRY)), "x.y");

    @Test
    void of_should_mapNamesAndTypesTheModelCannotInfer_when_columnsAreUnusual() {
        // GIVEN a column whose name snake_case would not give back, a keyword, and types with modifiers
        // WHEN the account record is rendered
        String account = sources.files().get("Account.java");
        // THEN those columns carry @MappedProperty, nullable ones are boxed, and the rest is plain
        assertThat(account).contains("package x.y;", "@MappedEntity(\"account\")",
            "@UniqueConstraint(name = \"account_handle_unique\", columns = \"handleID\")",
            "@Id UUID id,",
            "@MappedProperty(value = \"handleID\", definition = \"character varying(40)\") String handleID,",
            "@MappedProperty(value = \"class\") @Nullable String columnClass,",
            "@MappedProperty(definition = \"numeric(12,2)\") @DefaultSql(\"0\") BigDecimal balance) {");
    }

    @Test
    void of_should_writeForeignKeysToPrimaryKeysAndNoteTheRest_when_tablesReferenceEachOther() {
        // GIVEN a table with a composite key, and foreign keys to a primary key and to a unique column
        // WHEN the sources are rendered
        String entry = sources.files().get("LedgerEntry.java");
        // THEN the expressible foreign key is written with its actions; what cannot be said is noted
        assertThat(entry).contains("    @Nullable\n"
            + "    @ForeignKey(name = \"entry_account_fk\", references = Account.class, "
            + "onDelete = ReferentialAction.SET_NULL,\n"
            + "        onUpdate = ReferentialAction.CASCADE)\n"
            + "    UUID accountId,");
        assertThat(sources.files()).containsOnlyKeys("Account.java", "LedgerEntry.java", "IntrospectedEntities.java");
        assertThat(sources.notes()).containsExactly(
            "table grant left out: its primary key has 2 columns; an entity has one @Id",
            "index account_class_idx on account uses hash; @Index describes btree indexes",
            "foreign key entry_handle_fk on ledger_entry left out: a column has at most one @ForeignKey, to the "
                + "single-column primary key of another entity");
        assertThat(sources.files().get("IntrospectedEntities.java"))
            .contains("List.of(\n        Account.class,\n        LedgerEntry.class);");
    }
}
