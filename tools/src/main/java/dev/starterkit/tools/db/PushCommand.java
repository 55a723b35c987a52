package dev.starterkit.tools.db;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.schema.Entities;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.diff.Renames;
import dev.starterkit.db.schema.diff.SchemaChange;
import dev.starterkit.db.schema.diff.SchemaDiff;
import dev.starterkit.db.schema.diff.SchemaDiffRenameException;
import dev.starterkit.tools.schema.SchemaSources;
import dev.starterkit.tools.schema.ShadowDatabase;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code bin/db push [--rename table.old=new]... [--no-rename]}: applies the difference between the entity model and
 * the target database directly, in one transaction, without writing a migration. It shows the statements first,
 * asks before destructive ones on any stage and before any change on prod; {@code --yes} answers.
 */
final class PushCommand implements Subcommand {

    private final Supplier<SchemaModel> model;

    PushCommand() {
        this(Entities::schemaModel);
    }

    /** A push of another model: tests pass fixture entities. */
    PushCommand(Supplier<SchemaModel> model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "push";
    }

    @Override
    public String summary() {
        return "apply the entity model to the database without a migration (asks before destructive statements)";
    }

    @Override
    public int run(CliContext context) {
        context.args().requireOnly(RenameOptions.OPTIONS);
        if (!context.args().argumentsBesides(Set.of("rename")).isEmpty()) {
            throw new CliUsageException("'push' takes no arguments besides its options");
        }
        ConnectionSettings target = context.connectionSettings();
        String where = context.databaseDescription();
        SchemaDiff diff = diff(target, RenameOptions.from(context));
        if (diff.isEmpty()) {
            context.out().println("No schema changes: " + where + " already matches the entity model.");
            return 0;
        }
        context.out().println(diff.script(List.of("Statements for " + where)));
        int count = diff.changes().size();
        long destructive = diff.changes().stream().filter(SchemaChange::destructive).count();
        if (destructive > 0) {
            context.confirmDestructive("Run " + GenerateCommand.statements(count) + " on " + context.stage() + " ("
                + where + "), " + destructive + " of them destructive (marked above)?");
        } else {
            context.confirmChange("Run " + GenerateCommand.statements(count));
        }
        SchemaSources.apply(target, diff.statements());
        context.out().printf("Applied %s to %s. No migration was written: bin/db generate writes one.%n",
            GenerateCommand.statements(count), where);
        return 0;
    }

    /** The diff from the live schema to the model's, proven on a shadow copy of the live schema. */
    private SchemaDiff diff(ConnectionSettings target, Renames renames) {
        SchemaModel live = SchemaSources.live(target);
        try (ShadowDatabase modelled = ShadowDatabase.create(target, "model");
             ShadowDatabase copy = ShadowDatabase.create(target, "push")) {
            SchemaModel desired = SchemaSources.realized(modelled, model.get());
            SchemaDiff diff = SchemaDiff.between(live, desired, renames);
            if (!diff.isEmpty()) {
                SchemaSources.realized(copy, live);
                SchemaSources.prove(copy, diff, desired);
            }
            return diff;
        } catch (SchemaDiffRenameException e) {
            throw RenameOptions.unanswered(e);
        }
    }
}
