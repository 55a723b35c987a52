package dev.starterkit.db.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DumpSnapshotIT {

    private String source;
    private String target;

    @BeforeEach
    void createDatabases() {
        source = TestPostgres.get().createDatabase(DumpSnapshotIT.class);
        target = TestPostgres.get().createDatabase(DumpSnapshotIT.class);
        DumpFixture.load(source);
    }

    @AfterEach
    void dropDatabases() {
        TestPostgres.get().dropDatabase(source);
        TestPostgres.get().dropDatabase(target);
    }

    @Test
    void write_shouldLeaveOutRowsCommittedAfterTheSnapshot_whenAnotherSessionWritesMidDump() throws Exception {
        // GIVEN a session that inserts a row as soon as the first table has been written
        List<TableProgress> progress = new ArrayList<>();
        DumpListener inserting = p -> {
            progress.add(p);
            if (p.index() == 1) {
                DumpFixture.execute(source, "INSERT INTO public.scratch VALUES (9999, 'late')");
            }
        };

        // WHEN
        DumpResult result;
        try (Connection c = TestPostgres.connect(source); DumpSnapshot snapshot = DumpSnapshot.open(c)) {
            result = snapshot.write(OutputStream.nullOutputStream(), DumpOptions.of(DumpKind.FULL), inserting);
        }

        // THEN the dump holds the rows of the snapshot, and the listener heard of every table in order
        assertThat(result.tableRows()).containsEntry("public.scratch", 3000L);
        assertThat(count(source, "SELECT count(*) FROM public.scratch")).isEqualTo(3001);
        assertThat(progress).extracting(TableProgress::table).containsExactlyElementsOf(result.tableRows().keySet());
        assertThat(progress).allMatch(p -> p.tables() == result.tableRows().size() && p.bytes() >= 0);
        assertThat(result.tableRows().keySet()).containsSubsequence("public.\"user\"", "billing.account",
            "billing.\"Invoice Line\"");
        assertThat(result.schemaVersion()).isEqualTo(MigrationCatalog.latestVersion());
    }

    @Test
    void write_shouldWriteTheSameBytes_whenRunTwiceOnOneSnapshot() throws Exception {
        try (Connection c = TestPostgres.connect(source); DumpSnapshot snapshot = DumpSnapshot.open(c)) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            ByteArrayOutputStream second = new ByteArrayOutputStream();

            DumpResult one = snapshot.write(first, DumpOptions.of(DumpKind.FULL), DumpListener.none());
            DumpFixture.execute(source, "DELETE FROM public.scratch WHERE k < 100");
            DumpResult two = snapshot.write(second, DumpOptions.of(DumpKind.FULL), DumpListener.none());

            assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
            assertThat(two.sha256()).isEqualTo(one.sha256()).hasSize(64);
            assertThat(one.bytes()).isEqualTo(first.size());
        }
    }

    @Test
    void write_shouldDumpOnlyThatTable_whenATableIsNamed() {
        // WHEN
        byte[] dump = DumpFixture.dumpGzip(source, new DumpOptions(DumpKind.FULL, Optional.of("scratch")));
        DumpFixture.restore(target, new ByteArrayInputStream(dump), false);

        // THEN
        assertThat(count(target, "SELECT count(*) FROM public.scratch")).isEqualTo(3000);
        assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'billing')"))
            .isEqualTo(1);
    }

    @Test
    void write_shouldListTheTables_whenTheNamedTableDoesNotExist() throws Exception {
        try (Connection c = TestPostgres.connect(source); DumpSnapshot snapshot = DumpSnapshot.open(c)) {
            assertThatThrownBy(() -> snapshot.write(OutputStream.nullOutputStream(),
                new DumpOptions(DumpKind.FULL, Optional.of("nope")), DumpListener.none()))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("No table 'nope'").hasMessageContaining("billing.Invoice Line");
        }
    }

    @Test
    void write_shouldSayHowFarItGot_whenTheOutputFailsMidway() throws Exception {
        // GIVEN an output that fails after 20 kB (the writer thread notices; the dump stops at its next chunk)
        OutputStream failing = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 20_000) {
                    throw new IOException("disk full");
                }
            }
        };

        try (Connection c = TestPostgres.connect(source); DumpSnapshot snapshot = DumpSnapshot.open(c)) {
            assertThatThrownBy(() -> snapshot.write(failing, DumpOptions.of(DumpKind.FULL), DumpListener.none()))
                .isInstanceOf(ExportException.class)
                .hasMessageMatching("Writing the dump failed at .+ after \\d+ bytes: disk full");
        }
    }

    @Test
    void schemaDump_shouldCarryFlywaysHistory_whenLaterMigrationsApplyOnTopOfTheRestore() {
        // GIVEN a view, which a dump does not recreate
        DumpFixture.execute(source, "CREATE VIEW public.names AS SELECT name FROM public.\"user\"");

        // WHEN a schema-only dump is restored and a newer migration applied on top
        byte[] dump = DumpFixture.dumpGzip(source, DumpOptions.of(DumpKind.SCHEMA));
        DumpFixture.restore(target, new ByteArrayInputStream(dump), false);
        Migrator newer = new Migrator(new UnpooledDataSource(TestPostgres.settings(target, "it"), Connector.jdbc()),
            MigrationCatalog.LOCATION, "classpath:db/test-migrations/future");

        // THEN the history came along, the tables are empty and the header warns about the view
        assertThat(newer.info().currentVersion()).isEqualTo(MigrationCatalog.latestVersion());
        assertThat(newer.migrate().applied()).containsExactly("1000");
        assertThat(count(target, "SELECT count(*) FROM public.scratch")).isZero();
        assertThat(new String(DumpFixture.gunzip(dump), StandardCharsets.UTF_8))
            .contains("-- Not dumped: view public.names");
    }

    private static int count(String url, String sql) {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
