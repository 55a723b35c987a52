package dev.starterkit.db.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedConnectionIT {

    private static String url;

    @BeforeAll
    static void createDatabase() throws SQLException {
        url = TestPostgres.get().createDatabase(SharedConnectionIT.class);
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void getConnection_shouldUseOneServerConnection_whenManyQueriesAndTransactionsRun() throws Exception {
        // GIVEN an environment named after this test
        String name = "env-one-" + System.nanoTime();
        try (SharedConnection shared = new SharedConnection(TestPostgres.settings(url, name), Connector.jdbc())) {
            DataSource direct = new SharedConnectionDataSource(shared);

            // WHEN 500 queries run, some nested, some in transactions
            for (int i = 0; i < 500; i++) {
                try (Connection outer = direct.getConnection(); Connection inner = direct.getConnection()) {
                    assertThat(queryInt(outer, "SELECT 1")).isEqualTo(1);
                    if (i % 10 == 0) {
                        inner.setAutoCommit(false);
                        queryInt(inner, "SELECT 2");
                        inner.commit();
                        inner.setAutoCommit(true);
                    }
                }
            }

            // THEN the server saw exactly one session with the environment's application name
            assertThat(serverSessions(name)).isEqualTo(1);
            assertThat(shared.openedCount()).isEqualTo(1);
        }
    }

    @Test
    void executeQuery_shouldReconnectAndSucceed_whenTheBackendWasTerminated() throws Exception {
        String name = "env-kill-" + System.nanoTime();
        try (SharedConnection shared = new SharedConnection(TestPostgres.settings(url, name), Connector.jdbc())) {
            DataSource direct = new SharedConnectionDataSource(shared);
            try (Connection c = direct.getConnection()) {
                assertThat(queryInt(c, "SELECT 41 + 1")).isEqualTo(42);
            }

            // WHEN the server ends the session (failover, proxy idle timeout, pg_terminate_backend)
            terminate(name);

            // THEN the next read succeeds on a new connection, prepared statement parameters intact
            try (Connection c = direct.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT ?::int * 2")) {
                ps.setInt(1, 21);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
            }
            assertThat(shared.openedCount()).isEqualTo(2);
            assertThat(shared.replacedCount()).isEqualTo(1);
            assertThat(serverSessions(name)).isEqualTo(1);
        }
    }

    @Test
    void executeUpdate_shouldFailOnceAndNotApplyTwice_whenTheBackendDiedBeforeAWrite() throws Exception {
        String name = "env-write-" + System.nanoTime();
        try (SharedConnection shared = new SharedConnection(TestPostgres.settings(url, name), Connector.jdbc())) {
            DataSource direct = new SharedConnectionDataSource(shared);
            try (Connection c = direct.getConnection()) {
                queryInt(c, "SELECT 1");
            }
            terminate(name);

            // WHEN a write runs on the dead connection, it is reported as failed, not silently re-sent
            try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO note VALUES (1, 'once')"))
                    .isInstanceOf(SQLException.class);
            }

            // THEN the next use gets a working connection and the row was not written twice
            try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO note VALUES (1, 'once') ON CONFLICT DO NOTHING");
                assertThat(queryInt(c, "SELECT count(*) FROM note WHERE id = 1")).isEqualTo(1);
            }
        }
    }

    @Test
    void getConnection_shouldReplaceADeadConnection_whenItWasIdle() throws Exception {
        // GIVEN settings that check any connection idle for more than zero time
        String name = "env-idle-" + System.nanoTime();
        ConnectionSettings base = TestPostgres.settings(url, name);
        ConnectionSettings eager = new ConnectionSettings(base.jdbcUrl(), base.properties(), base.redactedTarget(),
            base.applicationName(), Duration.ZERO);
        try (SharedConnection shared = new SharedConnection(eager, Connector.jdbc())) {
            DataSource direct = new SharedConnectionDataSource(shared);
            try (Connection c = direct.getConnection()) {
                queryInt(c, "SELECT 1");
            }
            terminate(name);

            // WHEN a write is the first statement after the pause
            try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO note VALUES (2, 'after pause')");
            }

            // THEN it succeeded, on a connection checked and replaced before use
            assertThat(shared.replacedCount()).isEqualTo(1);
        }
    }

    @Test
    void close_shouldRollBackAndResetTheSession_whenACallerLeftATransactionOpen() throws Exception {
        try (SharedConnection shared = new SharedConnection(TestPostgres.settings(url, "env-reset"),
            Connector.jdbc())) {
            DataSource direct = new SharedConnectionDataSource(shared);
            try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO note VALUES (3, 'never committed')");
            }
            try (Connection c = direct.getConnection()) {
                assertThat(c.getAutoCommit()).isTrue();
                assertThat(queryInt(c, "SELECT count(*) FROM note WHERE id = 3")).isZero();
            }
        }
    }

    @Test
    void close_shouldReopenOnNextUse_whenClosedBeforeACheckpoint() throws Exception {
        try (SharedConnection shared = new SharedConnection(TestPostgres.settings(url, "env-snap"),
            Connector.jdbc())) {
            DataSource direct = new SharedConnectionDataSource(shared);
            try (Connection c = direct.getConnection()) {
                queryInt(c, "SELECT 1");
            }
            shared.close();
            assertThat(shared.isOpen()).isFalse();
            try (Connection c = direct.getConnection()) {
                assertThat(queryInt(c, "SELECT 7")).isEqualTo(7);
            }
            assertThat(shared.openedCount()).isEqualTo(2);
        }
    }

    private static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int serverSessions(String applicationName) throws SQLException {
        try (Connection c = TestPostgres.connect(url);
             PreparedStatement ps = c.prepareStatement(
                 "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void terminate(String applicationName) throws SQLException {
        try (Connection c = TestPostgres.connect(url);
             PreparedStatement ps = c.prepareStatement(
                 "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
