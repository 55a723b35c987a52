package dev.starterkit.tools.db;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.seed.SeedResult;
import dev.starterkit.db.seed.Seeder;
import java.util.List;
import java.util.Set;

/** {@code bin/db seed}: loads the stage's seeds (idempotent); asks first on prod. */
final class SeedCommand implements Subcommand {

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String summary() {
        return "load the stage's seed data from seeds/ (idempotent; asks first on prod)";
    }

    @Override
    public int run(CliContext context) {
        context.args().requireOnly(Set.of());
        List<String> files = Seeder.filesFor(context.stage());
        if (files.isEmpty()) {
            context.out().printf("No seed files for %s (folders: %s).%n", context.stage(),
                String.join(", ", Seeder.foldersFor(context.stage())));
            return 0;
        }
        context.confirmChange("Load " + files.size() + " seed file(s)");
        SeedResult result = new Seeder(new UnpooledDataSource(context.connectionSettings(), Connector.jdbc()))
            .seed(context.stage());
        result.rowsByFile().forEach((file, rows) -> context.out().printf("  %-40s %d rows%n", file, rows));
        context.out().printf("Seeded %s: %d rows inserted or changed.%n", context.stage(), result.totalRows());
        return 0;
    }
}
