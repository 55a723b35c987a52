package dev.starterkit.db.schema.diff;

import dev.starterkit.db.schema.diff.ColumnChanges.AddColumn;
import dev.starterkit.db.schema.diff.ColumnChanges.AlterColumnType;
import dev.starterkit.db.schema.diff.ColumnChanges.DropColumn;
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
import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.IndexDef;
import dev.starterkit.db.schema.ddl.TableDef;
import dev.starterkit.db.schema.ddl.UniqueDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The changes that turn one table into another of the same name: columns, keys, constraints and indexes. */
final class TableDiff {

    private TableDiff() {
    }

    static List<SchemaChange> between(TableDef from, TableDef to) {
        List<SchemaChange> changes = new ArrayList<>();
        String table = to.name();
        for (int i = 0; i < to.columns().size(); i++) {
            ColumnDef target = to.columns().get(i);
            Optional<ColumnDef> current = from.column(target.name());
            if (current.isEmpty()) {
                changes.add(new AddColumn(table, target, i));
            } else {
                alterColumn(table, current.get(), target, changes);
            }
        }
        from.columns().stream().filter(c -> to.column(c.name()).isEmpty())
            .forEach(c -> changes.add(new DropColumn(table, c)));
        if (!from.primaryKey().equals(to.primaryKey())) {
            changes.add(new DropPrimaryKey(table, from.primaryKey()));
            changes.add(new AddPrimaryKey(table, to.primaryKey()));
        }
        byName(from.uniques(), to.uniques(), UniqueDef::name, u -> new DropUnique(table, u),
            u -> new AddUnique(table, u), changes);
        byName(from.foreignKeys(), to.foreignKeys(), ForeignKeyDef::name, f -> new DropForeignKey(table, f),
            f -> new AddForeignKey(table, f), changes);
        byName(from.indexes(), to.indexes(), IndexDef::name, i -> new DropIndex(table, i),
            i -> new CreateIndex(table, i), changes);
        return changes;
    }

    private static void alterColumn(String table, ColumnDef from, ColumnDef to, List<SchemaChange> changes) {
        String column = to.name();
        if (!from.sqlType().equals(to.sqlType())) {
            // An old default may not cast to the new type: drop it first, set the target's after the conversion.
            if (from.defaultSql() != null) {
                changes.add(new SetDefault(table, column, from.defaultSql(), null, true));
            }
            changes.add(new AlterColumnType(table, column, from.sqlType(), to.sqlType()));
            if (to.defaultSql() != null) {
                changes.add(new SetDefault(table, column, null, to.defaultSql(), false));
            }
        } else if (!Objects.equals(from.defaultSql(), to.defaultSql())) {
            changes.add(new SetDefault(table, column, from.defaultSql(), to.defaultSql(), false));
        }
        if (from.nullable() != to.nullable()) {
            changes.add(new SetNullable(table, column, to.nullable()));
        }
    }

    /** Objects matched by name: only in {@code from} are dropped, only in {@code to} added, changed ones both. */
    private static <T> void byName(List<T> from, List<T> to, Function<T, String> name,
                                   Function<T, SchemaChange> drop, Function<T, SchemaChange> add,
                                   List<SchemaChange> changes) {
        for (T current : from) {
            Optional<T> target = to.stream().filter(t -> name.apply(t).equals(name.apply(current))).findFirst();
            if (target.isEmpty() || !target.get().equals(current)) {
                changes.add(drop.apply(current));
            }
        }
        for (T target : to) {
            Optional<T> current = from.stream().filter(c -> name.apply(c).equals(name.apply(target))).findFirst();
            if (current.isEmpty() || !current.get().equals(target)) {
                changes.add(add.apply(target));
            }
        }
    }
}
