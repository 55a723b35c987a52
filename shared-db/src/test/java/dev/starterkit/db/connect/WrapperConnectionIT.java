package dev.starterkit.db.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.env.Variable;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import dev.starterkit.db.env.EnvironmentLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deployed driver path: the AWS Advanced JDBC Wrapper over pgjdbc, with the properties used for RDS Proxy. */
class WrapperConnectionIT {

    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestPostgres.get().createDatabase(WrapperConnectionIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void connect_shouldReachPostgresAndRunFlyway_whenGoingThroughTheWrapper() throws Exception {
        // GIVEN the proxy settings' driver properties, minus the AWS credential plugin and TLS
        ConnectionSettings settings = wrapperSettings("WrapperFunction");

        // WHEN Flyway migrates and the shared connection queries through the wrapper
        new Migrator(new UnpooledDataSource(settings, Connector.jdbc())).migrate();
        try (SharedConnection shared = new SharedConnection(settings, Connector.jdbc());
             Connection c = new SharedConnectionDataSource(shared).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('application_name'), "
                 + "(SELECT max(version) FROM flyway_schema_history)")) {

            // THEN the function's name reached the server and the schema is current
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("WrapperFunction");
            assertThat(rs.getString(2)).isEqualTo(MigrationCatalog.latestVersion());
            assertThat(c.unwrap(Connection.class)).isNotNull();
        }
    }

    @Test
    void statementTimeout_shouldCancelALongQuery_whenItRunsPastTheLimit() {
        ConnectionSettings settings = ConnectionSettingsFactory.fromUrl(
            new Variable("DATABASE_URL", url, "test"), "timeout-test", 100);

        assertThatThrownBy(() -> {
            try (SharedConnection shared = new SharedConnection(settings, Connector.jdbc());
                 Connection c = new SharedConnectionDataSource(shared).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("SELECT pg_sleep(30)");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
    }

    private static ConnectionSettings wrapperSettings(String name) {
        DatabaseUrl parsed = DatabaseUrl.parse(url, "test");
        ConnectionSettings proxy = ConnectionSettingsFactory.fromEnvironment(
            EnvironmentLoader.load(Optional.empty(), Map.of(
                "DB_PROXY_ENDPOINT", parsed.host(), "DB_PORT", Integer.toString(parsed.port()),
                "DB_NAME", parsed.database(), "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:x"),
                Path.of("target")), name);
        Map<String, String> props = new HashMap<>(proxy.properties());
        props.put("wrapperPlugins", "");
        props.remove("secretsManagerSecretId");
        props.put("sslmode", "disable");
        props.put("user", parsed.user());
        if (parsed.password() != null) {
            props.put("password", parsed.password());
        }
        return new ConnectionSettings(proxy.jdbcUrl(), props, proxy.redactedTarget(), name,
            proxy.validateAfterIdle());
    }
}
