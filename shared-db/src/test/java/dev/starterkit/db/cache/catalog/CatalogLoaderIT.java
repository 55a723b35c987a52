package dev.starterkit.db.cache.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogLoaderIT {

    private static String url;
    private static SchemaCatalog catalog;

    @BeforeAll
    static void setUp() throws Exception {
        url = TestPostgres.get().createDatabase(CatalogLoaderIT.class);
        new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "migrate"), Connector.jdbc())).migrate();
        try (Connection connection = TestPostgres.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE org (id text PRIMARY KEY)");
            statement.execute("CREATE TABLE membership (user_id text REFERENCES \"user\"(id) ON DELETE CASCADE, "
                + "org_id text REFERENCES org(id) ON DELETE SET NULL)");
            statement.execute("CREATE TABLE audit (note text)");
            statement.execute("CREATE VIEW user_names AS SELECT id, name FROM \"user\"");
            statement.execute("CREATE VIEW named_members AS SELECT m.* FROM membership m JOIN user_names u "
                + "ON u.id = m.user_id");
            statement.execute("CREATE VIEW recent_users AS SELECT * FROM \"user\" WHERE created_at > now() - "
                + "interval '1 day'");
            statement.execute("CREATE FUNCTION log_it() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "INSERT INTO audit VALUES ('x'); RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER org_audit AFTER INSERT ON org FOR EACH ROW EXECUTE FUNCTION log_it()");
            statement.execute("CREATE FUNCTION bump_audit() RETURNS void LANGUAGE sql VOLATILE AS "
                + "$$ INSERT INTO audit VALUES ('y') $$");
            statement.execute("CREATE TABLE counter (id bigint PRIMARY KEY)");
            statement.execute("CREATE TABLE c_key (id text COLLATE \"C\" PRIMARY KEY)");
            statement.execute("CREATE TABLE pair (a int, b int, PRIMARY KEY (a, b))");
            statement.execute("CREATE TABLE stamp (at timestamptz PRIMARY KEY)");
            statement.execute("CREATE TABLE part (id int PRIMARY KEY) PARTITION BY RANGE (id)");
            statement.execute("CREATE TABLE part_1 PARTITION OF part FOR VALUES FROM (0) TO (10)");
            statement.execute("CREATE TABLE twin (id int PRIMARY KEY)");
            statement.execute("CREATE SCHEMA other");
            statement.execute("CREATE TABLE other.twin (id int PRIMARY KEY)");
            statement.execute("CREATE TABLE ruled (id int PRIMARY KEY)");
            statement.execute("CREATE RULE ruled_log AS ON UPDATE TO ruled DO ALSO INSERT INTO audit VALUES ('r')");
        }
        try (Connection connection = TestPostgres.connect(url)) {
            catalog = CatalogLoader.load(connection);
        }
    }

    @AfterAll
    static void tearDown() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void load_shouldFollowForeignKeyActions_whenComputingTheReachOfAWrite() {
        // GIVEN / WHEN / THEN deleting a user cascades to the schema's user tables and the fixture's membership;
        // deleting an org sets membership's org null
        assertThat(catalog.reachOfWrite(Set.of("user")).orElseThrow()).containsExactlyInAnyOrder("user",
            "membership", "session", "identity", "member", "passkey", "invitation");
        assertThat(catalog.reachOfWrite(Set.of("membership")).orElseThrow()).containsExactly("membership");
        assertThat(catalog.reachOfWrite(Set.of("org"))).as("org has a user trigger").isEmpty();
    }

    @Test
    void load_shouldResolveViewsToTheirTables_andMarkNonDeterministicOnes() {
        // GIVEN / WHEN / THEN
        assertThat(catalog.tablesRead("named_members")).contains("membership", "user", "user_names");
        assertThat(catalog.unpredictable()).contains("recent_users").doesNotContain("user_names");
    }

    @Test
    void load_shouldKnowFunctionVolatility_fromPgProc() {
        // GIVEN / WHEN / THEN
        assertThat(catalog.isImmutable("lower")).isTrue();
        assertThat(catalog.isImmutable("now")).isFalse();
        assertThat(catalog.isImmutable("random")).isFalse();
        assertThat(catalog.mayWrite("bump_audit")).isTrue();
        assertThat(catalog.mayWrite("random")).isFalse();
    }

    @Test
    void load_shouldKnowPrimaryKeys_thatNameOneRow() {
        // GIVEN / WHEN / THEN single-column keys of text, varchar (deterministic collations), integer and uuid types
        assertThat(catalog.primaryKey("user")).isEqualTo(new PrimaryKey("id", PrimaryKey.Type.TEXT));
        assertThat(catalog.primaryKey("counter")).isEqualTo(new PrimaryKey("id", PrimaryKey.Type.INTEGER));
        assertThat(catalog.primaryKey("c_key")).isEqualTo(new PrimaryKey("id", PrimaryKey.Type.TEXT));
        // composite and timestamp keys, partitioned tables and partitions, names in two schemas, views: none
        assertThat(Stream.of("pair", "stamp", "part", "part_1", "twin", "user_names", "audit")
            .map(catalog::primaryKey)).containsOnlyNulls();
    }

    @Test
    void load_shouldTreatRewriteRulesLikeTriggers_whenComputingTheReachOfAWrite() {
        // GIVEN / WHEN / THEN an UPDATE of ruled also inserts into audit: its reach is unknown
        assertThat(catalog.reachOfWrite(Set.of("ruled"))).isEmpty();
        assertThat(catalog.reachOfWrite(Set.of("counter"))).contains(Set.of("counter"));
    }
}
