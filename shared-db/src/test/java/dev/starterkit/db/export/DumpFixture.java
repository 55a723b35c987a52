package dev.starterkit.db.export;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A migrated database with the tricky objects and values of {@code db/export/fixture.sql}, and dump helpers. */
final class DumpFixture {

    private DumpFixture() {
    }

    /** Migrates the database at {@code url} and loads the fixture into it. */
    static void load(String url) {
        new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "dump-fixture"), Connector.jdbc())).migrate();
        execute(url, resource("db/export/fixture.sql"));
    }

    static void execute(String url, String sql) {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Dumps the database at {@code url} in one snapshot, gzip-compressed as the exports do. */
    static byte[] dumpGzip(String url, DumpOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Connection c = TestPostgres.connect(url); DumpSnapshot snapshot = DumpSnapshot.open(c);
             ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(bytes)) {
            snapshot.write(gzip, options, DumpListener.none());
            gzip.finish();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores with {@link DumpRestorer}. */
    static RestoreResult restore(String url, InputStream dump, boolean clean) {
        try (Connection c = TestPostgres.connect(url)) {
            return new DumpRestorer(c).restore(dump, clean);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code pg_dump} output without what differs between two equal databases: comments, session settings,
     * psql's restrict keys, blank lines, and the order of rows within a COPY block.
     */
    static String normalized(String pgDumpOutput) {
        List<String> out = new ArrayList<>();
        List<String> rows = null;
        for (String line : pgDumpOutput.split("\n")) {
            if (rows != null) {
                if (line.equals("\\.")) {
                    rows.sort(null);
                    out.addAll(rows);
                    out.add(line);
                    rows = null;
                } else {
                    rows.add(line);
                }
            } else if (!(line.isBlank() || line.startsWith("--") || line.startsWith("\\restrict")
                || line.startsWith("\\unrestrict") || line.startsWith("SET ")
                || line.startsWith("SELECT pg_catalog.set_config('search_path'"))) {
                out.add(line);
                rows = line.startsWith("COPY ") ? new ArrayList<>() : null;
            }
        }
        return String.join("\n", out);
    }

    static byte[] gunzip(byte[] gzip) {
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = DumpFixture.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
