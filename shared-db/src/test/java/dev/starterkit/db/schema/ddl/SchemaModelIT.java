package dev.starterkit.db.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.schema.Entities;
import dev.starterkit.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entities' {@link SchemaModel} against the catalog that migration V1 creates, and the catalog its own rendered
 * DDL creates: model and migration must agree both ways.
 */
class SchemaModelIT {

    /** PostgreSQL stores {@code DEFAULT 'pending'} as {@code 'pending'::text}. */
    private static final Pattern CAST_LITERAL = Pattern.compile("^('(?:[^']|'')*')::[a-z ]+$");
    private static final String INFORMATION_SCHEMA_COLUMNS = """
        SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
        ORDER BY table_name, ordinal_position""";
    private static final List<String> TABLES = List.of("idempotency_key", "identity", "invitation", "member", "organization", "passkey",
        "session", "subscription", "user", "verification");

    private static TestDatabase migrated;
    private static TestDatabase rendered;
    private static SchemaModel model;
    private static SchemaModel migratedCatalog;
    private static SchemaModel renderedCatalog;

    @BeforeAll
    static void setUp() throws SQLException {
        model = Entities.schemaModel();
        migrated = TestDatabase.migrated(SchemaModelIT.class);
        rendered = TestDatabase.empty(SchemaModelIT.class);
        try (Connection connection = rendered.connect(); Statement statement = connection.createStatement()) {
            for (String sql : model.statements()) {
                statement.execute(sql);
            }
        }
        try (Connection one = migrated.connect(); Connection two = rendered.connect()) {
            migratedCatalog = CatalogReader.read(one);
            renderedCatalog = CatalogReader.read(two);
        }
    }

    @AfterAll
    static void tearDown() {
        migrated.close();
        rendered.close();
    }

    @Test
    void migrate_should_createExactlyTheModelsTables_when_theDatabaseIsEmpty() {
        // GIVEN an empty database migrated with V1 (setUp)
        // WHEN its tables are listed
        List<String> tables = migratedCatalog.tableNames();
        // THEN they are the model's ten tables
        assertThat(tables).isEqualTo(model.tableNames()).isEqualTo(TABLES);
    }

    @Test
    void migrate_should_giveEveryColumnTheModelsTypeNullabilityAndDefault_when_theDatabaseIsEmpty() {
        // GIVEN the migrated catalog with PostgreSQL's casts of literal defaults removed
        SchemaModel catalog = uncastDefaults(migratedCatalog);
        // WHEN each table's columns are compared in order
        // THEN names, order, SQL types, nullability and defaults all agree with the model
        for (TableDef table : model.tables()) {
            assertThat(columns(catalog, table.name())).as(table.name()).isEqualTo(table.columns());
        }
        assertThat(columns(catalog, "subscription"))
            .contains(new ColumnDef("cancel_at_period_end", "boolean", true, "false"));
        assertThat(columns(catalog, "invitation")).contains(new ColumnDef("status", "text", false, "'pending'"));
        assertThat(columns(catalog, "user"))
            .contains(new ColumnDef("is_anonymous", "boolean", false, "false"),
                new ColumnDef("created_at", "timestamp with time zone", false, "now()"));
        assertThat(columns(catalog, "passkey")).contains(new ColumnDef("backed_up", "boolean", false, null));
    }

    @Test
    void migrate_should_agreeWithTheModel_when_columnsAreReadFromInformationSchema() throws SQLException {
        // GIVEN the migrated database, read through the standard information_schema rather than pg_catalog
        List<String> columns = new ArrayList<>();
        try (Connection connection = migrated.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(INFORMATION_SCHEMA_COLUMNS)) {
            while (rows.next()) {
                columns.add(describe(rows.getString(1), new ColumnDef(rows.getString(2), rows.getString(3),
                    "YES".equals(rows.getString(4)), rows.getString(5))));
            }
        }
        // WHEN the model's columns are described the same way
        List<String> expected = model.tables().stream()
            .flatMap(t -> t.columns().stream().map(c -> describe(t.name(), c))).toList();
        // THEN every table, column, position, data type, nullability and default agrees
        assertThat(columns).hasSize(102).isEqualTo(expected);
    }

    @Test
    void migrate_should_nameKeysAndUniqueConstraintsLikeTheModel_when_theDatabaseIsEmpty() {
        // GIVEN the migrated catalog (setUp)
        // WHEN primary keys and unique constraints are compared
        // THEN names and columns, in key order, agree with the model
        assertThat(each(migratedCatalog, TableDef::primaryKey)).isEqualTo(each(model, TableDef::primaryKey));
        assertThat(each(migratedCatalog, TableDef::uniques)).isEqualTo(each(model, TableDef::uniques));
        assertThat(table(migratedCatalog, "passkey").uniques())
            .containsExactly(new UniqueDef("passkey_credentialID_unique", List.of("credential_id")));
        assertThat(table(migratedCatalog, "identity").uniques())
            .containsExactly(new UniqueDef("identity_provider_account_unique", List.of("provider_id", "account_id")));
        assertThat(table(migratedCatalog, "user").primaryKey()).isEqualTo(new PrimaryKeyDef("user_pkey", List.of("id")));
    }

    @Test
    void migrate_should_createTheModelsForeignKeys_when_theDatabaseIsEmpty() {
        // GIVEN the migrated catalog (setUp)
        // WHEN foreign keys are compared
        List<ForeignKeyDef> foreignKeys = migratedCatalog.tables().stream()
            .flatMap(t -> t.foreignKeys().stream()).toList();
        // THEN names, columns, targets and actions agree with the model: seven, all ON DELETE CASCADE
        assertThat(each(migratedCatalog, TableDef::foreignKeys)).isEqualTo(each(model, TableDef::foreignKeys));
        assertThat(foreignKeys).hasSize(7)
            .allSatisfy(fk -> assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE))
            .allSatisfy(fk -> assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.NO_ACTION));
        assertThat(table(migratedCatalog, "invitation").foreignKeys()).contains(new ForeignKeyDef(
            "invitation_inviter_id_user_id_fk", List.of("inviter_id"), "user", List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));
        assertThat(table(migratedCatalog, "session").foreignKeys()).extracting(ForeignKeyDef::columns)
            .containsExactly(List.of("user_id"));
        assertThat(table(migratedCatalog, "subscription").foreignKeys()).isEmpty();
    }

    @Test
    void migrate_should_createTheModelsIndexes_when_theDatabaseIsEmpty() {
        // GIVEN the migrated catalog (setUp)
        // WHEN the indexes that back no constraint are compared
        List<IndexDef> indexes = migratedCatalog.tables().stream().flatMap(t -> t.indexes().stream()).toList();
        // THEN names and columns agree with the model: fourteen plain btree indexes
        assertThat(each(migratedCatalog, TableDef::indexes)).isEqualTo(each(model, TableDef::indexes));
        assertThat(indexes).hasSize(15).allSatisfy(index -> {
            assertThat(index.method()).isEqualTo("btree");
            assertThat(index.unique()).isFalse();
        });
        assertThat(table(migratedCatalog, "session").indexes()).containsExactly(
            new IndexDef("session_active_org_id_idx", List.of("active_organization_id"), false, "btree"),
            new IndexDef("session_user_id_idx", List.of("user_id"), false, "btree"));
    }

    @Test
    void fromEntities_should_equalTheMigratedCatalog_when_literalDefaultsAreUncast() {
        // GIVEN the migrated catalog with PostgreSQL's casts of literal defaults removed
        SchemaModel catalog = uncastDefaults(migratedCatalog);
        // WHEN it is compared with the model as a whole
        // THEN nothing differs
        assertThat(catalog).isEqualTo(model);
    }

    @Test
    void statements_should_buildTheCatalogOfV1_when_runOnAnEmptyDatabase() {
        // GIVEN a second empty database on which the model's rendered DDL ran (setUp)
        // WHEN its catalog is compared with the one V1 built
        // THEN they are identical, defaults as PostgreSQL stores them included
        assertThat(renderedCatalog).isEqualTo(migratedCatalog);
    }

    private static String describe(String table, ColumnDef column) {
        ColumnDef plain = uncast(column);
        return table + "." + plain.name() + " " + plain.sqlType() + (plain.nullable() ? " NULL" : " NOT NULL")
            + (plain.defaultSql() == null ? "" : " DEFAULT " + plain.defaultSql());
    }

    private static TableDef table(SchemaModel schema, String name) {
        return schema.table(name).orElseThrow();
    }

    private static List<ColumnDef> columns(SchemaModel schema, String table) {
        return table(schema, table).columns();
    }

    private static <T> List<T> each(SchemaModel schema, Function<TableDef, T> part) {
        return schema.tables().stream().map(part).toList();
    }

    private static SchemaModel uncastDefaults(SchemaModel schema) {
        return new SchemaModel(schema.tables().stream().map(t -> new TableDef(t.name(),
            t.columns().stream().map(SchemaModelIT::uncast).toList(), t.primaryKey(), t.uniques(), t.foreignKeys(),
            t.indexes())).toList());
    }

    private static ColumnDef uncast(ColumnDef column) {
        if (column.defaultSql() == null) {
            return column;
        }
        Matcher literal = CAST_LITERAL.matcher(column.defaultSql());
        return literal.matches() ? new ColumnDef(column.name(), column.sqlType(), column.nullable(), literal.group(1))
            : column;
    }
}
