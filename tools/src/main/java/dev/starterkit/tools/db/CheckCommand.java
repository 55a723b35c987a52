package dev.starterkit.tools.db;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.schema.Entities;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.diff.Renames;
import dev.starterkit.db.schema.diff.SchemaDiff;
import dev.starterkit.tools.schema.MigrationHistory;
import dev.starterkit.tools.schema.MigrationsFolder;
import dev.starterkit.tools.schema.SchemaSources;
import dev.starterkit.tools.schema.ShadowDatabase;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code bin/db check}: fails, with a readable difference, when (a) migration versions collide or a file name is not
 * one Flyway accepts, (b) the entity model and the schema {@code migrations/} produce on a shadow database disagree,
 * or (c) a migration the target database applied was since edited, renamed or removed.
 */
final class CheckCommand implements Subcommand {

    private final Supplier<SchemaModel> model;

    CheckCommand() {
        this(Entities::schemaModel);
    }

    /** A check against another model: tests pass fixture entities. */
    CheckCommand(Supplier<SchemaModel> model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "fail unless the entity model, migrations/ and the migrations the database applied agree";
    }

    @Override
    public int run(CliContext context) {
        context.args().requireOnly(Set.of());
        PrintStream out = context.out();
        MigrationsFolder folder = MigrationsFolder.inProject(context.projectDir());
        ConnectionSettings target = context.connectionSettings();
        List<String> naming = folder.problems();
        int problems = report(out, naming, "Migration files: ok, " + folder.migrations().size() + " versioned",
            "Migration files that Flyway cannot read:");
        if (!naming.isEmpty()) {
            out.println("The model and the applied migrations are compared once the files are fixed.");
            out.println("Schema check failed: " + problems + " problem(s).");
            return 1;
        }
        problems += report(out, modelAgainstMigrations(target, folder), "Entity model vs migrations/: ok, they agree",
            "Entity model vs migrations/: they differ; bin/db generate would write a migration to");
        MigrationHistory.Report history = MigrationHistory.check(target, folder);
        problems += report(out, history.problems(), "Applied migrations: ok, " + history.applied()
            + " applied to " + target.redactedTarget() + ", none changed since", "Applied migrations of "
            + target.redactedTarget() + " that migrations/ no longer matches:");
        out.println(problems == 0 ? "Schema check passed." : "Schema check failed: " + problems + " problem(s).");
        return problems == 0 ? 0 : 1;
    }

    private List<String> modelAgainstMigrations(ConnectionSettings server, MigrationsFolder folder) {
        try (ShadowDatabase migrated = ShadowDatabase.create(server, "migrations");
             ShadowDatabase modelled = ShadowDatabase.create(server, "model")) {
            SchemaModel current = SchemaSources.migrated(migrated, folder);
            SchemaModel target = SchemaSources.realized(modelled, model.get());
            return SchemaDiff.between(current, target, Renames.dropAndAdd()).descriptions();
        }
    }

    private static int report(PrintStream out, List<String> problems, String fine, String header) {
        if (problems.isEmpty()) {
            out.println(fine);
        } else {
            out.println(header);
            problems.forEach(problem -> out.println("  " + problem));
        }
        return problems.size();
    }
}
