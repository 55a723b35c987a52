package dev.starterkit.db.cache.catalog;

import dev.starterkit.db.cache.sql.SqlAnalysis;
import dev.starterkit.db.cache.sql.SqlAnalyzer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link SchemaCatalog} from {@code pg_catalog} in one query: relations, foreign-key actions, view
 * dependencies and definitions, user triggers and rewrite rules, row-level security, function volatility and the
 * primary keys that name one row.
 */
public final class CatalogLoader {

    private static final String USER_SCHEMA = userSchema("n");
    /** Collations under which equal strings are the same string (the database default is always one). */
    private static final String DETERMINISTIC = "(a.attcollation = 0 OR a.attcollation IN (SELECT co.oid "
        + "FROM pg_collation co WHERE co.collname IN ('default', 'C', 'POSIX') "
        + "AND co.collnamespace = 'pg_catalog'::regnamespace))";
    /** Single-column primary keys of plain tables whose name no other relation has, in the user's schemas. */
    private static final String PRIMARY_KEYS = "SELECT 'pk', c.relname, t.typname || ':' || a.attname "
        + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1] "
        + "JOIN pg_type t ON t.oid = a.atttypid AND t.typnamespace = 'pg_catalog'::regnamespace "
        + "WHERE k.contype = 'p' AND cardinality(k.conkey) = 1 AND c.relkind = 'r' AND NOT c.relispartition "
        + "AND NOT c.relhassubclass AND " + DETERMINISTIC + " AND " + USER_SCHEMA + " AND NOT EXISTS (SELECT 1 "
        + "FROM pg_class o JOIN pg_namespace m ON m.oid = o.relnamespace WHERE o.relname = c.relname "
        + "AND o.oid <> c.oid AND o.relkind IN ('r', 'p', 'v', 'm', 'f') AND " + userSchema("m") + ")";
    private static final String QUERY = String.join(" UNION ALL ",
        "SELECT 'rel', c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " + USER_SCHEMA,
        "SELECT 'rls', c.relname, NULL FROM pg_class c WHERE c.relrowsecurity",
        "SELECT 'fk', p.relname, ch.relname FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid "
            + "JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' "
            + "AND (k.confdeltype IN ('c', 'n', 'd') OR k.confupdtype IN ('c', 'n', 'd'))",
        "SELECT DISTINCT 'view', v.relname, t.relname FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid "
            + "JOIN pg_class v ON v.oid = r.ev_class JOIN pg_class t ON t.oid = d.refobjid "
            + "WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass "
            + "AND t.oid <> v.oid AND v.relkind = 'v'",
        "SELECT 'viewdef', c.relname, pg_get_viewdef(c.oid) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND " + USER_SCHEMA,
        "SELECT DISTINCT 'trigger', c.relname, NULL FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
            + "WHERE NOT g.tgisinternal",
        // a rule on INSERT, UPDATE or DELETE rewrites a write into anything, like a trigger
        "SELECT DISTINCT 'trigger', c.relname, NULL FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class "
            + "WHERE r.ev_type <> '1'",
        PRIMARY_KEYS,
        "SELECT 'fn', p.proname, CASE WHEN bool_and(p.provolatile = 'i') THEN 'i' ELSE '' END "
            + "|| CASE WHEN bool_or(p.provolatile = 'v' AND " + USER_SCHEMA + ") THEN 'w' ELSE '' END "
            + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace GROUP BY p.proname");

    private CatalogLoader() {
    }

    private static String userSchema(String alias) {
        return alias + ".nspname NOT IN ('pg_catalog', 'information_schema') AND " + alias
            + ".nspname NOT LIKE 'pg_toast%'";
    }

    /** Reads the catalog over {@code connection}. */
    public static SchemaCatalog load(Connection connection) throws SQLException {
        Rows rows = new Rows();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                rows.add(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
        return rows.toCatalog();
    }

    /** Catalog rows gathered by kind. */
    private static final class Rows {
        private final Set<String> relations = new HashSet<>();
        private final Set<String> unpredictable = new HashSet<>();
        private final Map<String, Set<String>> dependents = new HashMap<>();
        private final Map<String, Set<String>> viewDirect = new HashMap<>();
        private final Map<String, String> viewDefinitions = new HashMap<>();
        private final Set<String> triggered = new HashSet<>();
        private final Set<String> immutable = new HashSet<>();
        private final Set<String> writing = new HashSet<>();
        private final Map<String, PrimaryKey> primaryKeys = new HashMap<>();

        void add(String kind, String a, String b) {
            switch (kind) {
                case "rel" -> relations.add(a);
                case "rls" -> unpredictable.add(a);
                case "fk" -> dependents.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                case "view" -> viewDirect.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                case "viewdef" -> viewDefinitions.put(a, b);
                case "trigger" -> triggered.add(a);
                case "pk" -> primaryKey(a, b);
                case "fn" -> {
                    if (b.contains("i")) {
                        immutable.add(a);
                    }
                    if (b.contains("w")) {
                        writing.add(a);
                    }
                }
                default -> throw new IllegalStateException("Unexpected catalog row kind " + kind);
            }
        }

        private void primaryKey(String table, String typeAndColumn) {
            int colon = typeAndColumn.indexOf(':');
            PrimaryKey.Type type = PrimaryKey.Type.of(typeAndColumn.substring(0, colon));
            if (type != null) {
                primaryKeys.put(table, new PrimaryKey(typeAndColumn.substring(colon + 1), type));
            }
        }

        SchemaCatalog toCatalog() {
            Map<String, Set<String>> viewTables = new HashMap<>();
            viewDirect.keySet().forEach(view -> viewTables.put(view, baseTables(view)));
            Set<String> all = new HashSet<>(unpredictable);
            // a view over an unpredictable view is unpredictable too: repeat until nothing changes
            for (boolean changed = true; changed; ) {
                SchemaCatalog draft = new SchemaCatalog(relations, viewTables, dependents, all, triggered,
                    immutable, writing, primaryKeys);
                changed = false;
                for (Map.Entry<String, String> view : viewDefinitions.entrySet()) {
                    if (!all.contains(view.getKey()) && SqlAnalyzer.analyze(view.getValue(), draft).kind()
                        != SqlAnalysis.Kind.CACHEABLE) {
                        changed = all.add(view.getKey());
                    }
                }
            }
            return new SchemaCatalog(relations, viewTables, dependents, all, triggered, immutable, writing,
                primaryKeys);
        }

        private Set<String> baseTables(String view) {
            Set<String> tables = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(viewDirect.get(view));
            while (!todo.isEmpty()) {
                String relation = todo.pop();
                if (tables.add(relation) && viewDirect.containsKey(relation)) {
                    todo.addAll(viewDirect.get(relation));
                }
            }
            return tables;
        }
    }
}
