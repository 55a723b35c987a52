package dev.starterkit.tools.schema;

/** A schema could not be read from a database or applied to one; the message names the database and the cause. */
public class SchemaSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaSourceException(String message) {
        super(message);
    }

    public SchemaSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
