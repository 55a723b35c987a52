package dev.starterkit.db.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starterkit.db.testing.PgClientTools;
import dev.starterkit.db.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proof by {@code pg_dump}: a restored dump and its source print the same schema and the same data. */
class DumpRoundTripIT {

    private static String source;
    private static byte[] fullDump;
    private String target;

    @BeforeAll
    static void createSource() {
        source = TestPostgres.get().createDatabase(DumpRoundTripIT.class);
        DumpFixture.load(source);
        fullDump = DumpFixture.dumpGzip(source, DumpOptions.of(DumpKind.FULL));
    }

    @AfterAll
    static void dropSource() {
        TestPostgres.get().dropDatabase(source);
    }

    @BeforeEach
    void createTarget() {
        assumeTrue(PgClientTools.find("pg_dump").isPresent(), PgClientTools.missing("pg_dump"));
        target = TestPostgres.get().createDatabase(DumpRoundTripIT.class);
    }

    @AfterEach
    void dropTarget() {
        if (target != null) {
            TestPostgres.get().dropDatabase(target);
        }
    }

    @Test
    void fullDump_shouldGiveTheSamePgDumpOutput_whenRestoredWithPsqlIntoAnEmptyDatabase() throws Exception {
        assumeTrue(PgClientTools.find("psql").isPresent(), PgClientTools.missing("psql"));

        // WHEN psql runs the dump in an empty database
        PgClientTools.psql(target, new GZIPInputStream(new ByteArrayInputStream(fullDump)));

        // THEN pg_dump cannot tell the two apart
        assertSameSchemaAndData(source, target);
    }

    @Test
    void fullDump_shouldGiveTheSamePgDumpOutput_whenRestoredOverJdbcIntoAnEmptyDatabase() {
        // WHEN
        RestoreResult result = DumpFixture.restore(target, new ByteArrayInputStream(fullDump), false);

        // THEN
        assertSameSchemaAndData(source, target);
        // one COPY block per table: the 10 of the migrations, Flyway's history and the fixture's 5
        assertThat(result.copyBlocks()).isEqualTo(16);
        assertThat(result.droppedObjects()).isZero();
    }

    @Test
    void dataDump_shouldGiveTheSameData_whenRestoredOnTopOfASchemaDump() {
        // GIVEN a database restored from a schema-only dump (which carries Flyway's history)
        DumpFixture.restore(target, new ByteArrayInputStream(DumpFixture.dumpGzip(source,
            DumpOptions.of(DumpKind.SCHEMA))), false);
        assertThat(PgClientTools.pgDump(target, "--data-only", "--table=public.scratch")).doesNotContain("md5");

        // WHEN the data-only dump is restored on top (in dependency order, foreign keys in place), twice: the
        // second time with clean, which empties the tables first
        byte[] data = DumpFixture.dumpGzip(source, DumpOptions.of(DumpKind.DATA));
        DumpFixture.restore(target, new ByteArrayInputStream(data), false);
        DumpFixture.restore(target, new ByteArrayInputStream(data), true);

        // THEN
        assertSameSchemaAndData(source, target);
    }

    private static void assertSameSchemaAndData(String expected, String actual) {
        assertThat(DumpFixture.normalized(PgClientTools.pgDump(actual, "--schema-only")))
            .isEqualTo(DumpFixture.normalized(PgClientTools.pgDump(expected, "--schema-only")));
        assertThat(DumpFixture.normalized(PgClientTools.pgDump(actual, "--data-only")))
            .isEqualTo(DumpFixture.normalized(PgClientTools.pgDump(expected, "--data-only")));
    }
}
