package dev.starterkit.db.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.testing.FakeSecretsManager;
import dev.starterkit.db.testing.JulCapture;
import dev.starterkit.db.testing.PasswordPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.jdbc.plugin.AwsSecretsManagerConnectionPlugin;

/**
 * A secret rotated while the function is warm: the deployed connection path (the AWS Advanced JDBC Wrapper with its
 * {@code awsSecretsManager} plugin, TLS required, settings built from the environment as in Lambda) against a
 * PostgreSQL that checks passwords with SCRAM over TLS, and a Secrets Manager endpoint of the test's own.
 */
class CredentialRotationFaultIT {

    private static PasswordPostgres postgres;
    private static FakeSecretsManager secrets;
    private static JulCapture driverLog;

    private final List<SharedConnection> opened = new ArrayList<>();

    /** One role, its database and its secret per test: the wrapper caches secrets per id for the whole JVM. */
    private record Account(String role, String database, String secretArn, String password) {
    }

    private record Session(int pid, String user, boolean tls) {
    }

    @BeforeAll
    static void start() {
        postgres = PasswordPostgres.start();
        secrets = FakeSecretsManager.start().withDummyCredentials();
        driverLog = JulCapture.start("software.amazon.jdbc", "org.postgresql");
    }

    @AfterAll
    static void stop() {
        driverLog.close();
        // the wrapper keeps fetched secrets for the whole JVM: leave none behind for the next test class
        AwsSecretsManagerConnectionPlugin.clearCache();
        secrets.close();
        postgres.close();
    }

    @BeforeEach
    void clearLog() {
        driverLog.clear();
    }

    @AfterEach
    void closeConnections() {
        opened.forEach(SharedConnection::close);
    }

    @Test
    void read_shouldReconnectWithTheRotatedPassword_whenTheWarmConnectionIsKilledAfterRotation() throws Exception {
        // GIVEN a warm function: one query done through the wrapper over TLS, the secret fetched once
        Account account = account("rot_read");
        DataSource db = dataSource(account, Duration.ofHours(1));
        Session warm = session(db);
        assertThat(warm.user()).isEqualTo(account.role());
        assertThat(warm.tls()).as("the session is encrypted").isTrue();
        assertThat(secrets.calls(account.secretArn())).isEqualTo(1);

        // WHEN the password rotates on the server and in the secret (a rotation's setSecret, then finishSecret)
        String rotated = rotate(account);
        // (the live session is not affected by the rotation, and nothing asks Secrets Manager)
        assertThat(session(db).pid()).isEqualTo(warm.pid());
        assertThat(secrets.calls(account.secretArn())).isEqualTo(1);
        // AND the live connection dies (the proxy's idle timeout, a failover) while the function stays warm
        assertThat(postgres.terminateSessionsOf(account.role())).isEqualTo(1);
        Session next = session(db);

        // THEN the next read succeeded on a new session that logged in with the new password
        assertThat(next.pid()).isNotEqualTo(warm.pid());
        assertThat(next.user()).isEqualTo(account.role());
        assertThat(next.tls()).isTrue();
        // AND inside that one reconnect the plugin's cached password was refused once (the caller never saw it), so
        // it asked Secrets Manager again and logged in with the answer
        assertThat(postgres.refusedLogins(account.role(), 1)).as("logins refused by the server").isEqualTo(1);
        assertThat(secrets.calls(account.secretArn())).isEqualTo(2);
        assertThat(opened.get(0).openedCount()).isEqualTo(2);
        assertThat(secrets.unsignedRequests()).as("requests the SDK did not sign").isZero();
        // AND the old password no longer works, the new one does
        assertLoginRefused(account, account.password());
        assertThat(postgres.refusedLogins(account.role(), 2)).isEqualTo(2);
        try (Connection direct = postgres.connect(account.database(), account.role(), rotated)) {
            assertThat(direct.isValid(2)).isTrue();
        }
        assertNoPasswordLogged(account.password(), rotated);
    }

    @Test
    void write_shouldSucceedWithTheRotatedPassword_whenTheConnectionDiedWhileIdle() throws Exception {
        // GIVEN a warm function whose connection is checked before use after any idle pause
        Account account = account("rot_write");
        DataSource db = dataSource(account, Duration.ZERO);
        execute(db, "CREATE TABLE note (body text NOT NULL)");
        assertThat(secrets.calls(account.secretArn())).isEqualTo(1);

        // WHEN the password rotates and the connection dies while the function waits for its next request
        String rotated = rotate(account);
        postgres.terminateSessionsOf(account.role());
        int written = execute(db, "INSERT INTO note (body) VALUES ('after rotation')");

        // THEN the write went through on a new connection (the idle check replaced the dead one before the write)
        assertThat(written).isEqualTo(1);
        assertThat(opened.get(0).replacedCount()).isEqualTo(1);
        assertThat(secrets.calls(account.secretArn())).isEqualTo(2);
        assertThat(postgres.refusedLogins(account.role(), 1)).as("logins refused by the server").isEqualTo(1);
        try (Connection direct = postgres.connect(account.database(), account.role(), rotated);
             Statement s = direct.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM note")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertNoPasswordLogged(account.password(), rotated);
    }

    @Test
    void read_shouldFailClearlyOnceAndRecover_whenTheSecretHoldsAPasswordTheServerRefuses() throws Exception {
        // GIVEN a warm function
        Account account = account("rot_wrong");
        DataSource db = dataSource(account, Duration.ofHours(1));
        session(db);

        // WHEN the server's password changes but the secret gets another one (a botched rotation)
        String onServer = "srv-" + UUID.randomUUID();
        String inSecret = "sec-" + UUID.randomUUID();
        asAdmin(() -> postgres.changePassword(account.role(), onServer));
        secrets.put(account.secretArn(), account.role(), inSecret);
        postgres.terminateSessionsOf(account.role());
        SQLException failure = catchThrowableOfType(SQLException.class, () -> readOnlySession(db));

        // THEN the read fails with a login error that says where the credentials came from and shows no password
        // (not with the closed connection that resetting read-only afterwards would meet)
        assertThat((Throwable) failure).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(failure.getSQLState()).isEqualTo("28P01");
        assertThat(failure.getMessage()).contains("login refused").contains("(secret)")
            .contains("password authentication failed for user \"" + account.role() + "\"");
        assertNoPassword(messages(failure), account.password(), onServer, inSecret);
        // AND the secret was re-fetched once for that attempt, not in a loop: the cached and the fetched password
        assertThat(secrets.calls(account.secretArn())).isEqualTo(2);
        assertThat(postgres.refusedLogins(account.role(), 2)).as("logins refused by the server").isEqualTo(2);

        // WHEN the secret is corrected, THEN the same warm function recovers on its next request
        secrets.put(account.secretArn(), account.role(), onServer);
        assertThat(session(db).user()).isEqualTo(account.role());
        assertThat(secrets.calls(account.secretArn())).isEqualTo(3);
        assertThat(postgres.refusedLogins(account.role(), 3)).as("the wrong cached password, once more").isEqualTo(3);
        assertNoPasswordLogged(account.password(), onServer, inSecret);
    }

    private Account account(String role) {
        String password = "pw-" + UUID.randomUUID();
        String arn = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + role + "-" + UUID.randomUUID();
        asAdmin(() -> postgres.createOwner(role + "_db", role, password));
        secrets.put(arn, role, password);
        return new Account(role, role + "_db", arn, password);
    }

    /** The deployed settings, built from the environment a deployed function gets, and the test's idle check. */
    private DataSource dataSource(Account account, Duration validateAfterIdle) {
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(), Map.of(
            "DB_PROXY_ENDPOINT", "127.0.0.1", "DB_PORT", Integer.toString(postgres.port()),
            "DB_NAME", account.database(), "DB_SECRET_ARN", account.secretArn(),
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint()), Path.of("target"));
        ConnectionSettings deployed = ConnectionSettingsFactory.fromEnvironment(env, "RotationFunction");
        assertThat(deployed.properties()).containsEntry("sslmode", "require")
            .containsEntry("wrapperPlugins", "awsSecretsManager").doesNotContainKey("password");
        SharedConnection shared = new SharedConnection(new ConnectionSettings(deployed.jdbcUrl(),
            deployed.properties(), deployed.redactedTarget(), deployed.applicationName(), validateAfterIdle),
            Connector.jdbc());
        opened.add(shared);
        return new SharedConnectionDataSource(shared);
    }

    private String rotate(Account account) {
        String rotated = "pw-" + UUID.randomUUID();
        asAdmin(() -> postgres.changePassword(account.role(), rotated));
        secrets.put(account.secretArn(), account.role(), rotated);
        return rotated;
    }

    /** pgjdbc's finest level logs SQL text, and the admin's ALTER ROLE carries the password: not the code's logs. */
    private static void asAdmin(Runnable statement) {
        driverLog.paused(statement);
    }

    private static Session session(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), current_user, ssl FROM pg_stat_ssl "
                 + "WHERE pid = pg_backend_pid()")) {
            rs.next();
            return new Session(rs.getInt(1), rs.getString(2), rs.getBoolean(3));
        }
    }

    /** A read as Micronaut Data runs one: read-only around the query, reset afterwards whatever happened. */
    private static Session readOnlySession(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setReadOnly(true);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), current_user, true")) {
                rs.next();
                return new Session(rs.getInt(1), rs.getString(2), rs.getBoolean(3));
            } finally {
                c.setReadOnly(false);
            }
        }
    }

    private static int execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static void assertLoginRefused(Account account, String password) {
        SQLException refused = catchThrowableOfType(SQLException.class,
            () -> postgres.connect(account.database(), account.role(), password).close());
        assertThat((Throwable) refused).as("login with the old password").isNotNull();
        assertThat(refused.getSQLState()).isEqualTo("28P01");
    }

    private static void assertNoPasswordLogged(String... passwords) {
        List<String> lines = driverLog.lines();
        assertThat(lines).as("wrapper and pgjdbc log records at every level").isNotEmpty();
        assertNoPassword(String.join("\n", lines), passwords);
    }

    /** Checks without echoing: a failing assertion must not print the password it found. */
    private static void assertNoPassword(String text, String... passwords) {
        for (String password : passwords) {
            assertThat(text.contains(password)).as("a password appears in the text").isFalse();
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
