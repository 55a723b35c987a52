package dev.starterkit.db.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.SharedConnectionDataSource;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import dev.starterkit.db.testing.SimulatedCracContext;
import dev.starterkit.db.testing.TestPostgres;
import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.jdbc.plugin.AwsSecretsManagerConnectionPlugin;
import software.amazon.jdbc.plugin.TokenInfo;
import software.amazon.jdbc.util.CoreServicesContainer;
import software.amazon.jdbc.util.storage.StorageService;

/** SnapStart checkpoint and restore, simulated through the same CRaC hooks a SnapStart runtime calls. */
class SnapStartHooksIT {

    private static final String APP = "snapstart-it";
    private static final int IDS_PER_ENVIRONMENT = 5_000;
    private static String url;

    private SharedConnection shared;
    private SimulatedCracContext crac;

    @BeforeAll
    static void createDatabase() {
        url = TestPostgres.get().createDatabase(SnapStartHooksIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @BeforeEach
    void openEnvironment() {
        shared = new SharedConnection(TestPostgres.settings(url, APP), Connector.jdbc());
        crac = new SimulatedCracContext();
    }

    @AfterEach
    void closeEnvironment() {
        shared.close();
    }

    @Test
    void restore_shouldServeFromAFreshConnection_whenTheConnectionWasOpenAtCheckpoint() throws Exception {
        // GIVEN an environment that served a request before its snapshot
        new SnapStartHooks(List.of()).closeOnCheckpoint(shared).registerWith(crac);
        int before = backendPid();

        // WHEN the snapshot is taken
        crac.checkpoint();

        // THEN no connection is open, and the server no longer has the old session
        assertThat(shared.isOpen()).isFalse();
        assertThat(sessionGone(before)).isTrue();

        // WHEN the environment is restored and serves the next request
        crac.restore();
        int after = backendPid();

        // THEN it runs on a new server session
        assertThat(after).isNotEqualTo(before);
        assertThat(shared.openedCount()).isEqualTo(2);
    }

    @Test
    void checkpoint_shouldLeaveNoConnectionOpen_whenAPrimerRanARequestPathAgainstTheDatabase() throws Exception {
        // GIVEN the standard primers, one that runs a representative query, and one that fails
        AtomicInteger primed = new AtomicInteger();
        Primer request = () -> {
            backendPid();
            primed.incrementAndGet();
        };
        Primer broken = () -> {
            throw new IllegalStateException("no route");
        };
        new SnapStartHooks(List.of(Primers.dataLayer(), Primers.offlineRequestPath(shared.settings()), broken,
            request)).closeOnCheckpoint(shared).registerWith(crac);

        // WHEN
        crac.checkpoint();

        // THEN the working primers ran, the failing one did not stop the snapshot, and nothing stays connected
        assertThat(primed).hasValue(1);
        assertThat(shared.openedCount()).isEqualTo(1);
        assertThat(shared.isOpen()).isFalse();
    }

    @Test
    void restore_shouldKeepIdsUnique_whenEnvironmentsAreRestoredFromOneSnapshot() throws Exception {
        // GIVEN hooks with an extra reseeder, and ids drawn before the snapshot
        AtomicInteger reseeded = new AtomicInteger();
        SnapStartHooks hooks = new SnapStartHooks(List.of()).reseedOnRestore(reseeded::incrementAndGet)
            .registerWith(crac);
        List<String> drawn = new ArrayList<>(draw(IDS_PER_ENVIRONMENT));
        crac.checkpoint();

        // WHEN two environments are restored from the snapshot and each draws ids
        crac.restore();
        drawn.addAll(draw(IDS_PER_ENVIRONMENT));
        crac.restore();
        drawn.addAll(draw(IDS_PER_ENVIRONMENT));

        // THEN every id is distinct and well formed, and each restore re-seeded
        Set<String> distinct = new HashSet<>(drawn);
        assertThat(distinct).hasSize(3 * IDS_PER_ENVIRONMENT);
        assertThat(drawn).allMatch(id -> Ids.isValid(IdPrefix.USER, id));
        assertThat(reseeded).hasValue(2);
        assertThat(hooks.restores()).isEqualTo(2);
    }

    @Test
    void checkpointAndRestore_shouldDropTheWrappersCachedCredentials_whenSecretsAndTokensWereCached()
        throws Exception {
        // GIVEN a cached IAM token and a cached Secrets Manager secret, as the wrapper's plugins keep them
        new SnapStartHooks(List.of()).registerWith(crac);
        StorageService storage = CoreServicesContainer.getInstance().getStorageService();
        cacheCredentials(storage);
        assertThat(storage.size(TokenInfo.class)).isEqualTo(1);
        assertThat(storage.size(secretClass())).isEqualTo(1);

        // WHEN the snapshot is taken
        crac.checkpoint();

        // THEN neither is in it
        assertThat(storage.get(TokenInfo.class, "token-key")).isNull();
        assertThat(storage.get(secretClass(), "secret-key")).isNull();

        // WHEN something cached credentials again before the restore (a late-running plugin), THEN restore drops them
        cacheCredentials(storage);
        crac.restore();
        assertThat(storage.size(TokenInfo.class)).isZero();
        assertThat(storage.size(secretClass())).isZero();
    }

    private int backendPid() throws SQLException {
        try (Connection c = new SharedConnectionDataSource(shared).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether the server ended session {@code pid}; checked up to 100 times, as the backend exits asynchronously. */
    private static boolean sessionGone(int pid) throws SQLException, InterruptedException {
        try (Connection admin = TestPostgres.connect(url);
             PreparedStatement s = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            s.setInt(1, pid);
            for (int attempt = 0; attempt < 100; attempt++) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return true;
                    }
                }
                Thread.sleep(10);
            }
            return false;
        }
    }

    private static List<String> draw(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(Ids.next(IdPrefix.USER));
        }
        return ids;
    }

    private static void cacheCredentials(StorageService storage) throws Exception {
        storage.registerItemClassIfAbsent(TokenInfo.class, true, 60_000_000_000L, null, null);
        storage.set("token-key", new TokenInfo("rds-auth-token", Instant.now().plusSeconds(900)));
        Class<?> secret = secretClass();
        registerSecretClass(storage, secret);
        Constructor<?> make = secret.getDeclaredConstructor(String.class, String.class, Instant.class);
        make.setAccessible(true);
        storage.set("secret-key", make.newInstance("app", "s3cr3t", Instant.now().plusSeconds(900)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerSecretClass(StorageService storage, Class<?> secret) {
        storage.registerItemClassIfAbsent((Class) secret, true, 60_000_000_000L, null, null);
    }

    private static Class<?> secretClass() throws ClassNotFoundException {
        return Class.forName(AwsSecretsManagerConnectionPlugin.class.getName() + "$Secret");
    }
}
