package dev.starterkit.db.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens one physical connection. Tests substitute their own to count or fail connects. */
@FunctionalInterface
public interface Connector {

    /** Opens a new physical connection. */
    Connection connect(ConnectionSettings settings) throws SQLException;

    /** pgjdbc directly, or the AWS Advanced JDBC Wrapper for {@code jdbc:aws-wrapper:} URLs. */
    static Connector jdbc() {
        return settings -> {
            if (settings.viaWrapper()) {
                // Loading the classes registers both drivers; the wrapper finds pgjdbc through DriverManager.
                DriverRegistration.ensureRegistered();
                return DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties());
            }
            Connection connection = new org.postgresql.Driver().connect(settings.jdbcUrl(),
                settings.driverProperties());
            if (connection == null) {
                throw new SQLException("pgjdbc does not accept the URL " + settings.redactedTarget(), "08001");
            }
            return connection;
        };
    }

    /** Makes sure the drivers are known to {@link DriverManager} in shaded artifacts too. */
    final class DriverRegistration {
        private DriverRegistration() {
        }

        static void ensureRegistered() throws SQLException {
            try {
                Class.forName("org.postgresql.Driver");
                Class.forName("software.amazon.jdbc.Driver");
            } catch (ClassNotFoundException e) {
                throw new SQLException("JDBC driver missing from the artifact: " + e.getMessage(), "08001", e);
            }
        }
    }
}
