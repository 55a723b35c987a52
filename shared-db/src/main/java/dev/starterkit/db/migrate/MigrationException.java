package dev.starterkit.db.migrate;

/** A migration that could not be applied or inspected; the message says which and why. */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
