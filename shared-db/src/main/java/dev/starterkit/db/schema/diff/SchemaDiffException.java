package dev.starterkit.db.schema.diff;

/** A diff was asked for something the two schemas do not allow, such as renaming a column that is not there. */
public class SchemaDiffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaDiffException(String message) {
        super(message);
    }

    public SchemaDiffException(String message, Throwable cause) {
        super(message, cause);
    }
}
