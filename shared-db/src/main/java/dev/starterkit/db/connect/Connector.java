package dev.starterkit.db.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;

/** Opens one physical connection. Tests substitute their own to count or fail connects. */
@FunctionalInterface
public interface Connector {

    /** Opens a new physical connection. */
    Connection connect(ConnectionSettings settings) throws SQLException;

    /**
     * pgjdbc directly, or the AWS Advanced JDBC Wrapper for {@code jdbc:aws-wrapper:} URLs. A refused login comes back
     * as {@link SQLInvalidAuthorizationSpecException} naming the redacted target (so whether the credentials came from
     * a secret, IAM or a URL) and the server's reason, never a password.
     */
    static Connector jdbc() {
        return settings -> {
            try {
                return open(settings);
            } catch (SQLException e) {
                SQLException refusal = ConnectionFailures.loginRefusal(e);
                if (refusal == null) {
                    throw e;
                }
                throw new SQLInvalidAuthorizationSpecException("Database login refused for "
                    + settings.redactedTarget() + " (" + refusal.getSQLState() + "): "
                    + ConnectionFailures.firstLine(refusal), refusal.getSQLState(), e);
            }
        };
    }

    private static Connection open(ConnectionSettings settings) throws SQLException {
        if (settings.viaWrapper()) {
            // Loading the classes registers both drivers; the wrapper finds pgjdbc through DriverManager.
            DriverRegistration.ensureRegistered();
            return DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties());
        }
        Connection connection = new org.postgresql.Driver().connect(settings.jdbcUrl(), settings.driverProperties());
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL " + settings.redactedTarget(), "08001");
        }
        return connection;
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
