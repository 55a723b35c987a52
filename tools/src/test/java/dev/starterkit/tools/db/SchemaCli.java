package dev.starterkit.tools.db;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.MigrationStatus;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.schema.ddl.CatalogReader;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code bin/db} schema commands against one test database with a fixture model, in a project folder whose
 * {@code migrations/} starts empty; collects what they print.
 */
final class SchemaCli {

    private final String url;
    private final Path project;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    SchemaCli(String url, Path project) {
        this.url = url;
        this.project = project;
    }

    /** Runs one command line with {@code model} as the entity model and {@code answers} typed on a terminal. */
    int runAnswering(SchemaModel model, String answers, String... argv) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        BufferedReader terminal = answers == null ? null : new BufferedReader(new StringReader(answers));
        DbCli cli = new DbCli(o, new PrintStream(err, true, StandardCharsets.UTF_8), Confirmer.ask(terminal, o))
            .with(new GenerateCommand(() -> model))
            .with(new CheckCommand(() -> model))
            .with(new PushCommand(() -> model));
        return cli.run(argv, Map.of("DATABASE_URL", url), project);
    }

    /** Runs a command line without a terminal. */
    int run(SchemaModel model, String... argv) {
        return runAnswering(model, null, argv);
    }

    /** What the commands printed so far, standard output then error, and forgets it. */
    String output() {
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        out.reset();
        err.reset();
        return text;
    }

    Path migrations() {
        return project.resolve("migrations");
    }

    /** The migration file names, sorted. */
    List<String> files() throws IOException {
        if (!Files.isDirectory(migrations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    String read(String file) throws IOException {
        return Files.readString(migrations().resolve(file));
    }

    /** Applies the folder's pending migrations to the test database, as {@code bin/db migrate} would. */
    MigrationStatus migrate() {
        return new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "schema-cli-test"), Connector.jdbc()),
            "filesystem:" + migrations()).migrate();
    }

    /** The test database's schema. */
    SchemaModel schema() throws SQLException {
        try (Connection connection = TestPostgres.connect(url)) {
            return CatalogReader.read(connection);
        }
    }

    /** Runs statements on the test database. */
    void execute(String... statements) throws SQLException {
        try (Connection connection = TestPostgres.connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The first column of the first row of a query on the test database. */
    String query(String sql) throws SQLException {
        try (Connection connection = TestPostgres.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** How many shadow databases made for the test database exist on the server. */
    int shadowDatabases() throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        return Integer.parseInt(query("SELECT count(*) FROM pg_database WHERE datname LIKE 'shadow\\_%' AND datname "
            + "LIKE '%" + database + "%'"));
    }
}
