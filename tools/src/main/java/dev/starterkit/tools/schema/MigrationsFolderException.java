package dev.starterkit.tools.schema;

/** The migrations folder holds files Flyway would reject, or versions used twice; the message lists them. */
public class MigrationsFolderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationsFolderException(String message) {
        super(message);
    }

    public MigrationsFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
