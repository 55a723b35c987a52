package dev.starterkit.db.cache.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the cache needs to know about a database's schema, read once from its catalog: which names are relations,
 * which tables a view reads, which tables a write reaches through foreign-key actions ({@code ON DELETE CASCADE},
 * {@code SET NULL}, {@code SET DEFAULT} and their {@code ON UPDATE} twins), and which functions are IMMUTABLE.
 *
 * @param relations tables, views, materialized views and foreign tables outside the system schemas
 * @param viewTables for each view, the base tables it reads (transitively)
 * @param dependents for each table, the tables whose rows its deletes or key updates change
 * @param unpredictable relations whose reads are never cached (row-level security, views over non-IMMUTABLE
 *     functions)
 * @param triggered tables with user triggers or rewrite rules, whose writes may change anything
 * @param immutableFunctions function names whose every overload is IMMUTABLE
 * @param writingFunctions function names with a VOLATILE overload outside the system schemas
 * @param primaryKeys for each plain table (no partitions, no inheritance, its name used by no other relation) with a
 *     single-column primary key of a type {@link PrimaryKey.Type} knows, that key
 */
public record SchemaCatalog(Set<String> relations, Map<String, Set<String>> viewTables,
                            Map<String, Set<String>> dependents, Set<String> unpredictable, Set<String> triggered,
                            Set<String> immutableFunctions, Set<String> writingFunctions,
                            Map<String, PrimaryKey> primaryKeys) {

    public SchemaCatalog {
        relations = Set.copyOf(relations);
        viewTables = Map.copyOf(viewTables);
        dependents = Map.copyOf(dependents);
        unpredictable = Set.copyOf(unpredictable);
        triggered = Set.copyOf(triggered);
        immutableFunctions = Set.copyOf(immutableFunctions);
        writingFunctions = Set.copyOf(writingFunctions);
        primaryKeys = Map.copyOf(primaryKeys);
    }

    /** Marks a catalog that is not known yet: every function that is not IMMUTABLE may write. */
    private static final String ANY_FUNCTION = "*";

    /** A catalog for when the real one cannot be read yet: no relations, every function call may write. */
    public static SchemaCatalog unknown() {
        return new SchemaCatalog(Set.of(), Map.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of(ANY_FUNCTION),
            Map.of());
    }

    /** Whether {@code name} is a relation of the schema. */
    public boolean isRelation(String name) {
        return relations.contains(name);
    }

    /** The base tables a read of {@code relation} depends on: itself, or a view's tables plus the view. */
    public Set<String> tablesRead(String relation) {
        Set<String> tables = viewTables.get(relation);
        if (tables == null) {
            return Set.of(relation);
        }
        Set<String> all = new TreeSet<>(tables);
        all.add(relation);
        return all;
    }

    /** The primary key that names one row of {@code table}, or null. */
    public PrimaryKey primaryKey(String table) {
        return primaryKeys.get(table);
    }

    /** Whether a call of {@code function} always gives the same result for the same arguments. */
    public boolean isImmutable(String function) {
        return immutableFunctions.contains(function);
    }

    /** Whether a call of {@code function} may write to tables. */
    public boolean mayWrite(String function) {
        return writingFunctions.contains(function)
            || writingFunctions.contains(ANY_FUNCTION) && !immutableFunctions.contains(function);
    }

    /**
     * Every table whose cached reads a write to {@code written} makes wrong: the tables themselves (a view's base
     * tables), and whatever their foreign-key actions reach, transitively.
     *
     * @return the tables, or empty when the write may change anything (a table with user triggers)
     */
    public Optional<Set<String>> reachOfWrite(Set<String> written) {
        Set<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String relation : written) {
            todo.addAll(tablesRead(relation));
        }
        while (!todo.isEmpty()) {
            String table = todo.pop();
            if (triggered.contains(table)) {
                return Optional.empty();
            }
            if (reached.add(table)) {
                todo.addAll(dependents.getOrDefault(table, Set.of()));
            }
        }
        return Optional.of(reached);
    }

    /**
     * The tables whose rows the foreign-key actions of a write to {@code written} may change, transitively: what
     * the write reaches beyond the rows it names (a table is in it when some action leads back to it).
     */
    public Set<String> cascadeReach(Set<String> written) {
        Set<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String relation : written) {
            tablesRead(relation).forEach(table -> todo.addAll(dependents.getOrDefault(table, Set.of())));
        }
        while (!todo.isEmpty()) {
            String table = todo.pop();
            if (reached.add(table)) {
                todo.addAll(dependents.getOrDefault(table, Set.of()));
            }
        }
        return reached;
    }
}
