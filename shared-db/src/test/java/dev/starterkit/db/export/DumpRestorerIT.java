package dev.starterkit.db.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starterkit.db.testing.PgClientTools;
import dev.starterkit.db.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DumpRestorerIT {

    private String source;
    private String target;

    @BeforeEach
    void createDatabases() {
        source = TestPostgres.get().createDatabase(DumpRestorerIT.class);
        target = TestPostgres.get().createDatabase(DumpRestorerIT.class);
        DumpFixture.load(source);
    }

    @AfterEach
    void dropDatabases() {
        TestPostgres.get().dropDatabase(source);
        TestPostgres.get().dropDatabase(target);
    }

    @Test
    void restore_shouldRefuseAndChangeNothing_whenTheDatabaseIsNotEmptyAndCleanIsNotAsked() {
        // GIVEN
        DumpFixture.execute(target, "CREATE TABLE keep_me (x int); INSERT INTO keep_me VALUES (1)");
        byte[] dump = DumpFixture.dumpGzip(source, DumpOptions.of(DumpKind.FULL));

        // WHEN / THEN
        assertThatThrownBy(() -> DumpFixture.restore(target, new ByteArrayInputStream(dump), false))
            .isInstanceOf(RestoreException.class)
            .hasMessageContaining("not empty").hasMessageContaining("table public.keep_me");
        assertThat(count("SELECT count(*) FROM keep_me")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo(1);
    }

    @Test
    void restore_shouldDropWhatIsThereFirst_whenCleanIsAsked() {
        // GIVEN a database with its own objects, one of them named like a restored one
        DumpFixture.execute(target, "CREATE SCHEMA billing; CREATE TABLE billing.account (x int);"
            + " CREATE TABLE keep_me (x int); CREATE SEQUENCE s; CREATE TYPE mood AS ENUM ('ok')");
        byte[] dump = DumpFixture.dumpGzip(source, DumpOptions.of(DumpKind.FULL));

        // WHEN
        RestoreResult result = DumpFixture.restore(target, new ByteArrayInputStream(dump), true);

        // THEN
        assertThat(result.droppedObjects()).isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname IN ('keep_me', 's')")).isZero();
        assertThat(count("SELECT count(*) FROM billing.account")).isEqualTo(3);
    }

    @Test
    void restore_shouldRollBackEverything_whenAStatementFailsHalfway() {
        // GIVEN a script whose third statement fails after a table was created and loaded
        String script = "CREATE TABLE loaded (x int);\nCOPY loaded (x) FROM stdin;\n1\n2\n\\.\nSELECT 1/0;\n";

        // WHEN / THEN the error names the line, and the table is gone with the transaction
        assertThatThrownBy(() -> DumpFixture.restore(target,
            new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false))
            .isInstanceOf(RestoreException.class)
            .hasMessageContaining("line 6").hasMessageContaining("division by zero");
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'loaded'")).isZero();
    }

    @Test
    void restore_shouldLoadPgDumpsOwnPlainOutput_whenGivenIt() {
        assumeTrue(PgClientTools.find("pg_dump").isPresent(), PgClientTools.missing("pg_dump"));
        // GIVEN what pg_dump --format=plain writes (with its restrict lines and settings)
        String plain = PgClientTools.pgDump(source, "--format=plain", "--no-owner");

        // WHEN
        DumpFixture.restore(target, new ByteArrayInputStream(plain.getBytes(StandardCharsets.UTF_8)), false);

        // THEN
        assertThat(DumpFixture.normalized(PgClientTools.pgDump(target, "--data-only")))
            .isEqualTo(DumpFixture.normalized(PgClientTools.pgDump(source, "--data-only")));
    }

    private int count(String sql) {
        try (Connection c = TestPostgres.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
