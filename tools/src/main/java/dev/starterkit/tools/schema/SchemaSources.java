package dev.starterkit.tools.schema;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.schema.ddl.CatalogReader;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.diff.Renames;
import dev.starterkit.db.schema.diff.SchemaDiff;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where the schemas that the tools compare come from, each read back from PostgreSQL's catalog so that both sides
 * are spelled the way PostgreSQL spells them: a live database, {@code migrations/} applied to a shadow database,
 * and the entity model's DDL run on another.
 */
public final class SchemaSources {

    private SchemaSources() {
    }

    /** The schema of the database {@code settings} connect to. */
    public static SchemaModel live(ConnectionSettings settings) {
        try (Connection connection = Connector.jdbc().connect(settings)) {
            return CatalogReader.read(connection);
        } catch (SQLException e) {
            throw new SchemaSourceException("Reading the schema of " + settings.redactedTarget() + " failed: "
                + e.getMessage(), e);
        }
    }

    /** The schema that {@code folder}'s migrations produce, applied with Flyway to the empty {@code shadow}. */
    public static SchemaModel migrated(ShadowDatabase shadow, MigrationsFolder folder) {
        if (!folder.migrations().isEmpty()) {
            new Migrator(new UnpooledDataSource(shadow.settings(), Connector.jdbc()), folder.location()).migrate();
        }
        return live(shadow.settings());
    }

    /** The schema {@code model} describes, as PostgreSQL writes it back once its DDL has run on the empty shadow. */
    public static SchemaModel realized(ShadowDatabase shadow, SchemaModel model) {
        apply(shadow.settings(), model.statements());
        return live(shadow.settings());
    }

    /**
     * Runs the diff's statements on {@code shadow}, which holds the diff's starting schema, and fails unless the
     * result reads back as {@code target}: no file is written and no database changed with untried statements.
     */
    public static void prove(ShadowDatabase shadow, SchemaDiff diff, SchemaModel target) {
        apply(shadow.settings(), diff.statements());
        SchemaDiff rest = SchemaDiff.between(live(shadow.settings()), target, Renames.dropAndAdd());
        if (!rest.isEmpty()) {
            throw new SchemaSourceException("The diff's statements do not produce the target schema on "
                + shadow.name() + "; still different: " + String.join("; ", rest.descriptions()));
        }
    }

    /** Runs {@code statements} in one transaction: all of them, or none when one fails. */
    public static void apply(ConnectionSettings settings, List<String> statements) {
        try (Connection connection = Connector.jdbc().connect(settings)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    execute(statement, sql);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SchemaSourceException("Applying the schema to " + settings.redactedTarget() + " failed: "
                + e.getMessage(), e);
        }
    }

    private static void execute(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            // No cause: the command line prints the innermost message, and this one says which statement failed.
            throw new SQLException(e.getMessage() + " (in: " + sql.lines().findFirst().orElse(sql) + ")",
                e.getSQLState());
        }
    }
}
