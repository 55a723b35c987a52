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
 * dependencies and definitions, user triggers, row-level security and function volatility.
 */
public final class CatalogLoader {

    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
        + "AND n.nspname NOT LIKE 'pg_toast%'";
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
        "SELECT 'fn', p.proname, CASE WHEN bool_and(p.provolatile = 'i') THEN 'i' ELSE '' END "
            + "|| CASE WHEN bool_or(p.provolatile = 'v' AND " + USER_SCHEMA + ") THEN 'w' ELSE '' END "
            + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace GROUP BY p.proname");

    private CatalogLoader() {
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

        void add(String kind, String a, String b) {
            switch (kind) {
                case "rel" -> relations.add(a);
                case "rls" -> unpredictable.add(a);
                case "fk" -> dependents.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                case "view" -> viewDirect.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                case "viewdef" -> viewDefinitions.put(a, b);
                case "trigger" -> triggered.add(a);
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

        SchemaCatalog toCatalog() {
            Map<String, Set<String>> viewTables = new HashMap<>();
            viewDirect.keySet().forEach(view -> viewTables.put(view, baseTables(view)));
            Set<String> all = new HashSet<>(unpredictable);
            // a view over an unpredictable view is unpredictable too: repeat until nothing changes
            for (boolean changed = true; changed; ) {
                SchemaCatalog draft = new SchemaCatalog(relations, viewTables, dependents, all, triggered,
                    immutable, writing);
                changed = false;
                for (Map.Entry<String, String> view : viewDefinitions.entrySet()) {
                    if (!all.contains(view.getKey()) && SqlAnalyzer.analyze(view.getValue(), draft).kind()
                        != SqlAnalysis.Kind.CACHEABLE) {
                        changed = all.add(view.getKey());
                    }
                }
            }
            return new SchemaCatalog(relations, viewTables, dependents, all, triggered, immutable, writing);
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
