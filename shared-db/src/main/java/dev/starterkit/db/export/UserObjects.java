package dev.starterkit.db.export;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The objects a restore would collide with: relations, types and routines in user schemas, and those schemas. */
final class UserObjects {

    private static final String USER_NAMESPACE = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
    private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid"
        + " AND d.deptype = 'e')";
    private static final String OBJECTS = "SELECT kind, name FROM ("
        + " SELECT 1 AS rank, 'SCHEMA' AS kind, quote_ident(n.nspname) AS name, n.oid FROM pg_namespace n WHERE "
        + USER_NAMESPACE + " AND n.nspname <> 'public'"
        + " UNION ALL SELECT 2, CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
        + " WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,"
        + " quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.oid FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
        + " AND " + USER_NAMESPACE
        + " UNION ALL SELECT 3, 'TYPE', quote_ident(n.nspname) || '.' || quote_ident(t.typname), t.oid FROM pg_type t"
        + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE (t.typtype IN ('e', 'd', 'r', 'm')"
        + " OR t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND "
        + USER_NAMESPACE
        + " UNION ALL SELECT 4, 'ROUTINE', p.oid::regprocedure::text, p.oid FROM pg_proc p"
        + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_NAMESPACE
        + ") o WHERE " + NOT_EXTENSION_MEMBER + " ORDER BY rank, name";

    private UserObjects() {
    }

    /** Every user object, as {@code KIND name}. */
    static List<String> list(Connection connection) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(OBJECTS)) {
            while (rs.next()) {
                objects.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT) + " " + rs.getString(2));
            }
        }
        return objects;
    }

    /** Drops every user object (schemas other than {@code public} with all they hold); returns how many. */
    static int dropAll(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(OBJECTS)) {
            while (rs.next()) {
                drops.add("DROP " + rs.getString(1) + " IF EXISTS " + rs.getString(2) + " CASCADE");
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        return drops.size();
    }

    /** Empties every user table but Flyway's history, for a data-only restore; returns how many. */
    static int truncateAll(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
            "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND " + USER_NAMESPACE
                + " AND c.relname <> 'flyway_schema_history' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE " + String.join(", ", tables));
            }
        }
        return tables.size();
    }
}
