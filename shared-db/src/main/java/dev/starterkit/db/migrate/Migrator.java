package dev.starterkit.db.migrate;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies {@code migrations/} with Flyway over a {@link DataSource}, so that the same path works through the AWS
 * JDBC Wrapper. Each migration runs in its own transaction; Flyway's lock keeps concurrent runs from applying one
 * twice; versions the database has but this code lacks (a rolled-back deploy) are tolerated, not an error.
 */
public final class Migrator {

    private final Flyway flyway;

    public Migrator(DataSource dataSource) {
        this(dataSource, MigrationCatalog.LOCATION);
    }

    /** A migrator over other locations, e.g. {@code filesystem:migrations} for schema tooling. */
    public Migrator(DataSource dataSource, String... locations) {
        this.flyway = Flyway.configure(Migrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations)
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .outOfOrder(false)
            .ignoreMigrationPatterns("*:future")
            .loggers("slf4j")
            .load();
    }

    /** Applies every pending migration and reports what was applied. */
    public MigrationStatus migrate() {
        try {
            MigrateResult result = flyway.migrate();
            List<String> applied = result.migrations.stream().map(m -> m.version).toList();
            MigrationStatus after = info();
            return new MigrationStatus(after.currentVersion(), applied, after.pending(), after.future());
        } catch (FlywayException e) {
            throw new MigrationException("Migration failed: " + e.getMessage(), e);
        }
    }

    /** The database's schema version and the pending migrations, without changing anything. */
    public MigrationStatus info() {
        try {
            MigrationInfo[] all = flyway.info().all();
            MigrationInfo current = flyway.info().current();
            List<String> pending = new ArrayList<>();
            List<String> future = new ArrayList<>();
            for (MigrationInfo info : all) {
                if (info.getState() == MigrationState.PENDING) {
                    pending.add(info.getVersion() + " " + info.getDescription());
                } else if (info.getState() == MigrationState.FUTURE_SUCCESS) {
                    future.add(info.getVersion() + " " + info.getDescription());
                }
            }
            String version = current == null || current.getVersion() == null ? null
                : current.getVersion().getVersion();
            return new MigrationStatus(version, List.of(), pending, future);
        } catch (FlywayException e) {
            throw new MigrationException("Reading the migration state failed: " + e.getMessage(), e);
        }
    }
}
