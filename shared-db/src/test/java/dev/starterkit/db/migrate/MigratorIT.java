package dev.starterkit.db.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigratorIT {

    private static final String PACKAGED = MigrationCatalog.LOCATION;
    private String url;
    private DataSource dataSource;

    @BeforeEach
    void createDatabase() {
        url = TestPostgres.get().createDatabase(MigratorIT.class);
        dataSource = new UnpooledDataSource(TestPostgres.settings(url, "migrator-it"), Connector.jdbc());
    }

    @AfterEach
    void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void migrate_shouldApplyEveryPackagedMigrationOnce_whenTheDatabaseIsEmpty() {
        Migrator migrator = new Migrator(dataSource);
        assertThat(migrator.info().currentVersion()).isNull();
        assertThat(migrator.info().pending()).hasSize(MigrationCatalog.files().size());

        MigrationStatus first = migrator.migrate();
        MigrationStatus second = migrator.migrate();

        assertThat(first.applied()).hasSize(MigrationCatalog.files().size());
        assertThat(first.currentVersion()).isEqualTo(MigrationCatalog.latestVersion());
        assertThat(second.applied()).isEmpty();
        assertThat(second.pending()).isEmpty();
    }

    @Test
    void migrate_shouldApplyEachMigrationExactlyOnce_whenTwoRunsRaceOnTheSameDatabase() throws Exception {
        // GIVEN two deploys migrating the same empty database at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<MigrationStatus>> runs = List.of(() -> new Migrator(dataSource).migrate(),
            () -> new Migrator(dataSource).migrate());

        // WHEN
        List<String> applied = new ArrayList<>();
        for (Future<MigrationStatus> result : pool.invokeAll(runs)) {
            applied.addAll(result.get().applied());
        }
        pool.shutdown();

        // THEN every version was applied by exactly one of them, and recorded once
        assertThat(applied).hasSize(MigrationCatalog.files().size()).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"))
            .isEqualTo(MigrationCatalog.files().size());
    }

    @Test
    void migrate_shouldSucceed_whenTheDatabaseHasAMigrationThisCodeDoesNotKnow() {
        // GIVEN a newer deploy applied V1000, then the code was rolled back
        new Migrator(dataSource, PACKAGED, "classpath:db/test-migrations/future").migrate();

        // WHEN the older code migrates again (CloudFormation's rollback Update)
        MigrationStatus status = new Migrator(dataSource).migrate();

        // THEN nothing fails, nothing is applied, and the newer version is reported
        assertThat(status.applied()).isEmpty();
        assertThat(status.future()).containsExactly("1000 create future note");
        assertThat(status.currentVersion()).isEqualTo("1000");
    }

    @Test
    void migrate_shouldLeaveTheLastGoodVersion_whenAMigrationFails() throws SQLException {
        Migrator broken = new Migrator(dataSource, PACKAGED, "classpath:db/test-migrations/broken");

        assertThatThrownBy(broken::migrate)
            .isInstanceOf(MigrationException.class)
            .hasMessageContaining("1000");

        // THEN the failed migration's statements were rolled back with it
        assertThat(new Migrator(dataSource).info().currentVersion()).isEqualTo(MigrationCatalog.latestVersion());
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'half_applied'")).isZero();
    }

    private int count(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
