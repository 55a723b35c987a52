package dev.starterkit.db.schema.diff;

import dev.starterkit.db.schema.diff.ColumnChanges.AddColumn;
import dev.starterkit.db.schema.diff.ColumnChanges.AlterColumnType;
import dev.starterkit.db.schema.diff.ColumnChanges.CreateTable;
import dev.starterkit.db.schema.diff.ColumnChanges.DropColumn;
import dev.starterkit.db.schema.diff.ColumnChanges.DropTable;
import dev.starterkit.db.schema.diff.ColumnChanges.RenameColumn;
import dev.starterkit.db.schema.diff.ColumnChanges.SetDefault;
import dev.starterkit.db.schema.diff.ColumnChanges.SetNullable;
import dev.starterkit.db.schema.diff.KeyChanges.AddForeignKey;
import dev.starterkit.db.schema.diff.KeyChanges.AddPrimaryKey;
import dev.starterkit.db.schema.diff.KeyChanges.AddUnique;
import dev.starterkit.db.schema.diff.KeyChanges.CreateIndex;
import dev.starterkit.db.schema.diff.KeyChanges.DropForeignKey;
import dev.starterkit.db.schema.diff.KeyChanges.DropIndex;
import dev.starterkit.db.schema.diff.KeyChanges.DropPrimaryKey;
import dev.starterkit.db.schema.diff.KeyChanges.DropUnique;
import java.util.Comparator;
import java.util.List;

/** Writes a {@link SchemaDiff} as a migration file and names it. */
final class MigrationScript {

    /** The kinds of change by how well they name a migration: what a reader would call the change. */
    private static final List<Class<? extends SchemaChange>> TELLING = List.of(CreateTable.class, DropTable.class,
        RenameColumn.class, AddColumn.class, DropColumn.class, AlterColumnType.class, SetNullable.class,
        SetDefault.class, AddForeignKey.class, AddUnique.class, CreateIndex.class, AddPrimaryKey.class,
        DropForeignKey.class, DropUnique.class, DropIndex.class, DropPrimaryKey.class);

    /** Marks a statement that can lose data. */
    static final String DESTRUCTIVE = "-- DESTRUCTIVE: ";
    /** Marks a statement that may fail on a table with rows. */
    static final String CAUTION = "-- CAUTION: ";

    private MigrationScript() {
    }

    static String render(List<SchemaChange> changes, List<String> header) {
        StringBuilder script = new StringBuilder();
        header.forEach(line -> script.append("-- ").append(line).append('\n'));
        long destructive = changes.stream().filter(SchemaChange::destructive).count();
        script.append("-- ").append(changes.size()).append(changes.size() == 1 ? " statement" : " statements");
        script.append(destructive == 0 ? ", none destructive" : ", " + destructive + " destructive (marked below)");
        script.append('\n');
        for (SchemaChange change : changes) {
            script.append('\n').append(change.destructive() ? DESTRUCTIVE : "-- ").append(change.description())
                .append('\n');
            change.caution().ifPresent(caution -> script.append(CAUTION).append(caution).append('\n'));
            script.append(change.sql()).append(";\n");
        }
        return script.toString();
    }

    static String suggestedName(List<SchemaChange> changes, boolean fromEmpty) {
        if (fromEmpty && changes.stream().filter(CreateTable.class::isInstance).count() > 1) {
            return "create_schema";
        }
        return changes.stream()
            .min(Comparator.comparingInt(MigrationScript::rank))
            .map(SchemaChange::name)
            .orElse("change_schema");
    }

    private static int rank(SchemaChange change) {
        int rank = TELLING.indexOf(change.getClass());
        return rank < 0 ? TELLING.size() : rank;
    }
}
