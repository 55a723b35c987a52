package dev.starterkit.tools.schema;

/** A shadow database could not be created or dropped; the message names it and the server. */
public class ShadowDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShadowDatabaseException(String message) {
        super(message);
    }

    public ShadowDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
