package dev.starterkit.db.connect;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How to open the physical connection: the JDBC URL (without credentials), the driver properties (the password
 * among them, never printed), and a redacted description of the target for logs and {@code bin/db info}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://...} locally, {@code jdbc:aws-wrapper:postgresql://...} deployed
 * @param properties driver properties, including {@code user}, {@code password} and {@code ApplicationName}
 * @param redactedTarget the target with any password replaced by {@code ***}
 * @param applicationName the JDBC {@code ApplicationName}: the function's name
 * @param validateAfterIdle a connection idle this long is checked before it is handed out
 */
public record ConnectionSettings(String jdbcUrl, Map<String, String> properties, String redactedTarget,
                                 String applicationName, Duration validateAfterIdle) {

    /** Properties that are never shown. */
    private static final java.util.Set<String> SECRET_KEYS = java.util.Set.of("password", "sslpassword");

    public ConnectionSettings {
        properties = Map.copyOf(properties);
    }

    /** The properties as {@link Properties}, for {@code DriverManager}. */
    public Properties driverProperties() {
        Properties props = new Properties();
        props.putAll(properties);
        return props;
    }

    /** Whether connections go through the AWS Advanced JDBC Wrapper. */
    public boolean viaWrapper() {
        return jdbcUrl.startsWith("jdbc:aws-wrapper:");
    }

    /** A copy with another {@code ApplicationName}. */
    public ConnectionSettings withApplicationName(String name) {
        Map<String, String> copy = new java.util.HashMap<>(properties);
        copy.put("ApplicationName", name);
        return new ConnectionSettings(jdbcUrl, copy, redactedTarget, name, validateAfterIdle);
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder();
        properties.forEach((key, value) -> {
            if (!SECRET_KEYS.contains(key)) {
                shown.append(shown.length() == 0 ? "" : ", ").append(key).append('=').append(value);
            }
        });
        return "ConnectionSettings[" + redactedTarget + ", " + shown + "]";
    }
}
