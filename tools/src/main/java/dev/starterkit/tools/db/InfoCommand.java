package dev.starterkit.tools.db;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.EnvironmentConfigException;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.migrate.MigrationStatus;
import dev.starterkit.db.migrate.Migrator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code bin/db info}: the resolved environment, the env files loaded, the redacted database URL, the schema
 * version and pending migrations. The configuration is printed even when the database cannot be reached.
 */
final class InfoCommand implements Subcommand {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "show the environment, the database (password hidden), the schema version and pending migrations";
    }

    @Override
    public int run(CliContext context) {
        context.args().requireOnly(Set.of());
        PrintStream out = context.out();
        out.printf("Environment:  %s (from %s)%n", context.stage(), context.env().stageSource());
        String files = context.env().loadedFiles().stream().map(Path::getFileName).map(Path::toString)
            .collect(Collectors.joining(", "));
        out.printf("Env files:    %s%n", files.isEmpty() ? "none" : files);
        ConnectionSettings settings;
        try {
            settings = context.connectionSettings();
            out.printf("Database:     %s%n", context.databaseDescription());
        } catch (EnvironmentConfigException e) {
            out.printf("Database:     not configured: %s%n", e.getMessage());
            return 1;
        }
        out.printf("Packaged:     %d migrations, latest version %s%n", MigrationCatalog.files().size(),
            MigrationCatalog.latestVersion());
        try {
            MigrationStatus status = new Migrator(new UnpooledDataSource(settings, Connector.jdbc())).info();
            out.printf("Schema:       %s%n", status.currentVersion() == null ? "empty (no migrations applied)"
                : "version " + status.currentVersion());
            out.printf("Pending:      %s%n", status.pending().isEmpty() ? "none" : String.join(", ", status.pending()));
            if (!status.future().isEmpty()) {
                out.printf("Newer:        %s (applied, not in this code)%n", String.join(", ", status.future()));
            }
            return 0;
        } catch (RuntimeException e) {
            out.printf("Schema:       unknown: database unreachable (%s)%n", Messages.rootCause(e));
            return 1;
        }
    }
}
