package dev.starterkit.db.connect;

import dev.starterkit.db.env.EnvironmentConfigException;

/** A database setting that is missing or malformed; the message never carries a password. */
public class DatabaseConfigException extends EnvironmentConfigException {

    private static final long serialVersionUID = 1L;

    public DatabaseConfigException(String message) {
        super(message);
    }

    public DatabaseConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
