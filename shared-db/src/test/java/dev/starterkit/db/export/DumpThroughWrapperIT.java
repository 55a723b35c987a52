package dev.starterkit.db.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.DatabaseUrl;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deployed driver path: dumping and restoring through the AWS Advanced JDBC Wrapper's connection. */
class DumpThroughWrapperIT {

    private String source;
    private String target;

    @BeforeEach
    void createDatabases() {
        source = TestPostgres.get().createDatabase(DumpThroughWrapperIT.class);
        target = TestPostgres.get().createDatabase(DumpThroughWrapperIT.class);
        DumpFixture.load(source);
    }

    @AfterEach
    void dropDatabases() {
        TestPostgres.get().dropDatabase(source);
        TestPostgres.get().dropDatabase(target);
    }

    @Test
    void writeAndRestore_shouldUseCopyThroughTheWrapper_whenConnectedLikeADeployedFunction() throws Exception {
        // GIVEN connections made the way a function behind RDS Proxy makes them (minus the credential plugin and TLS)
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        DumpResult result;

        // WHEN
        try (Connection c = Connector.jdbc().connect(wrapperSettings(source)); DumpSnapshot snapshot =
            DumpSnapshot.open(c); GZIPOutputStream gzip = new GZIPOutputStream(dump)) {
            assertThat(c.getClass().getName()).startsWith("software.amazon.jdbc");
            result = snapshot.write(gzip, DumpOptions.of(DumpKind.FULL), DumpListener.none());
        }
        RestoreResult restored;
        try (Connection c = Connector.jdbc().connect(wrapperSettings(target))) {
            restored = new DumpRestorer(c).restore(new ByteArrayInputStream(dump.toByteArray()), false);
        }

        // THEN
        assertThat(result.tableRows()).containsEntry("public.scratch", 3000L);
        assertThat(restored.rows()).isEqualTo(result.totalRows());
    }

    private static ConnectionSettings wrapperSettings(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url, "test");
        ConnectionSettings proxy = ConnectionSettingsFactory.fromEnvironment(
            EnvironmentLoader.load(Optional.empty(), Map.of(
                "DB_PROXY_ENDPOINT", parsed.host(), "DB_PORT", Integer.toString(parsed.port()),
                "DB_NAME", parsed.database(), "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:x"),
                Path.of("target")), "ExportFunction");
        Map<String, String> props = new HashMap<>(proxy.properties());
        props.put("wrapperPlugins", "");
        props.remove("secretsManagerSecretId");
        props.put("sslmode", "disable");
        props.put("user", parsed.user());
        if (parsed.password() != null) {
            props.put("password", parsed.password());
        }
        return new ConnectionSettings(proxy.jdbcUrl(), props, proxy.redactedTarget(), "ExportFunction",
            proxy.validateAfterIdle());
    }
}
