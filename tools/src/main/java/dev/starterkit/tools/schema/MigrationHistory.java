package dev.starterkit.tools.schema;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Compares what a database's {@code flyway_schema_history} says was applied with the files in
 * {@code migrations/}: an applied migration whose file was edited (checksum), renamed or removed, or that failed.
 */
public final class MigrationHistory {

    private static final Set<MigrationState> NO_FILE = Set.of(MigrationState.MISSING_SUCCESS,
        MigrationState.MISSING_FAILED, MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);

    private MigrationHistory() {
    }

    /**
     * The report of one database.
     *
     * @param applied how many versioned migrations the database has applied
     * @param problems one line per applied migration that no longer matches its file
     */
    public record Report(int applied, List<String> problems) {

        public Report {
            problems = List.copyOf(problems);
        }
    }

    /** Reads the history of the database {@code target} connects to; a database without one has applied nothing. */
    public static Report check(ConnectionSettings target, MigrationsFolder folder) {
        Flyway flyway = Flyway.configure(MigrationHistory.class.getClassLoader())
            .dataSource(new UnpooledDataSource(target, Connector.jdbc()))
            .locations(folder.location())
            .failOnMissingLocations(false)
            .loggers("slf4j")
            .load();
        try {
            int applied = 0;
            List<String> problems = new ArrayList<>();
            for (MigrationInfo info : flyway.info().all()) {
                if (info.isApplied() && info.isVersioned()) {
                    applied++;
                    problem(info).ifPresent(problems::add);
                }
            }
            return new Report(applied, problems);
        } catch (FlywayException e) {
            throw new SchemaSourceException("Reading the migration history of " + target.redactedTarget()
                + " failed: " + e.getMessage(), e);
        }
    }

    private static Optional<String> problem(MigrationInfo info) {
        String which = "V" + info.getVersion() + " " + info.getDescription();
        if (NO_FILE.contains(info.getState())) {
            return Optional.of(which + ": applied, but migrations/ has no file for it (removed or renamed)");
        }
        if (info.getState().isFailed()) {
            return Optional.of(which + ": failed when it was applied; repair the database first");
        }
        if (!info.isChecksumMatching()) {
            return Optional.of(which + ": edited after it was applied (checksum " + info.getAppliedChecksum()
                + " in the database, " + info.getResolvedChecksum() + " in " + info.getScript() + ")");
        }
        if (!info.isDescriptionMatching()) {
            return Optional.of(which + ": renamed after it was applied (was '" + info.getAppliedDescription()
                + "')");
        }
        return Optional.empty();
    }
}
