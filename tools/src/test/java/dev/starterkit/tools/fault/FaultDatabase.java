package dev.starterkit.tools.fault;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.seed.Seeder;
import dev.starterkit.db.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A test class's own database, migrated and seeded for the {@code test} stage, with queries to check it by. */
final class FaultDatabase implements AutoCloseable {

    private final String url;

    private FaultDatabase(String url) {
        this.url = url;
    }

    /** Creates the database of {@code testClass}, applies the migrations and the test seeds. */
    static FaultDatabase create(Class<?> testClass) {
        return prepare(TestPostgres.get().createDatabase(testClass));
    }

    /** Applies the migrations and the test seeds to the empty database at {@code url} (on any server). */
    static FaultDatabase prepare(String url) {
        UnpooledDataSource ds = new UnpooledDataSource(TestPostgres.settings(url, "setup"), Connector.jdbc());
        new Migrator(ds).migrate();
        new Seeder(ds).seed(Stage.TEST);
        return new FaultDatabase(url);
    }

    /** The {@code postgres://} URL. */
    String url() {
        return url;
    }

    /** The single number {@code sql} answers, e.g. a count; {@code args} are bound as strings. */
    long number(String sql, String... args) {
        try (Connection c = TestPostgres.connect(url); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** Runs statements outside the code under test. */
    void execute(String... statements) {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed", e);
        }
    }

    /**
     * Every table of the {@code public} schema with its row count and the MD5 of all its rows as text, in primary key
     * order: two equal snapshots mean no row was added, removed or changed.
     */
    Map<String, String> checksums() {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = TestPostgres.connect(url)) {
            for (String table : tables(c)) {
                String order = String.join(", ", primaryKey(c, table));
                String sql = "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY "
                    + (order.isEmpty() ? "t::text" : order) + "), '')) FROM public.\"" + table + "\" t";
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Checksums failed", e);
        }
        return sums;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM "
            + "information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a"
            + " ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indisprimary"
            + " AND i.indrelid = ('public.\"' || ? || '\"')::regclass"
            + " ORDER BY array_position(i.indkey::int2[], a.attnum)")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add("t.\"" + rs.getString(1) + "\"");
                }
            }
        }
        return columns;
    }

    @Override
    public void close() {
        TestPostgres.get().dropDatabase(url);
    }
}
