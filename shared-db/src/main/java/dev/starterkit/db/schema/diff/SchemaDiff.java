package dev.starterkit.db.schema.diff;

import dev.starterkit.db.schema.diff.ColumnChanges.CreateTable;
import dev.starterkit.db.schema.diff.ColumnChanges.DropTable;
import dev.starterkit.db.schema.diff.KeyChanges.AddForeignKey;
import dev.starterkit.db.schema.diff.KeyChanges.CreateIndex;
import dev.starterkit.db.schema.diff.KeyChanges.DropForeignKey;
import dev.starterkit.db.schema.diff.KeyChanges.DropIndex;
import dev.starterkit.db.schema.diff.KeyChanges.DropPrimaryKey;
import dev.starterkit.db.schema.diff.KeyChanges.DropUnique;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered changes that turn one schema into another: tables, columns (type, nullability, default), primary keys,
 * unique constraints, foreign keys and indexes. Renames happen only when {@link Renames} says so; the order is
 * deterministic and one PostgreSQL accepts (foreign keys dropped first and added last, tables before their keys).
 */
public final class SchemaDiff {

    private static final Comparator<SchemaChange> ORDER = Comparator.comparing(SchemaChange::phase)
        .thenComparing(SchemaChange::table).thenComparing(SchemaChange::sortKey).thenComparing(SchemaChange::sql);

    private final List<SchemaChange> changes;
    private final boolean fromEmpty;

    private SchemaDiff(List<SchemaChange> changes, boolean fromEmpty) {
        this.changes = changes.stream().distinct().sorted(ORDER).toList();
        this.fromEmpty = fromEmpty;
    }

    /**
     * The changes from {@code from} (what exists) to {@code to} (what should).
     *
     * @throws SchemaDiffRenameException when a gone column may have been renamed and nobody decided
     * @throws SchemaDiffException when a given rename does not fit the two schemas
     */
    public static SchemaDiff between(SchemaModel from, SchemaModel to, Renames renames) {
        RenamePlan plan = RenamePlan.resolve(from, to, renames);
        SchemaModel current = plan.renamed();
        List<SchemaChange> changes = new ArrayList<>(plan.changes());
        for (TableDef table : current.tables()) {
            Optional<TableDef> target = to.table(table.name());
            if (target.isPresent()) {
                changes.addAll(TableDiff.between(table, target.get()));
            } else {
                dropTable(table, changes);
            }
        }
        to.tables().stream().filter(t -> current.table(t.name()).isEmpty()).forEach(t -> createTable(t, changes));
        rebuildDependentForeignKeys(current, to, changes);
        return new SchemaDiff(changes, from.tables().isEmpty());
    }

    /** The changes in the order they run. */
    public List<SchemaChange> changes() {
        return changes;
    }

    /** Whether the two schemas are the same. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Whether any change can lose data. */
    public boolean destructive() {
        return changes.stream().anyMatch(SchemaChange::destructive);
    }

    /** The statements in the order they run, without trailing semicolons. */
    public List<String> statements() {
        return changes.stream().map(SchemaChange::sql).toList();
    }

    /** One line per change, for people. */
    public List<String> descriptions() {
        return changes.stream().map(SchemaChange::description).toList();
    }

    /**
     * A migration name after the most telling change ({@code add_user_nickname}), or {@code create_schema} when the
     * starting schema is empty and several tables are created.
     */
    public String suggestedName() {
        return MigrationScript.suggestedName(changes, fromEmpty);
    }

    /** The changes as a migration script: a header, then each statement after a comment that says what it does. */
    public String script(List<String> header) {
        return MigrationScript.render(changes, header);
    }

    private static void dropTable(TableDef table, List<SchemaChange> changes) {
        changes.add(new DropTable(table));
        // Its foreign keys go with it, but not before a table they reference is dropped in the same run.
        table.foreignKeys().stream().filter(fk -> !fk.referencedTable().equals(table.name()))
            .forEach(fk -> changes.add(new DropForeignKey(table.name(), fk)));
    }

    private static void createTable(TableDef table, List<SchemaChange> changes) {
        changes.add(new CreateTable(table));
        table.foreignKeys().forEach(fk -> changes.add(new AddForeignKey(table.name(), fk)));
        table.indexes().forEach(index -> changes.add(new CreateIndex(table.name(), index)));
    }

    /**
     * A foreign key depends on the unique key it references: when that key is dropped (changed or renamed), the
     * foreign key is dropped before it and added again after its replacement exists.
     */
    private static void rebuildDependentForeignKeys(SchemaModel current, SchemaModel to, List<SchemaChange> changes) {
        Set<String> droppedKeys = new HashSet<>();
        for (SchemaChange change : changes) {
            if (change instanceof DropPrimaryKey drop) {
                droppedKeys.add(keyOf(drop.table(), drop.key().columns()));
            } else if (change instanceof DropUnique drop) {
                droppedKeys.add(keyOf(drop.table(), drop.unique().columns()));
            } else if (change instanceof DropIndex drop && drop.index().unique()) {
                droppedKeys.add(keyOf(drop.table(), drop.index().columns()));
            }
        }
        for (TableDef table : current.tables()) {
            Optional<TableDef> target = to.table(table.name());
            for (ForeignKeyDef fk : table.foreignKeys()) {
                boolean kept = target.isPresent() && target.get().foreignKeys().contains(fk);
                if (kept && droppedKeys.contains(keyOf(fk.referencedTable(), fk.referencedColumns()))) {
                    changes.add(new DropForeignKey(table.name(), fk));
                    changes.add(new AddForeignKey(table.name(), fk));
                }
            }
        }
    }

    private static String keyOf(String table, List<String> columns) {
        return table + "\u0000" + columns.stream().sorted().toList();
    }
}
