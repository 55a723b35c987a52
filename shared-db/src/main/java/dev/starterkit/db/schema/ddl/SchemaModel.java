package dev.starterkit.db.schema.ddl;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable description of a schema: its tables sorted by name, each with columns, keys, constraints and
 * indexes. Built from the {@code @MappedEntity} classes' compile-time metadata, it renders as the DDL that creates
 * the schema; two models of the same schema are equal, so it is also the basis for comparing schemas.
 *
 * @param tables the tables, sorted by name
 */
public record SchemaModel(List<TableDef> tables) {

    public SchemaModel {
        tables = tables.stream().sorted(Comparator.comparing(TableDef::name)).toList();
        checkNames(tables);
        checkForeignKeyTargets(tables);
    }

    /** The model of the given entity classes, read from their Micronaut introspections. */
    public static SchemaModel fromEntities(Collection<Class<?>> entityClasses) {
        List<TableDef> tables = entityClasses.stream().map(EntityReader::read).toList();
        try {
            return new SchemaModel(tables);
        } catch (IllegalArgumentException e) {
            throw new SchemaModelException("The entities do not form a valid schema: " + e.getMessage(), e);
        }
    }

    /** The table with this name. */
    public Optional<TableDef> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The table names, sorted. */
    public List<String> tableNames() {
        return tables.stream().map(TableDef::name).toList();
    }

    /**
     * The DDL that creates this schema in an empty database, one statement per element without the trailing
     * semicolon: every {@code CREATE TABLE}, then the foreign keys, then the indexes.
     */
    public List<String> statements() {
        return DdlRenderer.statements(this);
    }

    /** {@link #statements()} as one script, each statement ended by a semicolon and a line break. */
    public String script() {
        return statements().stream().map(s -> s + ";\n").collect(Collectors.joining("\n"));
    }

    private static void checkNames(List<TableDef> tables) {
        Set<String> relations = new HashSet<>();
        for (TableDef table : tables) {
            requireUnique(relations, table.name(), "table");
            requireUnique(relations, table.primaryKey().name(), "primary key");
            table.uniques().forEach(u -> requireUnique(relations, u.name(), "unique constraint"));
            table.indexes().forEach(i -> requireUnique(relations, i.name(), "index"));
            Set<String> foreignKeys = new HashSet<>();
            table.foreignKeys().forEach(f -> requireUnique(foreignKeys, f.name(), "foreign key"));
        }
    }

    private static void requireUnique(Set<String> seen, String name, String kind) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException("The name " + name + " of a " + kind + " is used twice");
        }
    }

    private static void checkForeignKeyTargets(List<TableDef> tables) {
        Map<String, TableDef> byName = tables.stream().collect(Collectors.toMap(TableDef::name, Function.identity()));
        for (TableDef table : tables) {
            for (ForeignKeyDef fk : table.foreignKeys()) {
                TableDef target = byName.get(fk.referencedTable());
                if (target == null || !target.columnNames().containsAll(fk.referencedColumns())) {
                    throw new IllegalArgumentException("Foreign key " + fk.name() + " references "
                        + fk.referencedTable() + fk.referencedColumns() + ", which the schema does not have");
                }
            }
        }
    }
}
