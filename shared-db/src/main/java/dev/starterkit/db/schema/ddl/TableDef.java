package dev.starterkit.db.schema.ddl;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One table: its columns in declaration order, its primary key, and its constraints and indexes sorted by name, so
 * that two descriptions of the same table are equal.
 *
 * @param name the table name
 * @param columns the columns, in order
 * @param primaryKey the primary key
 * @param uniques the unique constraints, sorted by name
 * @param foreignKeys the foreign keys, sorted by name
 * @param indexes the indexes that back no constraint, sorted by name
 */
public record TableDef(String name, List<ColumnDef> columns, PrimaryKeyDef primaryKey, List<UniqueDef> uniques,
                       List<ForeignKeyDef> foreignKeys, List<IndexDef> indexes) {

    public TableDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primaryKey, "primaryKey");
        columns = List.copyOf(columns);
        uniques = sorted(uniques, UniqueDef::name);
        foreignKeys = sorted(foreignKeys, ForeignKeyDef::name);
        indexes = sorted(indexes, IndexDef::name);
        checkColumns(name, columns, primaryKey, uniques, foreignKeys, indexes);
    }

    /** The column with this name. */
    public Optional<ColumnDef> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(ColumnDef::name).toList();
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static void checkColumns(String table, List<ColumnDef> columns, PrimaryKeyDef primaryKey,
                                     List<UniqueDef> uniques, List<ForeignKeyDef> foreignKeys,
                                     List<IndexDef> indexes) {
        Set<String> known = new HashSet<>();
        for (ColumnDef column : columns) {
            if (!known.add(column.name())) {
                throw new IllegalArgumentException("Table " + table + " has two columns named " + column.name());
            }
        }
        requireKnown(table, primaryKey.name(), primaryKey.columns(), known);
        uniques.forEach(u -> requireKnown(table, u.name(), u.columns(), known));
        foreignKeys.forEach(f -> requireKnown(table, f.name(), f.columns(), known));
        indexes.forEach(i -> requireKnown(table, i.name(), i.columns(), known));
    }

    private static void requireKnown(String table, String owner, List<String> columns, Set<String> known) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(owner + " on table " + table + " names no column");
        }
        for (String column : columns) {
            if (!known.contains(column)) {
                throw new IllegalArgumentException(owner + " names column " + column + ", which table " + table
                    + " does not have");
            }
        }
    }
}
