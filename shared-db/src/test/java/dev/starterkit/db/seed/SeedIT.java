package dev.starterkit.db.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.starterkit.db.env.Stage;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.schema.Entities;
import dev.starterkit.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The packaged seeds through {@link Seeder} on a migrated database, emptied before each test. */
class SeedIT {

    private static final List<String> TABLES = Entities.schemaModel().tableNames();
    private static final Map<String, IdPrefix> PREFIXES = Map.of("user", IdPrefix.USER, "organization",
        IdPrefix.ORGANIZATION, "member", IdPrefix.MEMBER, "invitation", IdPrefix.INVITATION);
    /** 10 users, 3 organizations, 10 members and 1 invitation. */
    private static final long SAMPLE_ROWS = 24;
    /** The sample rows plus the sign-in credentials that dev and test get. */
    private static final long DEV_ROWS = SAMPLE_ROWS + 10;

    private static TestDatabase database;
    private static Seeder seeder;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.migrated(SeedIT.class);
        seeder = new Seeder(database.unpooled());
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        execute("TRUNCATE " + String.join(", ", TABLES.stream().map(t -> '"' + t + '"').toList()) + " CASCADE");
    }

    @Test
    void seed_should_insertTheOriginalsSampleUsersAndOrganizations_when_devIsSeeded() throws SQLException {
        // GIVEN an empty migrated database (emptyTables)
        // WHEN dev is seeded
        SeedResult result = seeder.seed(Stage.DEV);
        // THEN the sample files ran and the ten users, their organizations and one pending invitation exist
        assertThat(result.rowsByFile()).containsExactly(Map.entry("sample/01-users.sql", 10L),
            Map.entry("sample/02-organizations.sql", 14L), Map.entry("dev/01-credentials.sql", 10L));
        assertThat(query("SELECT name || ' <' || email || '> ' || email_verified FROM \"user\" ORDER BY name"))
            .containsExactly("Alice Johnson <alice@example.com> true", "Bob Smith <bob@example.com> true",
                "Charlie Brown <charlie@example.com> false", "Diana Prince <diana@example.com> true",
                "Eve Davis <eve@example.com> true", "Frank Miller <frank@example.com> false",
                "Grace Lee <grace@example.com> true", "Henry Wilson <henry@example.com> true",
                "Ivy Chen <ivy@example.com> false", "Jack Thompson <jack@example.com> true");
        assertThat(query("SELECT o.slug || ' ' || m.role || ' ' || u.name FROM member m JOIN organization o "
            + "ON o.id = m.organization_id JOIN \"user\" u ON u.id = m.user_id WHERE o.slug = 'acme' ORDER BY u.name"))
            .containsExactly("acme owner Alice Johnson", "acme admin Bob Smith", "acme member Charlie Brown",
                "acme member Diana Prince");
        assertThat(query("SELECT email || ' ' || status || ' ' || (expires_at > now()) FROM invitation"))
            .containsExactly("jack@example.com pending true");
    }

    @Test
    void seed_should_useValidPrefixedIds_when_devIsSeeded() throws SQLException {
        // GIVEN an empty migrated database (emptyTables)
        // WHEN dev is seeded
        seeder.seed(Stage.DEV);
        // THEN every seeded id has its table's prefix and shape
        for (Map.Entry<String, IdPrefix> table : PREFIXES.entrySet()) {
            assertThat(query("SELECT id FROM \"" + table.getKey() + "\"")).isNotEmpty()
                .allSatisfy(id -> assertThat(Ids.isValid(table.getValue(), id)).as(id).isTrue());
        }
    }

    @Test
    void seed_should_insertNothingAndChangeNothing_when_devIsSeededTwice() throws SQLException {
        // GIVEN a database seeded for dev once
        assertThat(seeder.seed(Stage.DEV).totalRows()).isEqualTo(DEV_ROWS);
        Map<String, List<String>> before = snapshot();
        // WHEN dev is seeded again
        SeedResult again = seeder.seed(Stage.DEV);
        // THEN no row was inserted and every table holds exactly what it held, timestamps included
        assertThat(again.rowsByFile()).hasSize(3).allSatisfy((file, rows) -> assertThat(rows).isZero());
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"TEST", "STAGING"})
    void seed_should_loadTheSampleData_when_theStageIsNotProd(Stage stage) throws SQLException {
        // GIVEN an empty migrated database (emptyTables)
        // WHEN a non-prod stage other than dev is seeded
        SeedResult result = seeder.seed(stage);
        // THEN it got the sample data too, and sign-in credentials only on test
        assertThat(result.totalRows()).isEqualTo(stage == Stage.TEST ? DEV_ROWS : SAMPLE_ROWS);
        assertThat(query("SELECT count(*) FROM identity WHERE password IS NOT NULL"))
            .containsExactly(stage == Stage.TEST ? "10" : "0");
    }

    @Test
    void seed_should_seedNothing_when_theStageIsProd() throws SQLException {
        // GIVEN an empty migrated database (emptyTables)
        // WHEN prod is seeded
        SeedResult result = seeder.seed(Stage.PROD);
        // THEN no file ran and every table is still empty
        assertThat(Seeder.filesFor(Stage.PROD)).isEmpty();
        assertThat(result.rowsByFile()).isEmpty();
        assertThat(snapshot()).allSatisfy((table, rows) -> assertThat(rows).as(table).isEmpty());
    }

    @Test
    void seed_should_leaveNothingBehind_when_aSeedFileFails() throws SQLException {
        // GIVEN seeds whose common file is valid and whose staging file fails after a valid insert
        Seeder failing = new Seeder(database.unpooled(), "db/test-seeds/failing");
        // WHEN they are run
        Throwable thrown = catchThrowable(() -> failing.seed(Stage.STAGING));
        // THEN the error names the failing file, no row of the run is kept, and seeding works again afterwards
        assertThat(thrown).isInstanceOf(SeedException.class).hasMessageContaining("staging/01-broken.sql");
        assertThat(snapshot()).allSatisfy((table, rows) -> assertThat(rows).as(table).isEmpty());
        assertThat(seeder.seed(Stage.DEV).totalRows()).isEqualTo(DEV_ROWS);
    }

    private static Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, query("SELECT t::text FROM \"" + table + "\" t ORDER BY id"));
        }
        return tables;
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
