package dev.starterkit.tools.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.migrate.MigrationCatalog;
import dev.starterkit.db.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCliIT {

    @TempDir
    Path project;

    private String url;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createDatabase() {
        url = TestPostgres.get().createDatabase(DbCliIT.class);
    }

    @AfterEach
    void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void info_shouldPrintTheConfigurationWithoutThePassword_whenTheDatabaseIsUnreachable() throws Exception {
        // GIVEN a DATABASE_URL in .env.local pointing at a port nothing listens on
        Files.writeString(project.resolve(".env.local"),
            "DATABASE_URL=postgres://app:Sup3rSecret@127.0.0.1:1/app\n");

        // WHEN
        int code = cli(null).run(new String[] {"info:staging"}, Map.of(), project);

        // THEN the configuration is shown, the password is not, and the failure is explained
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text).contains("Environment:  staging (from --env)")
            .contains("Env files:    .env.local")
            .contains("postgres://app:***@127.0.0.1:1/app (from .env.local)")
            .contains("unreachable");
        assertThat(text + err).doesNotContain("Sup3rSecret");
    }

    @Test
    void migrateAndSeed_shouldBringAnEmptyDatabaseUpToDate_whenRunTwice() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", url);

        assertThat(cli(null).run(new String[] {"migrate", "--env", "test"}, env, project)).isZero();
        assertThat(cli(null).run(new String[] {"migrate:test"}, env, project)).isZero();
        assertThat(cli(null).run(new String[] {"info:test"}, env, project)).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Schema is up to date at version " + MigrationCatalog.latestVersion())
            .contains("Schema:       version " + MigrationCatalog.latestVersion())
            .contains("Pending:      none");
    }

    @Test
    void migrate_shouldChangeNothing_whenProdIsNotConfirmed() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", url);

        int noTerminal = cli(null).run(new String[] {"migrate:prod"}, env, project);
        int declined = cli(new BufferedReader(new StringReader("n\n"))).run(new String[] {"migrate:prod"}, env,
            project);

        assertThat(noTerminal).isEqualTo(3);
        assertThat(declined).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--yes");
        assertThat(tableCount()).isZero();

        assertThat(cli(new BufferedReader(new StringReader("yes\n"))).run(new String[] {"migrate:prod"}, env,
            project)).isZero();
        assertThat(tableCount()).isPositive();
    }

    @Test
    void migrate_shouldApplyWithoutAsking_whenYesIsGiven() throws Exception {
        assertThat(cli(null).run(new String[] {"migrate", "--env=prod", "--yes"}, Map.of("DATABASE_URL", url),
            project)).isZero();
        assertThat(tableCount()).isPositive();
    }

    @Test
    void run_shouldExitWithUsage_whenTheCommandOrAnOptionIsUnknown() {
        assertThat(cli(null).run(new String[] {"frobnicate"}, Map.of(), project)).isEqualTo(2);
        assertThat(cli(null).run(new String[] {"migrate", "--force"}, Map.of("DATABASE_URL", url), project))
            .isEqualTo(2);
        assertThat(cli(null).run(new String[] {"migrate:qa"}, Map.of(), project)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'")
            .contains("has no option --force").contains("--env must be one of dev, test, staging, prod");
    }

    @Test
    void run_shouldNameTheVariableAndFile_whenDatabaseUrlIsNotPostgres() throws Exception {
        Files.writeString(project.resolve(".env"), "DATABASE_URL=mysql://root:Sup3rSecret@db/app\n");

        int code = cli(null).run(new String[] {"migrate:staging"}, Map.of(), project);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
            .contains("DATABASE_URL (from .env) must be a postgres:// or postgresql:// URL")
            .doesNotContain("Sup3rSecret");
    }

    private DbCli cli(BufferedReader answers) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new DbCli(o, new PrintStream(err, true, StandardCharsets.UTF_8), Confirmer.ask(answers, o));
    }

    private int tableCount() throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
