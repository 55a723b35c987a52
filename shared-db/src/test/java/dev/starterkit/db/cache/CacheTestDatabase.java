package dev.starterkit.db.cache;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.cache.store.CacheStore;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.schema.user.User;
import dev.starterkit.db.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;

/** A migrated database of a test class's own, plus a table with a cascading foreign key to {@code user}. */
final class CacheTestDatabase {

    private CacheTestDatabase() {
    }

    /** Creates and migrates a database for {@code testClass}; returns its URL. */
    static String create(Class<?> testClass) {
        String url = TestPostgres.get().createDatabase(testClass);
        new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "migrate"), Connector.jdbc())).migrate();
        execute(url, "CREATE TABLE note (id text PRIMARY KEY, user_id text NOT NULL REFERENCES \"user\"(id) "
            + "ON DELETE CASCADE, body text NOT NULL)");
        return url;
    }

    /** A data layer, i.e. an execution environment, named {@code name}. */
    static DataLayer layer(String url, String name, CacheConfig config, InstantSource clock, CacheStore store) {
        return DataLayer.open(new SharedConnection(TestPostgres.settings(url, name), Connector.jdbc()), config, clock,
            store);
    }

    /** A user record with {@code id}, {@code name} and an email made from the id. */
    static User user(String id, String name) {
        return new User(id, name, id + "@example.com", false, null, false, null, null, null);
    }

    /** Runs SQL outside the code under test. */
    static void execute(String url, String sql) {
        try (Connection connection = TestPostgres.connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
