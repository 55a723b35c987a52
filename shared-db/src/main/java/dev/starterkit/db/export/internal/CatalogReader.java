package dev.starterkit.db.export.internal;

import dev.starterkit.db.export.internal.Catalog.Column;
import dev.starterkit.db.export.internal.Catalog.Constraint;
import dev.starterkit.db.export.internal.Catalog.EnumType;
import dev.starterkit.db.export.internal.Catalog.Extension;
import dev.starterkit.db.export.internal.Catalog.Sequence;
import dev.starterkit.db.export.internal.Catalog.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@link Catalog} of every user schema (not {@code pg_*}, not {@code information_schema}), leaving out
 * what belongs to extensions. The caller's transaction fixes the snapshot; {@code search_path} must be empty so
 * that every name comes back schema-qualified.
 */
public final class CatalogReader {

    static final String USER_NAMESPACE = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
    private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = "
        + "'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";
    private static final String USER_TABLES = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = "
        + "c.relnamespace WHERE c.relkind = 'r' AND NOT c.relispartition AND " + USER_NAMESPACE + " AND "
        + NOT_EXTENSION_MEMBER;

    private final Connection connection;

    public CatalogReader(Connection connection) {
        this.connection = connection;
    }

    /** Reads everything a dump needs. */
    public Catalog read() throws SQLException {
        Map<Long, Table> tables = tables();
        return new Catalog(schemas(), extensions(), enums(), sequences(), TableOrder.sort(tables.values()),
            unsupported());
    }

    private List<String> schemas() throws SQLException {
        return strings("SELECT n.nspname FROM pg_namespace n WHERE " + USER_NAMESPACE
            + " AND n.nspname <> 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = "
            + "'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e') ORDER BY n.nspname");
    }

    private List<Extension> extensions() throws SQLException {
        List<Extension> result = new ArrayList<>();
        query("SELECT quote_ident(e.extname), quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n "
            + "ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.extname",
            rs -> result.add(new Extension(rs.getString(1), rs.getString(2))));
        return result;
    }

    private List<EnumType> enums() throws SQLException {
        List<EnumType> result = new ArrayList<>();
        query("SELECT t.oid, quote_ident(n.nspname) || '.' || quote_ident(t.typname), (SELECT string_agg("
            + "quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) "
            + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND "
            + USER_NAMESPACE + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass "
            + "AND d.objid = t.oid AND d.deptype = 'e') ORDER BY n.nspname, t.typname",
            rs -> result.add(new EnumType(rs.getLong(1), rs.getString(2), rs.getString(3))));
        return result;
    }

    private List<Sequence> sequences() throws SQLException {
        List<Sequence> result = new ArrayList<>();
        query("SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), format_type(s.seqtypid, NULL),"
            + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
            + " quote_ident(tn.nspname) || '.' || quote_ident(tc.relname), quote_ident(a.attname), d.deptype = 'i'"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid"
            + " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
            + " LEFT JOIN pg_class tc ON tc.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
            + " LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
            + " WHERE c.relkind = 'S' AND " + USER_NAMESPACE + " AND " + NOT_EXTENSION_MEMBER
            + " ORDER BY n.nspname, c.relname",
            rs -> result.add(new Sequence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getString(10),
                rs.getString(11), rs.getBoolean(12))));
        return result;
    }

    private Map<Long, Table> tables() throws SQLException {
        Map<Long, List<Column>> columns = columns();
        Map<Long, List<Constraint>> constraints = new HashMap<>();
        Map<Long, Set<Long>> references = new HashMap<>();
        constraints(constraints, references);
        Map<Long, List<String>> indexes = indexes();
        Map<Long, Table> tables = new LinkedHashMap<>();
        query("SELECT c.oid, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
            + " c.relpersistence = 'u', quote_literal(obj_description(c.oid, 'pg_class'))"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid IN (" + USER_TABLES + ")"
            + " ORDER BY n.nspname, c.relname", rs -> {
                long oid = rs.getLong(1);
                tables.put(oid, new Table(oid, rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                    rs.getString(6), columns.getOrDefault(oid, List.of()), constraints.getOrDefault(oid, List.of()),
                    indexes.getOrDefault(oid, List.of()), references.getOrDefault(oid, Set.of())));
            });
        return tables;
    }

    private Map<Long, List<Column>> columns() throws SQLException {
        Map<Long, List<Column>> result = new HashMap<>();
        query("SELECT a.attrelid, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),"
            + " CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END,"
            + " a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(cn.nspname) || '.' ||"
            + " quote_ident(co.collname) END, quote_literal(col_description(a.attrelid, a.attnum))"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
            + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
            + " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
            + " WHERE a.attrelid IN (" + USER_TABLES + ") AND a.attnum > 0 AND NOT a.attisdropped"
            + " ORDER BY a.attrelid, a.attnum",
            rs -> result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Column(rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getBoolean(5), rs.getString(6), flag(rs.getString(7)),
                flag(rs.getString(8)), rs.getString(9), rs.getString(10))));
        return result;
    }

    private void constraints(Map<Long, List<Constraint>> constraints, Map<Long, Set<Long>> references)
        throws SQLException {
        // Not-null constraints (PostgreSQL 18's contype 'n') are rendered from attnotnull instead.
        query("SELECT con.conrelid, quote_ident(con.conname), con.contype, pg_get_constraintdef(con.oid),"
            + " con.confrelid FROM pg_constraint con WHERE con.conrelid IN (" + USER_TABLES + ")"
            + " AND con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conislocal ORDER BY con.conrelid, con.conname",
            rs -> {
                long table = rs.getLong(1);
                char type = rs.getString(3).charAt(0);
                constraints.computeIfAbsent(table, k -> new ArrayList<>())
                    .add(new Constraint(rs.getString(2), type, rs.getString(4), rs.getLong(5)));
                if (type == 'f' && rs.getLong(5) != table) {
                    references.computeIfAbsent(table, k -> new HashSet<>()).add(rs.getLong(5));
                }
            });
    }

    private Map<Long, List<String>> indexes() throws SQLException {
        Map<Long, List<String>> result = new HashMap<>();
        query("SELECT i.indrelid, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class ic"
            + " ON ic.oid = i.indexrelid WHERE i.indrelid IN (" + USER_TABLES + ") AND NOT EXISTS (SELECT 1 FROM"
            + " pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
            + " AND con.contype IN ('p', 'u', 'x')) ORDER BY i.indrelid, ic.relname",
            rs -> result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return result;
    }

    private List<String> unsupported() throws SQLException {
        return strings("SELECT kind || ' ' || name FROM ("
            + " SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'p' THEN"
            + " 'partitioned table' ELSE 'foreign table' END AS kind,"
            + " quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name FROM pg_class c JOIN pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm', 'p', 'f') AND " + USER_NAMESPACE + " AND "
            + NOT_EXTENSION_MEMBER + " UNION ALL SELECT 'function', p.oid::regprocedure::text FROM pg_proc p"
            + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_NAMESPACE + " AND NOT EXISTS (SELECT 1"
            + " FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')"
            + " UNION ALL SELECT 'trigger', quote_ident(t.tgname) FROM pg_trigger t WHERE NOT t.tgisinternal"
            + " AND t.tgrelid IN (" + USER_TABLES + ")) o ORDER BY 1");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        query(sql, rs -> result.add(rs.getString(1)));
        return result;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }

    private static char flag(String value) {
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }
}
