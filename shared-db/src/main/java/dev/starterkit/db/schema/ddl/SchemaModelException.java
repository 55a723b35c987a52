package dev.starterkit.db.schema.ddl;

/** An entity whose annotations do not describe a valid table; the message names the entity and the problem. */
public class SchemaModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaModelException(String message) {
        super(message);
    }

    public SchemaModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
