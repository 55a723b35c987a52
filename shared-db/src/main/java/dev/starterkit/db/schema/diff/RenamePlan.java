package dev.starterkit.db.schema.diff;

import dev.starterkit.db.schema.diff.ColumnChanges.RenameColumn;
import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.IndexDef;
import dev.starterkit.db.schema.ddl.PrimaryKeyDef;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import dev.starterkit.db.schema.ddl.UniqueDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Decides which gone columns were renamed (given, asked, or neither) and applies those renames to the schema being
 * changed, so that the rest of the diff compares like with like.
 *
 * @param renamed the starting schema with the renames applied
 * @param changes one {@link RenameColumn} per rename
 */
record RenamePlan(SchemaModel renamed, List<SchemaChange> changes) {

    static RenamePlan resolve(SchemaModel from, SchemaModel to, Renames renames) {
        checkGiven(from, to, renames);
        List<RenameColumn> decided = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (TableDef table : from.tables()) {
            Optional<TableDef> target = to.table(table.name());
            if (target.isPresent()) {
                decide(table, target.get(), renames, decided, undecided);
            }
        }
        if (!undecided.isEmpty()) {
            throw new SchemaDiffRenameException(undecided);
        }
        SchemaModel renamed = from;
        for (RenameColumn rename : decided) {
            renamed = apply(renamed, rename);
        }
        return new RenamePlan(renamed, List.copyOf(decided));
    }

    private static void decide(TableDef from, TableDef to, Renames renames, List<RenameColumn> decided,
                               List<String> undecided) {
        List<String> gone = new ArrayList<>(from.columnNames());
        gone.removeAll(to.columnNames());
        List<String> added = new ArrayList<>(to.columnNames());
        added.removeAll(from.columnNames());
        renames.givenFor(from.name()).forEach((old, renamed) -> {
            decided.add(new RenameColumn(from.name(), old, renamed));
            gone.remove(old);
            added.remove(renamed);
        });
        if (gone.isEmpty() || added.isEmpty() || renames.dropsUndecided()) {
            return;
        }
        Optional<RenameQuestion> question = renames.question();
        if (question.isPresent()) {
            ask(question.get(), from.name(), gone, added, decided);
        } else {
            gone.forEach(column -> undecided.add(from.name() + "." + column + " (new in " + from.name() + ": "
                + String.join(", ", added) + ")"));
        }
    }

    private static void ask(RenameQuestion question, String table, List<String> gone, List<String> added,
                            List<RenameColumn> decided) {
        for (String column : gone) {
            if (added.isEmpty()) {
                return;
            }
            Optional<String> answer = question.ask(table, column, List.copyOf(added));
            if (answer.isPresent()) {
                if (!added.contains(answer.get())) {
                    throw new SchemaDiffException(table + "." + answer.get() + " is not one of the new columns "
                        + added);
                }
                decided.add(new RenameColumn(table, column, answer.get()));
                added.remove(answer.get());
            }
        }
    }

    private static void checkGiven(SchemaModel from, SchemaModel to, Renames renames) {
        renames.given().forEach((table, columns) -> {
            TableDef before = from.table(table).orElseThrow(() -> new SchemaDiffException("Cannot rename a column of "
                + table + ": the current schema has no such table"));
            TableDef after = to.table(table).orElseThrow(() -> new SchemaDiffException("Cannot rename a column of "
                + table + ": the target schema has no such table"));
            columns.forEach((old, renamed) -> {
                if (before.column(old).isEmpty() || after.column(old).isPresent()) {
                    throw new SchemaDiffException("Cannot rename " + table + "." + old + ": it must be a column the "
                        + "current schema has and the target does not");
                }
                if (after.column(renamed).isEmpty() || before.column(renamed).isPresent()) {
                    throw new SchemaDiffException("Cannot rename " + table + "." + old + " to " + renamed + ": it "
                        + "must be a column the target schema has and the current one does not");
                }
            });
            if (Set.copyOf(columns.values()).size() != columns.size()) {
                throw new SchemaDiffException("Two columns of " + table + " are renamed to the same name");
            }
        });
    }

    /** The schema with one column renamed wherever it is named: its table's keys and indexes, and references. */
    static SchemaModel apply(SchemaModel schema, RenameColumn rename) {
        UnaryOperator<List<String>> own = columns -> columns.stream()
            .map(c -> c.equals(rename.from()) ? rename.to() : c).toList();
        List<TableDef> tables = new ArrayList<>();
        for (TableDef table : schema.tables()) {
            boolean mine = table.name().equals(rename.table());
            UnaryOperator<List<String>> local = mine ? own : UnaryOperator.identity();
            List<ColumnDef> columns = table.columns().stream().map(c -> mine && c.name().equals(rename.from())
                ? new ColumnDef(rename.to(), c.sqlType(), c.nullable(), c.defaultSql()) : c).toList();
            List<ForeignKeyDef> foreignKeys = table.foreignKeys().stream().map(f -> new ForeignKeyDef(f.name(),
                local.apply(f.columns()), f.referencedTable(), f.referencedTable().equals(rename.table())
                ? own.apply(f.referencedColumns()) : f.referencedColumns(), f.onDelete(), f.onUpdate())).toList();
            tables.add(new TableDef(table.name(), columns,
                new PrimaryKeyDef(table.primaryKey().name(), local.apply(table.primaryKey().columns())),
                table.uniques().stream().map(u -> new UniqueDef(u.name(), local.apply(u.columns()))).toList(),
                foreignKeys,
                table.indexes().stream().map(i -> new IndexDef(i.name(), local.apply(i.columns()), i.unique(),
                    i.method())).toList()));
        }
        return new SchemaModel(tables);
    }
}
