package dev.starterkit.tools.studio;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.SharedConnectionDataSource;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.seed.Seeder;
import dev.starterkit.db.testing.TestPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A test class's own database, migrated and seeded for {@code test}, and studios over it. */
final class StudioDatabase implements AutoCloseable {

    private final String url;
    private final SharedConnection connection;

    StudioDatabase(Class<?> testClass) {
        url = TestPostgres.get().createDatabase(testClass);
        UnpooledDataSource setup = new UnpooledDataSource(TestPostgres.settings(url, "studio-setup"), Connector.jdbc());
        new Migrator(setup).migrate();
        new Seeder(setup).seed(Stage.TEST);
        connection = new SharedConnection(TestPostgres.settings(url, "studio"), Connector.jdbc());
    }

    /** A studio on an ephemeral port over the direct data source. */
    StudioServer studio(boolean writable) throws IOException {
        return StudioServer.start(new SharedConnectionDataSource(connection),
            new StudioSettings(0, writable, writable ? "test" : "prod", "postgres://test/studio"));
    }

    /** The first column of the first row of {@code sql} with {@code arg} bound, read outside the studio. */
    String scalar(String sql, String arg) throws SQLException {
        try (Connection plain = TestPostgres.connect(url); PreparedStatement statement = plain.prepareStatement(sql)) {
            statement.setString(1, arg);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @Override
    public void close() {
        connection.close();
        TestPostgres.get().dropDatabase(url);
    }
}
