package dev.starterkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.users.UsersHandler;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.testing.TestDatabase;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A SnapStart checkpoint and restore of an API function, simulated through its registered hooks. */
class ApiSnapStartIT {

    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabase.seeded(ApiSnapStartIT.class).url();
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void checkpoint_shouldPrimeAndCloseTheConnection_andRestoreShouldReconnect() throws Exception {
        // GIVEN a warm UsersFunction environment
        ApiRuntime runtime = ApiRuntime.create(EnvironmentLoader.load(Optional.of("test"),
            Map.of("DATABASE_URL", url), Path.of("target")), "SnapUsersFunction");
        try (UsersHandler handler = new UsersHandler(runtime)) {
            assertThat(get(handler).getStatusCode()).isEqualTo(200);
            int pidBefore = backendPid();

            // WHEN the runtime takes a snapshot and restores it
            runtime.snapStartHooks().beforeCheckpoint(null);
            int openAtSnapshot = sessions();
            runtime.snapStartHooks().afterRestore(null);

            // THEN nothing was open in the snapshot, and the restored environment serves on a new connection
            assertThat(openAtSnapshot).isZero();
            assertThat(get(handler).getStatusCode()).isEqualTo(200);
            assertThat(backendPid()).isNotEqualTo(pidBefore);
            assertThat(runtime.snapStartHooks().checkpoints()).isEqualTo(1);
        }
    }

    /** A fresh read ({@code Cache-Control: no-cache}), so that it reaches PostgreSQL. */
    private static APIGatewayV2HTTPResponse get(UsersHandler handler) {
        return handler.handleRequest(Events.withHeader(Events.load("UsersFunction", "get-user", Map.of()),
            "cache-control", "no-cache"), null);
    }

    private static int sessions() throws Exception {
        return queryInt("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'SnapUsersFunction'");
    }

    private static int backendPid() throws Exception {
        return queryInt("SELECT pid FROM pg_stat_activity WHERE application_name = 'SnapUsersFunction'");
    }

    private static int queryInt(String sql) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
