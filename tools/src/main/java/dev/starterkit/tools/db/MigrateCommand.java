package dev.starterkit.tools.db;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.MigrationStatus;
import dev.starterkit.db.migrate.Migrator;
import java.util.Set;

/** {@code bin/db migrate}: applies pending migrations; asks first on prod. */
final class MigrateCommand implements Subcommand {

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return "apply pending migrations from migrations/ (asks first on prod)";
    }

    @Override
    public int run(CliContext context) {
        context.args().requireOnly(Set.of());
        Migrator migrator = new Migrator(new UnpooledDataSource(context.connectionSettings(), Connector.jdbc()));
        MigrationStatus before = migrator.info();
        if (before.pending().isEmpty()) {
            context.out().printf("Schema is up to date at version %s.%n", before.currentVersion());
            return 0;
        }
        context.confirmChange("Apply " + before.pending().size() + " migration(s) " + before.pending());
        MigrationStatus after = migrator.migrate();
        context.out().printf("Applied %d migration(s): %s. Schema is at version %s.%n", after.applied().size(),
            String.join(", ", after.applied()), after.currentVersion());
        return 0;
    }
}
