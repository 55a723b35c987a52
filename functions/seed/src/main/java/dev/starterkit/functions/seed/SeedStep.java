package dev.starterkit.functions.seed;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.seed.SeedResult;
import dev.starterkit.db.seed.Seeder;
import dev.starterkit.functions.customresource.AbortableDataSource;
import dev.starterkit.functions.customresource.DeployStep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the stage's seeds ({@code common/}, {@code sample/} except on prod, then the stage's own folder) in one
 * transaction under an advisory lock: idempotent, so a retried or concurrent deploy changes nothing twice.
 */
public final class SeedStep implements DeployStep {

    private static final Logger LOG = LoggerFactory.getLogger(SeedStep.class);

    private final Supplier<Target> target;
    private volatile AbortableDataSource running;

    /** A step seeding {@code target}, resolved when it runs so that configuration errors reach CloudFormation. */
    public SeedStep(Supplier<Target> target) {
        this.target = target;
    }

    /** The database and stage from the function's environment ({@code STAGE}, {@code DB_PROXY_ENDPOINT}, ...). */
    public static Supplier<Target> fromEnvironment(String applicationName) {
        return () -> {
            ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty());
            return new Target(ConnectionSettingsFactory.fromEnvironment(env, applicationName), env.stage());
        };
    }

    @Override
    public String name() {
        return "Seeding";
    }

    @Override
    public Map<String, String> run() {
        Target resolved = target.get();
        LOG.info("Seeding {} for stage {}", resolved.settings().redactedTarget(), resolved.stage());
        AbortableDataSource dataSource = new AbortableDataSource(
            new UnpooledDataSource(resolved.settings(), Connector.jdbc()));
        running = dataSource;
        SeedResult result = new Seeder(dataSource).seed(resolved.stage());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Stage", resolved.stage().id());
        data.put("Rows", Long.toString(result.totalRows()));
        data.put("FileCount", Integer.toString(result.rowsByFile().size()));
        data.put("Files", result.rowsByFile().isEmpty() ? "none" : String.join(",", result.rowsByFile().keySet()));
        return data;
    }

    @Override
    public void abort() {
        AbortableDataSource dataSource = running;
        if (dataSource != null) {
            LOG.warn("Aborted {} database connections of the seeding", dataSource.abortAll());
        }
    }

    /**
     * Where and what to seed.
     *
     * @param settings the database connection
     * @param stage which seeds
     */
    public record Target(ConnectionSettings settings, Stage stage) {
    }
}
