package dev.starterkit.db.testing;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.seed.Seeder;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database of one test class on the {@link TestPostgres} server, optionally migrated, with the settings to open a
 * {@link DataLayer} on it. Closing it drops the database.
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final String applicationName;

    private TestDatabase(String url, String applicationName) {
        this.url = url;
        this.applicationName = applicationName;
    }

    /** A new empty database for {@code testClass}. */
    public static TestDatabase empty(Class<?> testClass) {
        return new TestDatabase(TestPostgres.get().createDatabase(testClass), testClass.getSimpleName());
    }

    /** A new database for {@code testClass} with every packaged migration applied. */
    public static TestDatabase migrated(Class<?> testClass) {
        TestDatabase database = empty(testClass);
        new Migrator(database.unpooled()).migrate();
        return database;
    }

    /** A new migrated database for {@code testClass} with the seeds of the {@code test} stage. */
    public static TestDatabase seeded(Class<?> testClass) {
        TestDatabase database = migrated(testClass);
        new Seeder(database.unpooled()).seed(Stage.TEST);
        return database;
    }

    /** The database's {@code postgres://} URL. */
    public String url() {
        return url;
    }

    /** Connection settings named after the test class. */
    public ConnectionSettings settings() {
        return TestPostgres.settings(url, applicationName);
    }

    /** A data source opening a new physical connection each time, as the migrate function uses. */
    public UnpooledDataSource unpooled() {
        return new UnpooledDataSource(settings(), Connector.jdbc());
    }

    /** A data layer on this database; the caller closes it. */
    public DataLayer openDataLayer() {
        return DataLayer.open(settings());
    }

    /** A plain connection outside the code under test; the caller closes it. */
    public Connection connect() throws SQLException {
        return TestPostgres.connect(url);
    }

    @Override
    public void close() {
        TestPostgres.get().dropDatabase(url);
    }
}
