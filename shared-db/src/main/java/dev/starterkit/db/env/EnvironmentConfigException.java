package dev.starterkit.db.env;

/** A missing or invalid configuration value; the message names the variable and where it came from. */
public class EnvironmentConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EnvironmentConfigException(String message) {
        super(message);
    }

    public EnvironmentConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
