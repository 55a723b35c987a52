package dev.starterkit.functions.migrate;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.migrate.MigrationStatus;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.functions.customresource.AbortableDataSource;
import dev.starterkit.functions.customresource.DeployStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the migrations packaged with the function (Flyway: one transaction per migration, a lock against
 * concurrent runs, versions newer than this code tolerated after a rollback). Flyway's session lock pins one RDS
 * Proxy session, only while the step runs: its connections are closed when it ends.
 */
public final class MigrationStep implements DeployStep {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationStep.class);

    private final Supplier<ConnectionSettings> settings;
    private final String[] locations;
    private volatile AbortableDataSource running;

    /**
     * A step connecting with {@code settings}, resolved when it runs (so that a configuration error reaches
     * CloudFormation as the reason of a FAILED answer), over the packaged migrations or {@code locations}.
     */
    public MigrationStep(Supplier<ConnectionSettings> settings, String... locations) {
        this.settings = settings;
        this.locations = locations.clone();
    }

    /** Settings from the function's environment ({@code DB_PROXY_ENDPOINT}, {@code DB_SECRET_ARN}, ...). */
    public static Supplier<ConnectionSettings> fromEnvironment(String applicationName) {
        return () -> ConnectionSettingsFactory.fromEnvironment(EnvironmentLoader.load(Optional.empty()),
            applicationName);
    }

    @Override
    public String name() {
        return "Migration";
    }

    @Override
    public Map<String, String> run() {
        ConnectionSettings resolved = settings.get();
        LOG.info("Migrating {}", resolved.redactedTarget());
        AbortableDataSource dataSource = new AbortableDataSource(new UnpooledDataSource(resolved, Connector.jdbc()));
        running = dataSource;
        Migrator migrator = locations.length == 0 ? new Migrator(dataSource) : new Migrator(dataSource, locations);
        return data(migrator.migrate());
    }

    @Override
    public void abort() {
        AbortableDataSource dataSource = running;
        if (dataSource != null) {
            LOG.warn("Aborted {} database connections of the migration", dataSource.abortAll());
        }
    }

    static Map<String, String> data(MigrationStatus status) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("SchemaVersion", status.currentVersion() == null ? "none" : status.currentVersion());
        data.put("AppliedCount", Integer.toString(status.applied().size()));
        data.put("Applied", list(status.applied()));
        if (!status.future().isEmpty()) {
            data.put("AheadOfCode", list(status.future()));
        }
        return data;
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(",", items);
    }
}
